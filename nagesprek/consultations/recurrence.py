"""Session dates and slot times of a consultation hour. Plain Python, no Django.

All wall-clock times are local (Europe/Amsterdam by default); the results are aware datetimes, so a
session on the day the clocks change still lasts as long as it says.
"""

from __future__ import annotations

import calendar
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

WEEKLY = "weekly"
MONTHLY = "monthly"
LAST = -1


@dataclass(frozen=True, slots=True)
class Rule:
    """When a consultation hour recurs: every week on ``weekday``, or monthly on its n-th (or last) one."""

    frequency: str  # WEEKLY or MONTHLY
    weekday: int  # 0 = Monday … 6 = Sunday
    week_of_month: int | None = None  # 1 to 4, or LAST; monthly only
    starts_on: date | None = None
    ends_on: date | None = None


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date | None:
    days = [week[weekday] for week in calendar.monthcalendar(year, month) if week[weekday]]
    if nth == LAST:
        return date(year, month, days[-1])
    return date(year, month, days[nth - 1]) if 1 <= nth <= len(days) else None


def _candidates(rule: Rule, start: date, end: date) -> Iterator[date]:
    if rule.frequency == WEEKLY:
        day = start + timedelta(days=(rule.weekday - start.weekday()) % 7)
        while day <= end:
            yield day
            day += timedelta(days=7)
        return
    if rule.frequency != MONTHLY or rule.week_of_month is None:
        raise ValueError(f"not a recurrence: {rule}")
    year, month = start.year, start.month
    while date(year, month, 1) <= end:
        found = _nth_weekday(year, month, rule.weekday, rule.week_of_month)
        if found is not None and start <= found <= end:
            yield found
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def occurrences(rule: Rule, *, start: date, end: date, holidays: Collection[date] = ()) -> list[date]:
    """The session dates from ``start`` to ``end`` (inclusive), within the rule's own dates, minus holidays.

    A date that falls on a public holiday is skipped, not moved: a moved date surprises people who
    plan by "the first Tuesday".
    """
    start = max(start, rule.starts_on or start)
    end = min(end, rule.ends_on or end)
    return [day for day in _candidates(rule, start, end) if day not in holidays]


def session_bounds(day: date, start: time, end: time, tz: str = "Europe/Amsterdam") -> tuple[datetime, datetime]:
    """The session's start and end on ``day`` as aware datetimes in ``tz``."""
    zone = ZoneInfo(tz)
    return datetime.combine(day, start, tzinfo=zone), datetime.combine(day, end, tzinfo=zone)


def slot_starts(starts_at: datetime, ends_at: datetime, minutes: int) -> list[datetime]:
    """The start of every whole slot of ``minutes`` from ``starts_at`` up to ``ends_at``, in UTC."""
    if minutes <= 0:
        raise ValueError("a slot lasts at least a minute")
    step = timedelta(minutes=minutes)
    first = starts_at.astimezone(ZoneInfo("UTC"))
    last = ends_at.astimezone(ZoneInfo("UTC"))
    starts = []
    current = first
    while current + step <= last:
        starts.append(current)
        current += step
    return starts


@dataclass(frozen=True, slots=True)
class SlotPlaces:
    """One slot of a session: its start, and the hosts still free in it."""

    starts_at: datetime
    ends_at: datetime
    free_hosts: tuple[int, ...]

    @property
    def places(self) -> int:
        return len(self.free_hosts)


def slot_places(
    *, starts: list[datetime], minutes: int, hosts: Collection[int], taken: Collection[tuple[datetime, int]]
) -> list[SlotPlaces]:
    """For each slot start, the hosts without a taken booking at that start (ids in ascending order)."""
    busy: dict[datetime, set[int]] = {}
    for starts_at, host_id in taken:
        busy.setdefault(starts_at, set()).add(host_id)
    ordered = sorted(hosts)
    step = timedelta(minutes=minutes)
    return [
        SlotPlaces(
            starts_at=start,
            ends_at=start + step,
            free_hosts=tuple(h for h in ordered if h not in busy.get(start, set())),
        )
        for start in starts
    ]


def least_loaded_host(free_hosts: Collection[int], load: dict[int, int]) -> int:
    """The free host with the fewest bookings so far (``load``); ties go to the lowest id, so it is stable."""
    if not free_hosts:
        raise ValueError("no free host")
    return min(free_hosts, key=lambda host: (load.get(host, 0), host))
