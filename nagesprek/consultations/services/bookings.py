"""Writes for bookings: book, cancel, record the outcome, remind, and the audit of who saw them.

Booking is the part that must never overbook: ``book_slot`` locks the session row, reads the taken
places under that lock, and the database's partial unique constraints refuse a second taken booking
for the same host and slot (or the same candidate and session) should anything slip past the lock.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from nagesprek.audit.constants import ActorKind, AuditAction
from nagesprek.audit.services import record_event
from nagesprek.candidates.models import Candidate
from nagesprek.consultations import emails, recurrence, selectors
from nagesprek.consultations.constants import (
    MIN_NOTICE,
    OUTCOME_STATUSES,
    REMINDER_BEFORE,
    TAKEN_STATUSES,
    BookingStatus,
)
from nagesprek.consultations.models import (
    ConsultationBooking,
    ConsultationSession,
)
from nagesprek.organisations.selectors import Actor


class BookingRefused(Exception):
    """A booking that cannot be made or changed; the message says why, for the candidate."""


class SlotTaken(BookingRefused):
    """Someone else took the last place of this slot a moment ago."""


SLOT_TAKEN = gettext_lazy("This time was just taken by someone else. Choose another time.")


@transaction.atomic
def book_slot(
    *,
    candidate: Candidate,
    session: ConsultationSession,
    starts_at: datetime,
    question: str = "",
    token: str,
    now: datetime | None = None,
) -> ConsultationBooking:
    """Book the slot at ``starts_at`` in ``session`` for the candidate, with the least-loaded free host.

    ``token`` is the personal link the candidate used (for the e-mail's link back). Locks the session
    row, so two candidates racing for the last place are served one after the other: the second gets
    SlotTaken. Raises BookingRefused when the policy does not allow the candidate, the session is not
    bookable, the slot does not exist or is too soon, or the candidate already has a booking in it.
    The confirmation e-mail (with a METHOD:REQUEST invitation) is queued in the same transaction.
    """
    now = now or timezone.now()
    locked = _lock_bookable_session(session, candidate, now)
    if not selectors.candidate_may_book(candidate=candidate):
        raise BookingRefused(_("This consultation hour is not open to you. Please contact us if you have a question."))
    if locked.bookings.filter(candidate=candidate, status__in=TAKEN_STATUSES).exists():
        raise BookingRefused(_("You already have an appointment on this date. Cancel it first to choose another time."))
    slot = _free_slot(locked, starts_at, now)
    booking = ConsultationBooking(
        organisation_id=locked.organisation_id,
        session=locked,
        candidate=candidate,
        application=selectors.latest_application(candidate=candidate),
        host_id=recurrence.least_loaded_host(slot.free_hosts, _load(locked)),
        starts_at=slot.starts_at,
        ends_at=slot.ends_at,
        question=question.strip(),
        uid=f"consultation-{uuid.uuid4()}@nagesprek",
    )
    booking.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():  # the constraints are the backstop; keep the caller's transaction usable
            booking.save(force_insert=True)
    except IntegrityError:
        raise SlotTaken(str(SLOT_TAKEN)) from None
    record_event(
        organisation=candidate.organisation, action=AuditAction.CREATE, target=booking, candidate_id=candidate.pk,
        actor_kind=ActorKind.CANDIDATE, summary=f"Consultation slot booked for {booking.starts_at:%Y-%m-%d %H:%M} UTC",
    )  # fmt: skip
    emails.queue_confirmation(booking=booking, token=token)
    return booking


def _lock_bookable_session(session: ConsultationSession, candidate: Candidate, now: datetime) -> ConsultationSession:
    locked = (
        ConsultationSession.objects.select_for_update(of=("self",))
        .select_related("hour")
        .filter(pk=session.pk, organisation_id=candidate.organisation_id)
        .first()
    )
    if locked is None or locked.is_cancelled or not locked.hour.is_published or locked.ends_at <= now:
        raise BookingRefused(_("This date can no longer be booked. Choose another time."))
    return locked


def _free_slot(session: ConsultationSession, starts_at: datetime, now: datetime) -> recurrence.SlotPlaces:
    taken = list(session.bookings.filter(status__in=TAKEN_STATUSES).values_list("starts_at", "host_id"))
    slots = selectors.session_slots(session=session, taken=taken)
    slot = next((s for s in slots if s.starts_at == starts_at), None)
    if slot is None or slot.starts_at < now + MIN_NOTICE:
        raise BookingRefused(_("This time can no longer be booked. Choose another time."))
    if not slot.places:
        raise SlotTaken(str(SLOT_TAKEN))
    return slot


def _load(session: ConsultationSession) -> dict[int, int]:
    load: dict[int, int] = {}
    for host_id in session.bookings.filter(status__in=TAKEN_STATUSES).values_list("host_id", flat=True):
        load[host_id] = load.get(host_id, 0) + 1
    return load


def _cancel(booking: ConsultationBooking, status: str, now: datetime) -> None:
    booking.status = status
    booking.cancelled_at = now
    booking.sequence += 1
    booking.save(update_fields=["status", "cancelled_at", "sequence", "updated_at"])


def cancel_bookings_of_session(*, actor: Actor, session: ConsultationSession, now: datetime) -> int:
    """Cancel every open booking of a date the organisation cancelled (the caller holds the session lock).

    Each candidate gets a cancellation with a calendar CANCEL and a fresh link; returns how many.
    """
    bookings = list(
        session.bookings.filter(status=BookingStatus.BOOKED).select_related("candidate", "host", "session__hour")
    )
    for booking in bookings:
        _cancel(booking, BookingStatus.CANCELLED_BY_ORGANISATION, now)
        record_event(
            organisation=actor.organisation, action=AuditAction.UPDATE, target=booking,
            candidate_id=booking.candidate_id, user=actor.user, summary="Consultation booking cancelled with its date",
        )  # fmt: skip
        emails.queue_cancellation(booking=booking, token=None)
    return len(bookings)


@transaction.atomic
def cancel_booking(*, candidate: Candidate, booking: ConsultationBooking, token: str) -> ConsultationBooking:
    """The candidate cancels their booking: the place is free again, and a calendar CANCEL goes out.

    Locks the booking; cancelling twice, or after the slot started, raises BookingRefused.
    """
    locked = (
        ConsultationBooking.objects.select_for_update(of=("self",))
        .select_related("session__hour", "candidate", "host")
        .get(pk=booking.pk, candidate=candidate)
    )
    if locked.status != BookingStatus.BOOKED:
        raise BookingRefused(_("This appointment is already cancelled."))
    now = timezone.now()
    if locked.has_started(now):
        raise BookingRefused(_("This appointment has already started and can no longer be cancelled."))
    _cancel(locked, BookingStatus.CANCELLED_BY_CANDIDATE, now)
    record_event(
        organisation=candidate.organisation, action=AuditAction.UPDATE, target=locked, candidate_id=candidate.pk,
        actor_kind=ActorKind.CANDIDATE, summary="Consultation booking cancelled by the candidate",
    )  # fmt: skip
    emails.queue_cancellation(booking=locked, token=token)
    return locked


def _require(actor: Actor, roles: tuple[str, ...]) -> None:
    if not actor.has_role(*roles):
        raise PermissionDenied


@transaction.atomic
def record_outcome(*, actor: Actor, booking: ConsultationBooking, status: str) -> ConsultationBooking:
    """Record that a conversation was held or that the candidate did not come (after its start).

    Recruiters and HR leads. Raises ValidationError before the slot started or for a cancelled booking.
    """
    _require(actor, selectors.BOOKING_ROLES)
    locked = ConsultationBooking.objects.select_for_update().get(pk=booking.pk, organisation=actor.organisation)
    if status not in OUTCOME_STATUSES:
        raise ValidationError(_("Choose held or did not come."))
    if not locked.is_taken:
        raise ValidationError(_("This booking was cancelled."))
    if not locked.has_started(timezone.now()):
        raise ValidationError(_("You can record this once the conversation has started."))
    locked.status = status
    locked.save(update_fields=["status", "updated_at"])
    record_event(
        organisation=actor.organisation, action=AuditAction.UPDATE, target=locked, candidate_id=locked.candidate_id,
        user=actor.user, summary=f"Consultation booking marked {locked.status}",
    )  # fmt: skip
    return locked


def send_due_reminders(*, now: datetime | None = None, limit: int = 500) -> int:
    """Queue the reminder for bookings that start within REMINDER_BEFORE; returns how many were queued.

    Exactly once per booking: each is claimed with a conditional update (``reminder_sent_at`` still
    empty) in its own transaction, together with the e-mail (whose key is the booking), so two workers
    or a second run queue nothing more. Bookings made less than REMINDER_BEFORE ahead get none: their
    confirmation was recent enough. Run by the housekeeping sweep every minute.
    """
    now = now or timezone.now()
    due = ConsultationBooking.objects.filter(
        status=BookingStatus.BOOKED,
        reminder_sent_at__isnull=True,
        starts_at__gt=now,
        starts_at__lte=now + REMINDER_BEFORE,
        session__cancelled_at__isnull=True,
    )
    sent = 0
    for booking_id in due.order_by("starts_at").values_list("pk", flat=True)[:limit]:
        sent += _send_reminder(booking_id, now)
    return sent


@transaction.atomic
def _send_reminder(booking_id: int, now: datetime) -> int:
    claimed = ConsultationBooking.objects.filter(
        pk=booking_id, status=BookingStatus.BOOKED, reminder_sent_at__isnull=True
    ).update(reminder_sent_at=now)
    if not claimed:
        return 0
    booking = ConsultationBooking.objects.select_related("candidate__organisation", "session__hour", "host").get(
        pk=booking_id
    )
    if booking.created_at > booking.starts_at - REMINDER_BEFORE:
        return 0  # booked within the reminder window: the confirmation is the reminder
    emails.queue_reminder(booking=booking)
    record_event(
        organisation=booking.candidate.organisation, action=AuditAction.SEND, target=booking,
        candidate_id=booking.candidate_id, summary="Consultation reminder queued",
    )  # fmt: skip
    return 1


@transaction.atomic
def record_session_viewed(*, actor: Actor, session: ConsultationSession, bookings: list[ConsultationBooking]) -> None:
    """Log that the actor opened a session's grid: one view event per candidate shown (AVG accountability)."""
    for booking in bookings:
        record_event(
            organisation=actor.organisation, action=AuditAction.VIEW, target=booking,
            candidate_id=booking.candidate_id, user=actor.user,
            summary=f"Consultation booking seen in the grid of {session.date}",
        )  # fmt: skip


@transaction.atomic
def record_invitation_downloaded(*, booking: ConsultationBooking) -> None:
    """The candidate downloaded their appointment as a calendar file from their page (actor: the candidate)."""
    record_event(
        organisation=booking.candidate.organisation, action=AuditAction.EXPORT, target=booking,
        candidate_id=booking.candidate_id, actor_kind=ActorKind.CANDIDATE,
        summary="Consultation appointment downloaded as a calendar file",
    )  # fmt: skip
