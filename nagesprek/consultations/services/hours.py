"""Writes for consultation hours: the hours themselves, their session dates, cancelled dates, and the policy."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _

from nagesprek.accounts.models import User
from nagesprek.audit.constants import AuditAction
from nagesprek.audit.services import record_event
from nagesprek.consultations import recurrence, selectors
from nagesprek.consultations.constants import (
    SESSION_HORIZON_DAYS,
    ConsultationAudience,
)
from nagesprek.consultations.models import (
    ConsultationBooking,
    ConsultationHour,
    ConsultationPolicy,
    ConsultationSession,
)
from nagesprek.consultations.services import bookings
from nagesprek.organisations.selectors import Actor
from nagesprek.scheduling.holidays import dutch_public_holidays

# A monthly hour has a date in any window this long, so an hour with a date this close to the horizon is filled.
FILLED_WITHIN_DAYS = 35


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
    Runs every minute, so it skips, in one query, the hours that already have a date in the last month of the
    horizon and those that have ended: usually there is nothing to do.
    """
    today = today or timezone.localdate()
    filled = ConsultationSession.objects.filter(
        hour=OuterRef("pk"), date__gte=today + timedelta(days=SESSION_HORIZON_DAYS - FILLED_WITHIN_DAYS)
    )
    due = ConsultationHour.objects.exclude(Exists(filled)).exclude(ends_on__lt=today)
    added = 0
    for hour in due.order_by("pk"):
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
    count = bookings.cancel_bookings_of_session(actor=actor, session=session, now=now)
    _audit_hour(actor, session.hour, AuditAction.UPDATE, f"Consultation date {session.date} cancelled")
    return count


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
