"""Why this advisor and this time: the wave planner's reasons (``scheduling.routing`` codes) in plain words.

The core gives reasons as data (a code and its values); here they become sentences in the active
language, one wording for staff (the plan page, the wave page) and one for the candidate (their page and
the e-mail with the proposal, in B1 Dutch with "je"). Call these with the reader's language active.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from django.utils import formats
from django.utils.translation import gettext, ngettext

from nagesprek.accounts.constants import Language
from nagesprek.scheduling import routing


def _language_name(code: object) -> str:
    return str(Language(code).label) if code in Language.values else str(code)


def _day(value: object) -> str:
    try:
        return str(formats.date_format(date.fromisoformat(str(value)), "j F Y"))
    except ValueError:
        return str(value)


def for_staff(reasons: Sequence[Mapping], *, advisor: str, job_family: str) -> list[str]:
    """The reasons as sentences for the HR lead who plans the wave (the advisor named, the figures given)."""
    sentences = []
    for reason in reasons:
        code, params = reason.get("code"), reason.get("params", {})
        if code == routing.SPEAKS_LANGUAGE:
            sentences.append(
                gettext("%(advisor)s speaks %(language)s, the candidate's language.")
                % {"advisor": advisor, "language": _language_name(params.get("language"))}
            )
        elif code == routing.KNOWS_JOB_FAMILY:
            sentences.append(
                gettext("%(advisor)s knows the job family %(job_family)s.")
                % {"advisor": advisor, "job_family": job_family}
            )
        elif code == routing.OTHER_JOB_FAMILY:
            sentences.append(
                gettext("No advisor who knows %(job_family)s had a free time before the deadline.")
                % {"job_family": job_family}
            )
        elif code == routing.WITHIN_DEADLINE:
            waiting, deadline = int(params.get("working_days_waiting", 0)), _day(params.get("deadline"))
            if waiting <= 0:
                sentence = gettext("On the first day the plan may use, within the deadline of %(deadline)s.") % {
                    "deadline": deadline
                }
            else:
                sentence = ngettext(
                    "%(count)d working day after the first day the plan may use, within the deadline of %(deadline)s.",
                    "%(count)d working days after the first day the plan may use, within the deadline of %(deadline)s.",
                    waiting,
                ) % {"count": waiting, "deadline": deadline}
            sentences.append(sentence)
        elif code == routing.FAIR_SHARE:
            sentences.append(
                gettext(
                    "%(advisor)s has %(conversations)s conversations in this plan; "
                    "their fair share of the capacity is %(fair_share)s."
                )
                % {
                    "advisor": advisor,
                    "conversations": params.get("conversations"),
                    "fair_share": params.get("fair_share"),
                }
            )
        elif code == routing.ROUND_ROBIN_TURN:
            sentences.append(
                gettext("%(advisor)s had %(conversations)s conversations before this one (taking turns).")
                % {"advisor": advisor, "conversations": params.get("conversations")}
            )
        elif code == routing.EARLIEST_FREE_TIME:
            sentences.append(gettext("The earliest free time."))
        # FITS_AVAILABILITY says nothing here: candidates give no preferred day-parts to the wave planner.
    return sentences


def for_candidate(reasons: Sequence[Mapping], *, advisor: str, job_family: str) -> list[str]:
    """The reasons as the candidate reads them: short, plain, about them (B1; "je" in Dutch)."""
    sentences = []
    for reason in reasons:
        code, params = reason.get("code"), reason.get("params", {})
        if code == routing.SPEAKS_LANGUAGE:
            sentences.append(
                gettext("%(advisor)s speaks %(language)s with you.")
                % {"advisor": advisor, "language": _language_name(params.get("language"))}
            )
        elif code == routing.KNOWS_JOB_FAMILY:
            sentences.append(
                gettext("%(advisor)s knows the work in %(job_family)s well.")
                % {"advisor": advisor, "job_family": job_family}
            )
        elif code == routing.OTHER_JOB_FAMILY:
            sentences.append(
                gettext("%(advisor)s was free in time. They help candidates from every kind of work.")
                % {"advisor": advisor}
            )
        elif code == routing.WITHIN_DEADLINE:
            sentences.append(
                gettext("The time is before %(deadline)s, the last day for your conversation.")
                % {"deadline": _day(params.get("deadline"))}
            )
        elif code == routing.FAIR_SHARE:
            sentences.append(gettext("We share the conversations fairly among our career advisors."))
    return sentences
