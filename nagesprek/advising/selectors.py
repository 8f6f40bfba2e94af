"""Reads of the advisor's workspace with its access rules (see ``constants.ADVISING_ROLES``).

Every read here is for the organisation's career advisors, except ``sent_summaries_for_candidate`` (the
candidate's own page). Anything outside the advisor's organisation, or asked for by another role, is a
404. On an access request the privacy officer's export (``privacy_requests.personal_data``) discloses
the notes, outcomes and summaries with the rest of the candidate's data: they hang off the candidate.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from nagesprek.advising.constants import ADVISING_ROLES, SummaryStatus
from nagesprek.advising.models import AdviceSummary, AdvisorNote, ConversationOutcome
from nagesprek.candidates.models import Candidate
from nagesprek.conversations.constants import ConversationStatus
from nagesprek.conversations.models import Conversation
from nagesprek.organisations.selectors import Actor
from nagesprek.referrals.constants import ReferralStatus
from nagesprek.referrals.models import Referral

UPCOMING_DAYS = 14
# A booked conversation whose time has passed still asks for the advisor's attention (held? outcome?) this long.
RECORD_WITHIN_DAYS = 7


def may_advise(actor: Actor) -> bool:
    return actor.has_role(*ADVISING_ROLES)


def get_conversation_for_advisor(*, actor: Actor, conversation_id: int) -> Conversation:
    """A conversation of the actor's organisation, for any of its advisors; 404 otherwise. Callers audit.

    Not only the advisor's own: a colleague who takes a conversation over reads its brief and notes.
    Candidate, application (vacancy, stage, its rejection) and advisor come along.
    """
    if not may_advise(actor):
        raise Http404
    conversation = (
        Conversation.objects.filter(organisation=actor.organisation, pk=conversation_id)
        .select_related("candidate", "application__vacancy", "application__stage", "advisor", "organisation")
        .first()
    )
    if conversation is None:
        raise Http404
    return conversation


def list_notes(*, conversation: Conversation) -> QuerySet[AdvisorNote]:
    """The conversation's notes, oldest first, with their authors. The caller checked access."""
    return AdvisorNote.objects.filter(conversation=conversation).select_related("author").order_by("created_at", "pk")


def get_note_for_advisor(*, actor: Actor, note_id: int) -> AdvisorNote:
    """One note of the actor's organisation, for its advisors; 404 otherwise."""
    if not may_advise(actor):
        raise Http404
    note = (
        AdvisorNote.objects.filter(organisation=actor.organisation, pk=note_id)
        .select_related("conversation__candidate", "author")
        .first()
    )
    if note is None:
        raise Http404
    return note


def get_outcome(*, conversation: Conversation) -> ConversationOutcome | None:
    """The conversation's outcome with its routes, or None before one is recorded."""
    return ConversationOutcome.objects.filter(conversation=conversation).prefetch_related("routes").first()


def get_summary(*, conversation: Conversation) -> AdviceSummary | None:
    return AdviceSummary.objects.filter(conversation=conversation).select_related("sent_by").first()


def get_outcome_for_advisor(*, actor: Actor, outcome_id: int) -> ConversationOutcome:
    """One outcome of the actor's organisation, for its advisors; 404 otherwise."""
    if not may_advise(actor):
        raise Http404
    outcome = (
        ConversationOutcome.objects.filter(organisation=actor.organisation, pk=outcome_id)
        .select_related("conversation", "candidate")
        .first()
    )
    if outcome is None:
        raise Http404
    return outcome


def list_referrals_from_conversation(*, conversation: Conversation) -> QuerySet[Referral]:
    """The referrals made from this conversation, oldest first, with their vacancy (one query)."""
    return (
        Referral.objects.filter(source_conversation=conversation)
        .select_related("vacancy", "application")
        .order_by("created_at", "pk")
    )


def referred_vacancy_titles(*, conversation: Conversation) -> list[str]:
    """The vacancies the candidate was referred to from this conversation (for the summary's first draft)."""
    referrals = list_referrals_from_conversation(conversation=conversation).exclude(status=ReferralStatus.WITHDRAWN)
    return [referral.vacancy.title for referral in referrals]


def list_upcoming_for_advisor(
    *, actor: Actor, now: datetime | None = None, days: int = UPCOMING_DAYS
) -> QuerySet[Conversation]:
    """The actor's own booked conversations, soonest first (one query): those in the next ``days`` days, and
    those of the last ``RECORD_WITHIN_DAYS`` days that are still "booked" (held or missed, not yet recorded)."""
    if not may_advise(actor):
        return Conversation.objects.none()
    now = now or timezone.now()
    return (
        Conversation.objects.filter(
            organisation=actor.organisation,
            advisor=actor.user,
            status=ConversationStatus.BOOKED,
            starts_at__gte=now - timedelta(days=RECORD_WITHIN_DAYS),
            starts_at__lt=now + timedelta(days=days),
        )
        .select_related("candidate", "application__vacancy")
        .order_by("starts_at", "pk")
    )


def list_follow_ups_due(*, actor: Actor, today: date | None = None) -> QuerySet[ConversationOutcome]:
    """Follow-ups of the actor's conversations that are due (today or before) and not done, oldest first."""
    if not may_advise(actor):
        return ConversationOutcome.objects.none()
    today = today or timezone.localdate()
    return (
        ConversationOutcome.objects.filter(
            organisation=actor.organisation,
            conversation__advisor=actor.user,
            follow_up_on__lte=today,
            follow_up_done_at__isnull=True,
        )
        .select_related("candidate", "conversation__application__vacancy")
        .order_by("follow_up_on", "pk")
    )


def sent_summaries_for_candidate(*, candidate: Candidate) -> QuerySet[AdviceSummary]:
    """The summaries sent to the candidate, newest first: what their own page shows. Drafts never."""
    return (
        AdviceSummary.objects.filter(candidate=candidate, status=SummaryStatus.SENT)
        .select_related("conversation__application__vacancy", "sent_by")
        .order_by("-sent_at", "-pk")
    )
