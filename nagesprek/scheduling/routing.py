"""Routing a candidate to advisors: language (hard), expertise (job family) and load (spread), with reasons.

Reasons are data (a code and its values), never sentences: the Django side words them in the reader's
language. The booking page's question, "which times can I book?", is `candidate_slots`: every distinct
free time of the advisors who speak the candidate's language, each with the advisor routing prefers
at that time and why.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import numpy as np

from nagesprek.scheduling.availability import (
    HostCalendar,
    Slot,
    SlotArrays,
    WorkingPeriod,
    free_slot_arrays,
    local_midnights,
    minute_of_day,
)

# Reason codes (the Django side has a translated sentence for each).
SPEAKS_LANGUAGE = "speaks_language"  # language
KNOWS_JOB_FAMILY = "knows_job_family"  # job_family
OTHER_JOB_FAMILY = "other_job_family"  # job_family: nobody with this expertise is free then
LOAD = "load"  # conversations, hours_per_week
FITS_AVAILABILITY = "fits_availability"  # day_part, weekday
WITHIN_DEADLINE = "within_deadline"  # deadline (ISO date), working_days_waiting
EARLIEST_FREE_TIME = "earliest_free_time"  # (first come, first served)
ROUND_ROBIN_TURN = "round_robin_turn"  # conversations, share (Cal.com-style round robin)
FAIR_SHARE = "fair_share"  # conversations, fair_share (the planner's load cap)

DAY_PARTS = ("morning", "afternoon", "evening")  # local start before 12:00, before 17:00, from 17:00


@dataclass(frozen=True, slots=True)
class Reason:
    """One reason for a proposal: a code and its values, e.g. ``Reason("speaks_language", (("language", "en"),))``."""

    code: str
    params: tuple[tuple[str, str | int], ...] = ()

    def as_dict(self) -> dict[str, str | int]:
        return dict(self.params)


@dataclass(frozen=True, slots=True)
class RankedHost:
    host_id: int
    expert: bool
    conversations: int
    reasons: tuple[Reason, ...]


@dataclass(frozen=True, slots=True)
class SlotOption:
    """A time the candidate can book, the advisor routing gives it to, and why."""

    slot: Slot
    reasons: tuple[Reason, ...]


def weekly_hours(host: HostCalendar) -> float:
    """Contracted hours per week, from the working periods (part-timers carry a smaller share)."""
    return _weekly_minutes(host.working_hours) / 60


def _weekly_minutes(periods: tuple[WorkingPeriod, ...]) -> int:
    return sum(minute_of_day(p.end) - minute_of_day(p.start) for p in periods)


def rank_hosts(
    hosts: Iterable[HostCalendar], *, language: str, job_family: str, load: Mapping[int, int] | None = None
) -> list[RankedHost]:
    """Hosts who speak ``language``, best first: expertise in ``job_family``, then the lightest load per hour.

    ``load`` maps host id to conversations already planned; by default each host's bookings. Hosts who do
    not speak the language are left out: language is a hard requirement.
    """
    ranked = _ranked(list(hosts), language, job_family, load)
    return [_ranked_host(host, language, job_family, conversations) for host, conversations in ranked]


def _ranked(
    hosts: list[HostCalendar], language: str, job_family: str, load: Mapping[int, int] | None
) -> list[tuple[HostCalendar, int]]:
    speaking = [host for host in hosts if language in host.languages]
    if not speaking:
        return []
    hours = np.maximum(_weekly_minutes_of(speaking) / 60, 1.0)
    conversations = [load.get(h.host_id, 0) if load is not None else len(h.booked) for h in speaking]
    other_family = [job_family not in h.expertise for h in speaking]
    ids = [h.host_id for h in speaking]
    order = np.lexsort((np.array(ids), np.array(conversations) / hours, np.array(other_family)))
    return [(speaking[i], conversations[i]) for i in order.tolist()]


def _weekly_minutes_of(hosts: list[HostCalendar]) -> np.ndarray:
    periods = [p for host in hosts for p in host.working_hours]
    owner = np.repeat(np.arange(len(hosts)), [len(host.working_hours) for host in hosts])
    minutes = np.fromiter(
        (minute_of_day(p.end) - minute_of_day(p.start) for p in periods), dtype=np.int64, count=len(periods)
    )
    return np.bincount(owner, weights=minutes, minlength=len(hosts))


def _ranked_host(host: HostCalendar, language: str, job_family: str, conversations: int) -> RankedHost:
    expert = job_family in host.expertise
    reasons = (
        Reason(SPEAKS_LANGUAGE, (("language", language),)),
        Reason(KNOWS_JOB_FAMILY if expert else OTHER_JOB_FAMILY, (("job_family", job_family),)),
        Reason(LOAD, (("conversations", conversations), ("hours_per_week", round(weekly_hours(host))))),
    )
    return RankedHost(host.host_id, expert, conversations, reasons)


def candidate_slots(
    hosts: Iterable[HostCalendar],
    *,
    language: str,
    job_family: str,
    start: date,
    end: date,
    now: datetime,
    load: Mapping[int, int] | None = None,
    day_parts: Collection[tuple[int, str]] | None = None,
    min_notice: timedelta = timedelta(hours=12),
    holidays: Collection[date] | None = None,
    tz: str = "Europe/Amsterdam",
) -> list[SlotOption]:
    """Every distinct free time for one candidate, each given to the best-ranked advisor free at that time.

    ``day_parts`` (weekday, "morning"/"afternoon"/"evening") limits the times to when the candidate can;
    None means any time. Sorted by time.
    """
    ranked = _ranked(list(hosts), language, job_family, load)
    if not ranked:
        return []
    ranked_hosts = [host for host, _conversations in ranked]
    arrays = free_slot_arrays(
        ranked_hosts, start=start, end=end, now=now, min_notice=min_notice, holidays=holidays, tz=tz
    )
    if len(arrays) == 0:
        return []
    ids = np.array([host.host_id for host in ranked_hosts], dtype=np.int64)
    by_id = np.argsort(ids)
    rank = by_id[np.searchsorted(ids[by_id], arrays.host_ids)]
    keep = _within_day_parts(arrays, day_parts, tz) if day_parts is not None else np.ones(len(arrays), dtype=bool)
    # Per distinct time the best-ranked host: one sort on (start, rank), then the first of each start.
    order = np.flatnonzero(keep)
    order = order[np.argsort(arrays.starts[order] * len(ranked) + rank[order], kind="stable")]
    sorted_starts = arrays.starts[order]
    first = np.ones(len(order), dtype=bool)
    first[1:] = sorted_starts[1:] != sorted_starts[:-1]
    chosen = order[first]
    slots = SlotArrays(
        arrays.starts[chosen], arrays.ends[chosen], arrays.host_ids[chosen], arrays.day[chosen], arrays.days
    ).to_slots()
    reasons: dict[int, tuple[Reason, ...]] = {}
    options = []
    for slot, r in zip(slots, rank[chosen].tolist(), strict=True):
        if r not in reasons:
            host, conversations = ranked[r]
            reasons[r] = _ranked_host(host, language, job_family, conversations).reasons
        options.append(SlotOption(slot, reasons[r]))
    return options


def day_part_of(minute_of_day: np.ndarray) -> np.ndarray:
    """0 morning (before 12:00), 1 afternoon (before 17:00), 2 evening, from local minutes after midnight."""
    return (minute_of_day >= 12 * 60).astype(np.int64) + (minute_of_day >= 17 * 60).astype(np.int64)


def local_minute_of_day(arrays: SlotArrays, tz: str) -> np.ndarray:
    """Each slot's local start as minutes after local midnight."""
    midnights = local_midnights(arrays.days, tz)
    return arrays.starts - midnights[arrays.day]


def availability_mask(day_parts: Collection[tuple[int, str]] | None) -> int:
    """A bit per (weekday, day part): bit weekday * 3 + part; None = every bit."""
    if day_parts is None:
        return (1 << 21) - 1
    mask = 0
    for weekday, part in day_parts:
        if not 0 <= weekday <= 6 or part not in DAY_PARTS:
            raise ValueError(f"unknown day part {(weekday, part)!r}")
        mask |= 1 << (weekday * 3 + DAY_PARTS.index(part))
    return mask


def _within_day_parts(arrays: SlotArrays, day_parts: Collection[tuple[int, str]], tz: str) -> np.ndarray:
    weekday = np.array([d.weekday() for d in arrays.days], dtype=np.int64)[arrays.day]
    bit = weekday * 3 + day_part_of(local_minute_of_day(arrays, tz))
    return ((availability_mask(day_parts) >> bit) & 1).astype(bool)
