"""The advisor's part of their dashboard panel: their conversations (each with its brief) and due follow-ups."""

from __future__ import annotations

from django.utils import timezone

from nagesprek.advising import selectors
from nagesprek.organisations.selectors import Actor

SHOWN = 10


def agenda_for_advisor(*, actor: Actor) -> dict:
    """Template data for ``advising/_dashboard_agenda.html``: two queries, at most SHOWN rows each."""
    now = timezone.now()
    return {
        "now": now,
        "upcoming": list(selectors.list_upcoming_for_advisor(actor=actor, now=now)[:SHOWN]),
        "follow_ups": list(selectors.list_follow_ups_due(actor=actor)[:SHOWN]),
    }
