"""The match explanation a referral or invitation carries: the words of the suggestion that was shown.

The advisor (or recruiter) saw a logged set of suggestions (``matching.SuggestionLog``); the referral
keeps that log row and the explanation of the chosen vacancy (or candidate) in words, so the recruiter
reads what the advisor read, and the AI Act's log shows which suggestion a person acted on.
"""

from __future__ import annotations

from django.utils.translation import gettext

from nagesprek.matching.models_log import SuggestionKind, SuggestionLog
from nagesprek.matching.wording import explanation_line
from nagesprek.organisations.models import Organisation


def _words(result: dict) -> str:
    if result.get("fits_now"):
        lines = [gettext("Fits now.")]
    else:
        route = (result.get("route") or {}).get("title", "")
        lines = [gettext("Fits after the route “%(route)s”.") % {"route": route}]
    lines += [explanation_line(r.get("code", ""), r.get("params")) for r in result.get("explanation", [])]
    if result.get("met"):
        lines.append(gettext("Requirements met: %(list)s") % {"list": ", ".join(result["met"])})
    if result.get("missing"):
        lines.append(gettext("Still missing: %(list)s") % {"list": ", ".join(result["missing"])})
    return "\n".join(lines)


def from_log(
    *, organisation: Organisation, log_id: int | str | None, kind: SuggestionKind, subject_id: int, target_id: int
) -> tuple[SuggestionLog | None, str]:
    """The log row and the explanation of ``target_id`` in it, in the active language; (None, "") when absent.

    Only a log of this organisation, kind and subject counts: an id from a form cannot point elsewhere.
    """
    try:
        log_pk = int(log_id or 0)
    except (TypeError, ValueError):
        return None, ""
    log = SuggestionLog.objects.filter(pk=log_pk, organisation=organisation, kind=kind, subject_id=subject_id).first()
    if log is None:
        return None, ""
    result = next((r for r in log.results if r.get("id") == target_id), None)
    return (log, _words(result)) if result is not None else (log, "")
