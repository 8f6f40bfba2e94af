"""Audit rows for reading conversations: every page that shows a candidate's data records who saw it."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction
from django.db.models import Model

from nagesprek.audit.constants import ActorKind, AuditAction
from nagesprek.audit.services import record_event, record_events
from nagesprek.candidates.models import Candidate
from nagesprek.conversations.models import Conversation
from nagesprek.organisations.selectors import Actor


@transaction.atomic
def record_booking_page_viewed(*, candidate: Candidate, target: Model) -> None:
    """The candidate opened a booking page (their offer or conversation): an audit event, actor the candidate."""
    record_event(
        organisation=candidate.organisation,
        action=AuditAction.VIEW,
        target=target,
        candidate_id=candidate.pk,
        actor_kind=ActorKind.CANDIDATE,
        summary="Conversation booking page opened",
    )


@transaction.atomic
def record_calendar_downloaded(*, conversation: Conversation) -> None:
    """The candidate downloaded their conversation as .ics: an export of their data."""
    record_event(
        organisation=conversation.organisation,
        action=AuditAction.EXPORT,
        target=conversation,
        candidate_id=conversation.candidate_id,
        actor_kind=ActorKind.CANDIDATE,
        summary="Conversation downloaded as calendar file",
    )


@transaction.atomic
def record_agenda_viewed(*, actor: Actor, conversations: Sequence[Conversation]) -> None:
    """A member of staff saw these conversations in an agenda: one audit row per candidate shown (one insert)."""
    if conversations:
        record_events(
            organisation=actor.organisation,
            action=AuditAction.VIEW,
            targets=[(c, c.candidate_id) for c in conversations],
            user=actor.user,
            summary="Shown in the advisor's agenda",
        )


@transaction.atomic
def record_conversation_viewed(*, actor: Actor, conversation: Conversation) -> None:
    """A member of staff opened the conversation (it shows the candidate's details)."""
    record_event(
        organisation=actor.organisation,
        action=AuditAction.VIEW,
        target=conversation,
        candidate_id=conversation.candidate_id,
        user=actor.user,
        summary="Conversation opened",
    )


@transaction.atomic
def record_wave_viewed(*, actor: Actor, targets: Sequence[tuple[Model, int]], summary: str) -> None:
    """A member of staff saw these offers or conversations on a wave page: one audit row per candidate shown."""
    if targets:
        record_events(
            organisation=actor.organisation,
            action=AuditAction.VIEW,
            targets=list(targets),
            user=actor.user,
            summary=summary,
        )
