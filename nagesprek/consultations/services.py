"""Writes for consultation hours: the hours and their session dates, the policy, and the bookings.

Booking is the part that must never overbook: ``book_slot`` locks the session row, reads the taken
places under that lock, and the database's partial unique constraints refuse a second taken booking
for the same host and slot (or the same candidate and session) should anything slip past the lock.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from nagesprek.accounts.models import User
from nagesprek.audit.constants import ActorKind, AuditAction
from nagesprek.audit.services import record_event
from nagesprek.candidates.models import Candidate
from nagesprek.consultations import emails, recurrence, selectors
from nagesprek.consultations.constants import (
    MIN_NOTICE,
    OUTCOME_STATUSES,
    REMINDER_BEFORE,
    SESSION_HORIZON_DAYS,
    TAKEN_STATUSES,
    BookingStatus,
    ConsultationAudience,
)
from nagesprek.consultations.models import (
    ConsultationBooking,
    ConsultationHour,
    ConsultationPolicy,
    ConsultationSession,
)
from nagesprek.organisations.selectors import Actor
from nagesprek.scheduling.holidays import dutch_public_holidays


class BookingRefused(Exception):
    """A booking that cannot be made or changed; the message says why, for the candidate."""


class SlotTaken(BookingRefused):
    """Someone else took the last place of this slot a moment ago."""


SLOT_TAKEN = gettext_lazy("This time was just taken by someone else. Choose another time.")


# ---------------------------------------------------------------- hours and their sessions


@dataclass(frozen=True)
class HourData:
    """A consultation hour's fields as the form gives them."""

    title: str
    frequency: str
    weekday: int
    start_time: time
    end_time: time
    starts_on: date
    hosts: tuple[User, ...] = field(default=())
    week_of_month: int | None = None
    slot_minutes: int = 15
    mode: str = "on_site"
    location: str = ""
    description: str = ""
    is_published: bool = False
    ends_on: date | None = None


_HOUR_FIELDS = (
    "title", "frequency", "weekday", "week_of_month", "start_time", "end_time", "slot_minutes", "mode",
    "location", "description", "is_published", "starts_on", "ends_on",
)  # fmt: skip


def _require(actor: Actor, roles: tuple[str, ...]) -> None:
    if not actor.has_role(*roles):
        raise PermissionDenied


def _apply(hour: ConsultationHour, data: HourData, actor: Actor) -> ConsultationHour:
    for name in _HOUR_FIELDS:
        setattr(hour, name, getattr(data, name))
    hour.full_clean(exclude=["hosts"])
    allowed = set(selectors.list_host_choices(actor=actor).values_list("pk", flat=True))
    if not data.hosts:
        raise ValidationError({"hosts": _("Choose at least one recruiter.")})
    if any(host.pk not in allowed for host in data.hosts):
        raise ValidationError({"hosts": _("Choose recruiters of your own organisation.")})
    return hour


def _audit_hour(actor: Actor, hour: ConsultationHour, action: AuditAction, summary: str) -> None:
    record_event(
        organisation=actor.organisation, action=action, target=hour, candidate_id=None, user=actor.user,
        summary=summary,
    )  # fmt: skip


@transaction.atomic
def create_hour(*, actor: Actor, data: HourData, today: date | None = None) -> ConsultationHour:
    """Add a consultation hour and make its session dates (recruiters, HR leads, org admins).

    Raises ValidationError for bad fields or hosts from outside the organisation.
    """
    _require(actor, selectors.MANAGE_ROLES)
    hour = _apply(ConsultationHour(organisation=actor.organisation), data, actor)
    hour.save()
    hour.hosts.set(data.hosts)
    sync_sessions(hour=hour, today=today)
    _audit_hour(actor, hour, AuditAction.CREATE, f"Consultation hour added: {hour.title}")
    return hour


@transaction.atomic
def update_hour(*, actor: Actor, hour: ConsultationHour, data: HourData, today: date | None = None) -> ConsultationHour:
    """Change a consultation hour and re-plan its future dates.

    Dates with taken bookings keep their time (the candidates were told it); dates without bookings
    follow the new rule. A host who is removed keeps the bookings already made with them.
    """
    _require(actor, selectors.MANAGE_ROLES)
    hour = ConsultationHour.objects.select_for_update().get(pk=hour.pk, organisation=actor.organisation)
    _apply(hour, data, actor).save()
    hour.hosts.set(data.hosts)
    sync_sessions(hour=hour, today=today)
    _audit_hour(actor, hour, AuditAction.UPDATE, f"Consultation hour changed: {hour.title}")
    return hour


def rule_of(hour: ConsultationHour) -> recurrence.Rule:
    return recurrence.Rule(
        frequency=hour.frequency,
        weekday=hour.weekday,
        week_of_month=hour.week_of_month,
        starts_on=hour.starts_on,
        ends_on=hour.ends_on,
    )


def sync_sessions(*, hour: ConsultationHour, today: date | None = None) -> int:
    """Make the hour's session dates from ``today`` to SESSION_HORIZON_DAYS ahead; returns how many were added.

    Dutch public holidays are skipped. Future dates that no longer fit the rule, or whose times changed,
    are removed or moved when nobody booked them; a cancelled date stays cancelled. Idempotent.
    """
    today = today or timezone.localdate()
    horizon = today + timedelta(days=SESSION_HORIZON_DAYS)
    holidays = dutch_public_holidays(range(today.year, horizon.year + 1))
    wanted = set(recurrence.occurrences(rule_of(hour), start=today, end=horizon, holidays=holidays))
    existing = {session.date: session for session in hour.sessions.filter(date__gte=today)}
    booked = set(
        ConsultationBooking.objects.filter(session__hour=hour, session__date__gte=today).values_list(
            "session__date", flat=True
        )
    )
    for day, session in existing.items():
        if day in booked or session.is_cancelled:
            continue
        if day not in wanted:
            session.delete()
            continue
        starts_at, ends_at = recurrence.session_bounds(day, hour.start_time, hour.end_time)
        if (session.starts_at, session.ends_at) != (starts_at, ends_at):
            session.starts_at, session.ends_at = starts_at, ends_at
            session.save(update_fields=["starts_at", "ends_at"])
    new = [_new_session(hour, day) for day in sorted(wanted - set(existing))]
    ConsultationSession.objects.bulk_create(new)
    return len(new)


def _new_session(hour: ConsultationHour, day: date) -> ConsultationSession:
    starts_at, ends_at = recurrence.session_bounds(day, hour.start_time, hour.end_time)
    return ConsultationSession(
        organisation_id=hour.organisation_id, hour=hour, date=day, starts_at=starts_at, ends_at=ends_at
    )


def extend_sessions(*, today: date | None = None) -> int:
    """Keep every consultation hour's dates filled to the horizon (a housekeeping sweep); returns how many were added.

    Idempotent: the unique (hour, date) constraint and ``sync_sessions``' own check make a second run add nothing.
    """
    added = 0
    for hour in ConsultationHour.objects.order_by("pk"):
        with transaction.atomic():
            added += sync_sessions(hour=hour, today=today)
    return added


@transaction.atomic
def cancel_session(*, actor: Actor, session: ConsultationSession, note: str) -> int:
    """Cancel one date; every booked candidate gets a cancellation (with a calendar CANCEL). Returns how many.

    Locks the session, so nobody books it while it is being cancelled. Cancelling twice changes nothing.
    """
    _require(actor, selectors.MANAGE_ROLES)
    session = ConsultationSession.objects.select_for_update().get(pk=session.pk, organisation=actor.organisation)
    if session.is_cancelled:
        return 0
    now = timezone.now()
    session.cancelled_at = now
    session.cancel_note = note.strip()[:300]
    session.full_clean()
    session.save(update_fields=["cancelled_at", "cancel_note"])
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
    _audit_hour(actor, session.hour, AuditAction.UPDATE, f"Consultation date {session.date} cancelled")
    return len(bookings)


@transaction.atomic
def set_policy(*, actor: Actor, audience: str) -> ConsultationPolicy:
    """Set who may book the organisation's consultation hours (HR leads, org admins)."""
    _require(actor, selectors.POLICY_ROLES)
    policy, _created = ConsultationPolicy.objects.select_for_update().get_or_create(organisation=actor.organisation)
    policy.audience = ConsultationAudience(audience)
    policy.full_clean()
    policy.save()
    record_event(
        organisation=actor.organisation, action=AuditAction.UPDATE, target=policy, candidate_id=None,
        user=actor.user, summary=f"Consultation hours open to: {policy.audience}",
    )  # fmt: skip
    return policy


# ---------------------------------------------------------------- bookings


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
