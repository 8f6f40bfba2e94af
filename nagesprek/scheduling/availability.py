"""Free slots: working hours plus extra time, minus bookings, blocked time and out-of-office, minus holidays.

Like Cal.com's availability layer: per host, the weekly working periods (local wall-clock time in
Europe/Amsterdam) and the exceptions that add time give *windows* (a period and extra time that overlap
or touch form one window); each window is cut into a grid of slots of the host's conversation length,
anchored at the window's start (so a booking in the middle does not shift the grid); a slot survives
when it overlaps no booking or blocked interval, starts at least ``min_notice`` after ``now``, and the
host's day has fewer bookings than ``max_per_day``.

Public holidays remove the whole day, extra time included. Weekends count only where the host's
working periods or extra time say so. Local times are turned into UTC per date, so a period of
09:00-17:00 is 07:00-15:00 UTC in summer and 08:00-16:00 UTC in winter, also in the week of a change.

The work is vectorised with numpy over all hosts at once: times are whole minutes since the Unix epoch
(UTC) and a host's index is put in the high bits, so one sort and one ``searchsorted`` serve every host.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import numpy as np
import numpy.typing as npt

from nagesprek.scheduling.holidays import dutch_public_holidays

Interval = tuple[datetime, datetime]
IntArray = npt.NDArray[np.int64]
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
HOST_SHIFT = 32  # epoch minutes stay below 2**32 until the year 10136


@dataclass(frozen=True, slots=True)
class WorkingPeriod:
    """A weekly period of work in local wall-clock time (Europe/Amsterdam); 0 = Monday … 6 = Sunday."""

    weekday: int
    start: time
    end: time

    def __post_init__(self) -> None:
        if not 0 <= self.weekday <= 6:
            raise ValueError("weekday must be 0 (Monday) to 6 (Sunday)")
        if self.end <= self.start:
            raise ValueError("a working period must end after it starts")


@dataclass(frozen=True, slots=True)
class HostCalendar:
    """An advisor's or recruiter's calendar: working hours, exceptions, bookings and what they offer."""

    host_id: int
    working_hours: tuple[WorkingPeriod, ...]
    slot_minutes: int = 45
    extra: tuple[Interval, ...] = ()
    blocked: tuple[Interval, ...] = ()
    booked: tuple[Interval, ...] = ()
    max_per_day: int | None = None
    languages: frozenset[str] = frozenset()
    expertise: frozenset[str] = frozenset()
    modes: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        if self.slot_minutes <= 0:
            raise ValueError("slot_minutes must be positive")


@dataclass(frozen=True, slots=True, order=True)
class Slot:
    """A free time of one host; aware UTC datetimes."""

    starts_at: datetime
    ends_at: datetime
    host_id: int


@dataclass(frozen=True, slots=True)
class SlotArrays:
    """Free slots as parallel arrays (epoch minutes UTC, host ids), sorted by (start, host id).

    ``day`` is each slot's local date as an index into ``days`` (the requested dates, start to end).
    """

    starts: IntArray
    ends: IntArray
    host_ids: IntArray
    day: IntArray
    days: tuple[date, ...]

    def __len__(self) -> int:
        return len(self.starts)

    def to_slots(self) -> list[Slot]:
        """The same slots as `Slot` objects (one datetime object per distinct minute)."""
        n = len(self.starts)
        minutes, inverse = np.unique(np.concatenate([self.starts, self.ends]), return_inverse=True)
        moments = [EPOCH + timedelta(minutes=m) for m in minutes.tolist()]
        starts = [moments[i] for i in inverse[:n].tolist()]
        ends = [moments[i] for i in inverse[n:].tolist()]
        return [Slot(s, e, h) for s, e, h in zip(starts, ends, self.host_ids.tolist(), strict=True)]


def to_minute(value: datetime, *, up: bool = False) -> int:
    """Whole minutes since the Unix epoch; rounds down, or up with ``up``. Refuses naive datetimes."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("datetimes must be timezone-aware")
    seconds = value.timestamp()
    return -int(-seconds // 60) if up else int(seconds // 60)


def from_minute(minute: int) -> datetime:
    return datetime.fromtimestamp(minute * 60, UTC)


def local_midnights(days: Sequence[date], tz: str = "Europe/Amsterdam") -> IntArray:
    """The epoch minute of local midnight at the start of each date."""
    zone = ZoneInfo(tz)
    return np.array([to_minute(datetime.combine(d, time(0), tzinfo=zone)) for d in days], dtype=np.int64)


class _Days:
    """The requested local dates, their local midnights in epoch minutes, and local time -> epoch minute."""

    def __init__(self, start: date, end: date, tz: str) -> None:
        self.zone = ZoneInfo(tz)
        self.days = tuple(start + timedelta(days=i) for i in range((end - start).days + 1))
        after = end + timedelta(days=1)
        self.midnights = np.array([self.exact(d, time(0)) for d in (*self.days, after)], dtype=np.int64)
        # Naive local minutes since the epoch at each midnight, minus the UTC minute: the day's offset.
        naive = np.array([(d - date(1970, 1, 1)).days * 1440 for d in (*self.days, after)], dtype=np.int64)
        offsets = naive - self.midnights
        # A day whose offset at the next midnight differs holds a daylight-saving change.
        self.changes = offsets[1:] != offsets[:-1]

    def exact(self, day: date, at: time) -> int:
        return to_minute(datetime.combine(day, at, tzinfo=self.zone))

    def to_utc(self, day_idx: IntArray, minute_of_day: IntArray) -> IntArray:
        """Local minute of the day on day ``day_idx`` -> epoch minute; exact on the day of a change too."""
        result: IntArray = self.midnights[day_idx] + minute_of_day
        odd = np.flatnonzero(self.changes[day_idx])
        for row in odd.tolist():
            m = int(minute_of_day[row])
            day = self.days[int(day_idx[row])]
            result[row] = self.exact(day, time(m // 60, m % 60))
        return result

    def day_of(self, minutes: IntArray) -> IntArray:
        """Index of the local date each epoch minute falls on (-1 before, len(days) after the range)."""
        return np.searchsorted(self.midnights, minutes, side="right").astype(np.int64) - 1


def free_slots(
    hosts: Iterable[HostCalendar],
    *,
    start: date,
    end: date,
    now: datetime,
    min_notice: timedelta = timedelta(hours=12),
    holidays: Collection[date] | None = None,
    tz: str = "Europe/Amsterdam",
) -> list[Slot]:
    """Every free slot of ``hosts`` on the local dates ``start``..``end`` (inclusive), sorted by (start, host).

    ``holidays`` None means the Dutch public holidays. See the module docstring for the rules.
    """
    arrays = free_slot_arrays(hosts, start=start, end=end, now=now, min_notice=min_notice, holidays=holidays, tz=tz)
    return arrays.to_slots()


def free_slot_arrays(
    hosts: Iterable[HostCalendar],
    *,
    start: date,
    end: date,
    now: datetime,
    min_notice: timedelta = timedelta(hours=12),
    holidays: Collection[date] | None = None,
    tz: str = "Europe/Amsterdam",
) -> SlotArrays:
    """`free_slots` as arrays, without building an object per slot (for the planner and for many hosts)."""
    host_list = list(hosts)
    days = _Days(start, end, tz)
    if holidays is None:
        holidays = dutch_public_holidays(range(start.year, end.year + 1))
    open_day = np.array([d not in holidays for d in days.days], dtype=bool)
    booked = _intervals(host_list, "booked")
    blocked = _intervals(host_list, "blocked")
    windows = _merge(*_concat(_working_windows(host_list, days, open_day), _extra_windows(host_list, days, open_day)))
    starts, ends, host_idx, day = _grid(windows, np.array([h.slot_minutes for h in host_list], dtype=np.int64))
    busy = _merge(*_concat(booked, blocked))
    keep = (starts >= to_minute(now + min_notice, up=True)) & ~_overlaps(host_idx, starts, ends, busy)
    keep &= ~_full_days(host_list, days, booked)[host_idx, day]
    starts, ends, host_idx, day = starts[keep], ends[keep], host_idx[keep], day[keep]
    host_ids = np.array([h.host_id for h in host_list], dtype=np.int64)
    id_rank = np.empty(len(host_list), dtype=np.int64)
    id_rank[np.argsort(host_ids, kind="stable")] = np.arange(len(host_list))
    ids = host_ids[host_idx]
    order = np.argsort(starts * max(len(host_list), 1) + id_rank[host_idx], kind="stable")
    return SlotArrays(starts[order], ends[order], ids[order], day[order], days.days)


Rows = tuple[IntArray, IntArray, IntArray, IntArray]  # host index, start, end, day index (or -1)


def _empty() -> Rows:
    empty = np.zeros(0, dtype=np.int64)
    return empty, empty, empty, empty


def _concat(*parts: Rows) -> Rows:
    return (
        np.concatenate([p[0] for p in parts]),
        np.concatenate([p[1] for p in parts]),
        np.concatenate([p[2] for p in parts]),
        np.concatenate([p[3] for p in parts]),
    )


def _working_windows(hosts: Sequence[HostCalendar], days: _Days, open_day: npt.NDArray[np.bool_]) -> Rows:
    """Every weekly working period on every open date of its weekday."""
    periods = [p for host in hosts for p in host.working_hours]
    if not periods or not open_day.any():
        return _empty()
    owner = np.repeat(np.arange(len(hosts)), [len(host.working_hours) for host in hosts])
    n = len(periods)
    weekday = np.fromiter((p.weekday for p in periods), dtype=np.int64, count=n)
    begin = np.fromiter((minute_of_day(p.start) for p in periods), dtype=np.int64, count=n)
    finish = np.fromiter((minute_of_day(p.end) for p in periods), dtype=np.int64, count=n)
    weekdays = np.array([d.weekday() for d in days.days], dtype=np.int64)
    parts = []
    for wd in np.unique(weekday).tolist():
        day_idx = np.flatnonzero(open_day & (weekdays == wd))
        rows = np.flatnonzero(weekday == wd)
        if len(day_idx) == 0:
            continue
        r = np.repeat(rows, len(day_idx))
        d = np.tile(day_idx, len(rows))
        parts.append((owner[r], days.to_utc(d, begin[r]), days.to_utc(d, finish[r]), d))
    return _concat(*parts) if parts else _empty()


@lru_cache(maxsize=2048)
def minute_of_day(at: time) -> int:
    return at.hour * 60 + at.minute


def _extra_windows(hosts: Sequence[HostCalendar], days: _Days, open_day: npt.NDArray[np.bool_]) -> Rows:
    """Extra time, on the local date it starts, unless that date is a holiday or outside the range."""
    host_idx, starts, ends, _day = _intervals(hosts, "extra", up=True)
    day = days.day_of(starts)
    inside = (day >= 0) & (day < len(days.days))
    inside[inside] = open_day[day[inside]]
    return host_idx[inside], starts[inside], ends[inside], day[inside]


def _intervals(hosts: Sequence[HostCalendar], name: str, *, up: bool = False) -> Rows:
    """One kind of interval of every host as rows; ``up`` rounds inward (for time that adds), else outward."""
    counts = [len(getattr(host, name)) for host in hosts]
    n = sum(counts)
    if not n:
        return _empty()
    values = [interval for host in hosts for interval in getattr(host, name)]
    if any(a.tzinfo is None or b.tzinfo is None for a, b in values):
        raise ValueError("datetimes must be timezone-aware")
    # POSIX timestamps: fast for the UTC datetimes a database returns.
    stamps = np.fromiter((dt.timestamp() for interval in values for dt in interval), dtype=np.float64, count=2 * n)
    begin, finish = stamps[0::2] / 60, stamps[1::2] / 60
    if up:
        starts, ends = np.ceil(begin), np.floor(finish)
    else:
        starts, ends = np.floor(begin), np.ceil(finish)
    host_idx = np.repeat(np.arange(len(hosts)), counts)
    return host_idx, starts.astype(np.int64), ends.astype(np.int64), np.full(n, -1, dtype=np.int64)


def _merge(host_idx: IntArray, starts: IntArray, ends: IntArray, day: IntArray) -> Rows:
    """Merge overlapping or touching intervals per host; a merged interval keeps its first row's day."""
    valid = ends > starts
    host_idx, starts, ends, day = host_idx[valid], starts[valid], ends[valid], day[valid]
    if len(starts) == 0:
        return _empty()
    keyed_start = (host_idx << HOST_SHIFT) + starts
    keyed_end = (host_idx << HOST_SHIFT) + ends
    order = np.argsort(keyed_start, kind="stable")
    keyed_start, keyed_end = keyed_start[order], keyed_end[order]
    running_end = np.maximum.accumulate(keyed_end)
    new = np.ones(len(order), dtype=bool)
    new[1:] = keyed_start[1:] > running_end[:-1]
    heads = np.flatnonzero(new)
    first = order[heads]
    merged_host = host_idx[first]
    base = merged_host << HOST_SHIFT
    return merged_host, keyed_start[heads] - base, np.maximum.reduceat(keyed_end, heads) - base, day[first]


def _grid(windows: Rows, slot_minutes: IntArray) -> Rows:
    """Cut each merged window into slots of its host's length, anchored at the window's start."""
    host_idx, starts, ends, day = windows
    if len(starts) == 0:
        return _empty()
    length = slot_minutes[host_idx]
    counts = (ends - starts) // length
    total = int(counts.sum())
    window = np.repeat(np.arange(len(counts)), counts)
    offset = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
    slot_start = starts[window] + offset * length[window]
    return slot_start, slot_start + length[window], host_idx[window], day[window]


def _overlaps(host_idx: IntArray, starts: IntArray, ends: IntArray, busy: Rows) -> npt.NDArray[np.bool_]:
    """Whether each slot overlaps a busy interval of its own host (busy intervals are merged and sorted)."""
    busy_host, busy_start, busy_end, _day = busy
    if len(busy_start) == 0:
        return np.zeros(len(starts), dtype=bool)
    keyed_busy_start = (busy_host << HOST_SHIFT) + busy_start
    keyed_busy_end = (busy_host << HOST_SHIFT) + busy_end
    keyed_start = (host_idx << HOST_SHIFT) + starts
    keyed_end = (host_idx << HOST_SHIFT) + ends
    nxt = np.searchsorted(keyed_busy_end, keyed_start, side="right")  # first busy interval ending after the start
    inside = nxt < len(keyed_busy_start)
    result = np.zeros(len(starts), dtype=bool)
    result[inside] = keyed_busy_start[nxt[inside]] < keyed_end[inside]
    return result


def _full_days(hosts: Sequence[HostCalendar], days: _Days, booked: Rows) -> npt.NDArray[np.bool_]:
    """(host index, day index) -> the host already has max_per_day bookings on that local date."""
    limit = np.array([h.max_per_day if h.max_per_day is not None else -1 for h in hosts], dtype=np.int64)
    n_days = len(days.days)
    full = np.zeros((len(hosts), n_days), dtype=bool)
    capped = limit >= 0
    if not capped.any() or n_days == 0:
        return full
    host_idx, starts, _ends, _day = booked
    day = days.day_of(starts)
    inside = (day >= 0) & (day < n_days)
    counts = np.bincount(host_idx[inside] * n_days + day[inside], minlength=len(hosts) * n_days)
    full[:] = capped[:, None] & (counts.reshape(len(hosts), n_days) >= limit[:, None])
    return full
