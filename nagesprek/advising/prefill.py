"""The first draft of the written summary, from what is recorded about the conversation (reads only)."""

from __future__ import annotations

from django.utils import formats, translation
from django.utils.translation import ngettext

from nagesprek.advising import selectors
from nagesprek.advising.summary import RouteLine, draft_summary_text
from nagesprek.conversations.models import Conversation
from nagesprek.routes.models import Route


def _route_line(route: Route, language: str) -> RouteLine:
    with translation.override(language):
        cost = "" if route.cost_eur is None else "€ " + formats.number_format(route.cost_eur, 2, use_l10n=True)
        weeks = route.duration_weeks
        duration = route.duration_text or (
            ngettext("%(weeks)s week", "%(weeks)s weeks", weeks) % {"weeks": weeks} if weeks else ""
        )
    return RouteLine(route.title, route.provider, duration, cost, route.link)


def summary_prefill(*, conversation: Conversation, language: str) -> str:
    """A draft in ``language`` from the outcome (advice, routes, follow-up) and the referrals made."""
    outcome = selectors.get_outcome(conversation=conversation)
    routes = [_route_line(r, language) for r in outcome.routes.all()] if outcome is not None else []
    return draft_summary_text(
        candidate_name=conversation.candidate.full_name,
        advisor_name=conversation.advisor.full_name,
        vacancy_title=conversation.application.vacancy.title,
        advice=outcome.advice if outcome is not None else "",
        routes=routes,
        follow_up_on=outcome.follow_up_on if outcome is not None else None,
        referred_to=selectors.referred_vacancy_titles(conversation=conversation),
        contact_email=conversation.advisor.email,
        language=language,
    )
