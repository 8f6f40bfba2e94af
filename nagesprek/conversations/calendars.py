"""From the database to the scheduling core: advisors' calendars (``scheduling.availability.HostCalendar``).

Reads a fixed number of queries for any number of advisors (profiles with their job families, hours
and exceptions; the bookings in the period), and hands plain values to the core: no ORM object goes
into the loop that finds free slots.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import QuerySet

from nagesprek.conversations.constants import ACTIVE_STATUSES, AbsenceKind
from nagesprek.conversations.models import AdvisorAbsence, AdvisorProfile, Conversation
from nagesprek.organisations.models import Organisation
from nagesprek.scheduling.availability import HostCalendar, WorkingPeriod


def active_profiles(*, organisation: Organisation | int) -> QuerySet[AdvisorProfile]:
    """The organisation's advisors who take conversations, with what ``host_calendars`` reads prefetched."""
    return (
        AdvisorProfile.objects.filter(organisation=organisation, is_active=True)
        .select_related("user")
        .prefetch_related("job_families", "working_hours")
        .order_by("pk")
    )


def local_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """The aware datetimes from the start of local date ``start`` to the end of local date ``end``."""
    zone = ZoneInfo(settings.TIME_ZONE)
    return datetime.combine(start, time.min, tzinfo=zone), datetime.combine(
        end + timedelta(days=1), time.min, tzinfo=zone
    )


def host_calendars(
    profiles: Sequence[AdvisorProfile],
    *,
    start: date,
    end: date,
    ignore_conversation_id: int | None = None,
    ignore_conversation_ids: Collection[int] = (),
) -> list[HostCalendar]:
    """One HostCalendar per profile for the local dates ``start``..``end``, with its bookings and exceptions.

    ``ignore_conversation_id`` leaves one booking out (a conversation being moved does not block its
    own new time); ``ignore_conversation_ids`` leaves several out (re-planning a wave sees its own
    proposals as free times it may keep). Two queries for the exceptions and bookings, whatever the
    number of profiles; the profiles must come from ``active_profiles`` (or prefetch the same).
    """
    period_start, period_end = local_bounds(start, end)
    by_user = {profile.user_id: profile for profile in profiles}
    absences = _absences(profiles, period_start, period_end)
    ignored = {*ignore_conversation_ids, *([ignore_conversation_id] if ignore_conversation_id is not None else [])}
    booked = _bookings(list(by_user), period_start, period_end, ignored)
    return [
        HostCalendar(
            host_id=profile.user_id,
            working_hours=tuple(WorkingPeriod(h.weekday, h.start, h.end) for h in profile.working_hours.all()),
            slot_minutes=profile.conversation_minutes,
            extra=tuple(absences[profile.pk][AbsenceKind.EXTRA]),
            blocked=tuple(absences[profile.pk][AbsenceKind.OUT_OF_OFFICE]),
            booked=tuple(booked[profile.user_id]),
            max_per_day=profile.max_per_day,
            languages=frozenset(profile.languages),
            expertise=frozenset(str(family.pk) for family in profile.job_families.all()),
            modes=frozenset(profile.modes),
        )
        for profile in profiles
    ]


def _absences(
    profiles: Sequence[AdvisorProfile], start: datetime, end: datetime
) -> dict[int, dict[str, list[tuple[datetime, datetime]]]]:
    rows = AdvisorAbsence.objects.filter(
        profile__in=[p.pk for p in profiles], starts_at__lt=end, ends_at__gt=start
    ).values_list("profile_id", "kind", "starts_at", "ends_at")
    result: dict[int, dict[str, list[tuple[datetime, datetime]]]] = defaultdict(lambda: defaultdict(list))
    for profile_id, kind, starts_at, ends_at in rows:
        result[profile_id][kind].append((starts_at, ends_at))
    return result


def _bookings(
    advisor_ids: list[int], start: datetime, end: datetime, ignored: Collection[int]
) -> dict[int, list[tuple[datetime, datetime]]]:
    # Every organisation's bookings count: an advisor working for two organisations has one agenda.
    rows = Conversation.objects.filter(
        advisor_id__in=advisor_ids, status__in=ACTIVE_STATUSES, starts_at__lt=end, ends_at__gt=start
    )
    if ignored:
        rows = rows.exclude(pk__in=list(ignored))
    result: dict[int, list[tuple[datetime, datetime]]] = defaultdict(list)
    for advisor_id, starts_at, ends_at in rows.values_list("advisor_id", "starts_at", "ends_at"):
        result[advisor_id].append((starts_at, ends_at))
    return result
