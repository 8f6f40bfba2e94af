"""When each candidate's file is due for erasure, and the privacy officer's view of it.

The rule the letter and the candidate page promise (AVG practice, Autoriteit Persoonsgegevens):

- while any application is in procedure, hired, or has a rejection letter not yet sent, or a
  conversation with an advisor is still to come, or a referral waits for a recruiter's answer, nothing
  is due;
- otherwise the file is kept ``RETENTION_DAYS_WITHOUT_CONSENT`` days after the procedure ended (the
  latest of an application's closing, a letter's sending and a conversation held with an advisor; the
  file's creation if it has none of these);
- a valid talent-pool consent extends that to the consent's end; withdrawing it ends the extension.

Everything is computed in the database, so the daily sweep reads only the files that are due.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import DateTimeField, Exists, ExpressionWrapper, F, Max, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, Greatest

from nagesprek.applications.constants import ApplicationStatus
from nagesprek.applications.models import Application
from nagesprek.candidates.models import Candidate
from nagesprek.consents.constants import ConsentPurpose
from nagesprek.consents.models import Consent
from nagesprek.consultations.constants import BookingStatus
from nagesprek.consultations.models import ConsultationBooking
from nagesprek.conversations.constants import ACTIVE_STATUSES as CONVERSATION_ACTIVE
from nagesprek.conversations.constants import ConversationStatus
from nagesprek.conversations.models import Conversation
from nagesprek.organisations.models import Organisation
from nagesprek.organisations.selectors import Actor
from nagesprek.referrals.constants import ReferralStatus
from nagesprek.referrals.models import Referral
from nagesprek.rejections.constants import RejectionStatus
from nagesprek.retention.models import Erasure


def _window() -> timedelta:
    return timedelta(days=settings.RETENTION_DAYS_WITHOUT_CONSENT)


def _still_needed(now: datetime) -> Q:
    """A procedure running, a hire, a candidate not yet told, a conversation or consultation to come, a referral
    being answered."""
    in_use = Application.objects.filter(candidate=OuterRef("pk")).filter(
        Q(status__in=(ApplicationStatus.ACTIVE, ApplicationStatus.HIRED))
        | Q(
            rejection__isnull=False,
            rejection__status__in=(RejectionStatus.DRAFT, RejectionStatus.IN_REVIEW, RejectionStatus.SCHEDULED),
        )
    )
    conversation_to_come = Conversation.objects.filter(
        candidate=OuterRef("pk"), status__in=CONVERSATION_ACTIVE, ends_at__gt=now
    )
    # A referral waiting for the recruiter's answer (5 working days, issue 6): the recruiter is reading the file.
    referral_pending = Referral.objects.filter(candidate=OuterRef("pk"), status=ReferralStatus.PENDING)
    consultation_to_come = ConsultationBooking.objects.filter(
        candidate=OuterRef("pk"), status=BookingStatus.BOOKED, ends_at__gt=now
    )
    return (
        Q(Exists(in_use))
        | Q(Exists(conversation_to_come))
        | Q(Exists(referral_pending))
        | Q(Exists(consultation_to_come))
    )


def candidates_with_due_dates(*, now: datetime, organisation: Organisation | None = None) -> QuerySet[Candidate]:
    """Candidates whose file has a due date, annotated with ``ended_at``, ``consent_until`` and ``due_at``.

    Candidates still in procedure, hired, or waiting for their letter are left out: they have no due date.
    """
    consent_until = (
        Consent.objects.filter(
            candidate=OuterRef("pk"),
            purpose=ConsentPurpose.TALENT_POOL,
            revoked_at__isnull=True,
            granted_at__lte=now,
            expires_at__gt=now,
        )
        .order_by("-expires_at")
        .values("expires_at")[:1]
    )
    candidates = (
        Candidate.objects.all() if organisation is None else Candidate.objects.filter(organisation=organisation)
    )
    closed = Coalesce(Max("applications__closed_at"), F("created_at"))
    held = Q(conversations__status=ConversationStatus.HELD)
    ended = Greatest(
        closed,
        Coalesce(Max("applications__rejection__sent_at"), closed),
        Coalesce(Max("conversations__ends_at", filter=held), closed),
    )
    due = ExpressionWrapper(F("ended_at") + _window(), output_field=DateTimeField())
    return (
        candidates.exclude(_still_needed(now))
        .annotate(ended_at=ended, consent_until=Subquery(consent_until))
        .annotate(base_due=due)
        .annotate(due_at=Greatest(F("base_due"), Coalesce(F("consent_until"), F("base_due"))))
    )


def list_due_candidates(*, now: datetime, limit: int) -> list[Candidate]:
    """Up to ``limit`` candidates (all organisations) whose due date has passed, oldest first."""
    due = candidates_with_due_dates(now=now).filter(due_at__lte=now).order_by("due_at", "pk")  # type: ignore[misc]
    return list(due[:limit])


def list_upcoming_erasures_for_actor(*, actor: Actor, now: datetime, days: int = 30) -> QuerySet[Candidate]:
    """The actor's organisation's files due within ``days`` (overdue ones first): the privacy officer's view."""
    horizon = now + timedelta(days=days)
    return (
        candidates_with_due_dates(now=now, organisation=actor.organisation)
        .filter(due_at__lte=horizon)  # type: ignore[misc]
        .order_by("due_at", "pk")
    )


def list_erasures_for_actor(*, actor: Actor) -> QuerySet[Erasure]:
    """Erasures in the actor's organisation, newest first."""
    return Erasure.objects.filter(organisation=actor.organisation)
