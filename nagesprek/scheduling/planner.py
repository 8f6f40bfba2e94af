"""Wave planning: propose one slot to every candidate of a wave, each proposal with its reasons.

Three methods side by side (PERFORMANCE.md §2): ``optimal`` (the product's planner, see `optimal`),
``first_come_first_served`` and ``round_robin`` (see `baselines`). Language is a hard requirement in
all three; only the planner weighs expertise and spreads load by fair share. A proposal is only a
proposal: the candidate accepts it or picks another time.

`replan` handles cancellations by advisors: the cancelled candidates (and, by default, those still
without a slot) get new proposals; every other proposal stays exactly as it was.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import numpy as np

from nagesprek.scheduling.availability import HostCalendar, Slot, SlotArrays, local_midnights, to_minute
from nagesprek.scheduling.baselines import first_come_first_served, round_robin
from nagesprek.scheduling.optimal import fair_shares, plan_optimal
from nagesprek.scheduling.routing import (
    DAY_PARTS,
    EARLIEST_FREE_TIME,
    FAIR_SHARE,
    FITS_AVAILABILITY,
    KNOWS_JOB_FAMILY,
    OTHER_JOB_FAMILY,
    ROUND_ROBIN_TURN,
    SPEAKS_LANGUAGE,
    WITHIN_DEADLINE,
    Reason,
)
from nagesprek.scheduling.wave import IntArray, Wave, WaveCandidate

OPTIMAL = "optimal"
FIRST_COME_FIRST_SERVED = "first_come_first_served"
ROUND_ROBIN = "round_robin"
METHODS = (OPTIMAL, FIRST_COME_FIRST_SERVED, ROUND_ROBIN)

__all__ = ["METHODS", "Plan", "Proposal", "WaveCandidate", "plan_wave", "replan", "slot_arrays"]


@dataclass(frozen=True, slots=True)
class Proposal:
    """A proposed time with an advisor for one candidate, and why this advisor and this time."""

    candidate_id: int
    slot: Slot
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class Plan:
    """The proposals of one method; ``assignment`` holds per candidate (input order) a slot index or -1."""

    method: str
    proposals: tuple[Proposal, ...]
    unplanned: tuple[int, ...]
    assignment: IntArray
    stats: Mapping[str, int] = field(default_factory=dict)


def plan_wave(
    candidates: Sequence[WaveCandidate],
    slots: SlotArrays | Sequence[Slot],
    hosts: Sequence[HostCalendar],
    *,
    method: str = OPTIMAL,
    holidays: Collection[date] | None = None,
    tz: str = "Europe/Amsterdam",
) -> Plan:
    """One proposal per candidate who can be planned within their deadline, by ``method``.

    ``slots`` are free slots (`availability.free_slot_arrays` or `free_slots`) of ``hosts``; the hosts give
    languages, expertise and the daily maximum (their existing bookings count towards it).
    """
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}")
    wave = Wave(candidates, slot_arrays(slots, tz), hosts, holidays=holidays, tz=tz)
    everyone = np.arange(len(wave.candidates))
    before = None
    stats: dict[str, int] = {}
    if method == OPTIMAL:
        assignment, stats = plan_optimal(wave, everyone)
    elif method == FIRST_COME_FIRST_SERVED:
        assignment = first_come_first_served(wave)
    else:
        assignment, before = round_robin(wave)
    return _plan(wave, method, assignment, before, stats)


def replan(
    plan: Plan,
    candidates: Sequence[WaveCandidate],
    slots: SlotArrays | Sequence[Slot],
    hosts: Sequence[HostCalendar],
    *,
    cancelled: Collection[int],
    retry_unplanned: bool = True,
    holidays: Collection[date] | None = None,
    tz: str = "Europe/Amsterdam",
) -> Plan:
    """New proposals for the candidates in ``cancelled`` after their advisor cancelled; all others stay.

    ``plan`` must come from the same ``candidates``, ``slots`` and ``hosts``. The cancelled times are no
    longer offered. With ``retry_unplanned`` candidates who had no slot are tried again as well.
    """
    wave = Wave(candidates, slot_arrays(slots, tz), hosts, holidays=holidays, tz=tz)
    ids = np.array([c.candidate_id for c in wave.candidates], dtype=np.int64)
    assignment = plan.assignment.copy()
    redo = np.isin(ids, np.fromiter(cancelled, dtype=np.int64)) & (assignment >= 0)
    free = np.ones(len(wave.slots), dtype=bool)
    free[assignment[assignment >= 0]] = False  # kept and cancelled times alike are not offered
    assignment[redo] = -1
    if retry_unplanned:
        redo |= plan.assignment < 0
    kept = assignment[assignment >= 0]
    existing = np.bincount(wave.slot_host[kept], minlength=len(wave.hosts))
    taken = np.bincount(wave.slot_host[kept] * wave.n_days + wave.slot_day[kept], minlength=wave.hostday_cap.size)
    wave.hostday_cap = np.maximum(wave.hostday_cap - taken.reshape(wave.hostday_cap.shape), 0)
    todo = np.flatnonzero(redo)
    new, stats = plan_optimal(wave, todo, free=free, existing=existing)
    assignment[todo] = new
    # Proposals that stay are the same objects, reasons and all.
    by_id = {p.candidate_id: p for p in plan.proposals}
    kept_proposals = {
        int(c): by_id[int(ids[c])] for c in np.flatnonzero(assignment == plan.assignment).tolist() if assignment[c] >= 0
    }
    return _plan(wave, OPTIMAL, assignment, None, stats, kept_proposals)


def slot_arrays(slots: SlotArrays | Sequence[Slot], tz: str = "Europe/Amsterdam") -> SlotArrays:
    """`SlotArrays` as they are, or built from `Slot` objects (sorted by start, then host)."""
    if isinstance(slots, SlotArrays):
        return slots
    if not slots:
        empty = np.zeros(0, dtype=np.int64)
        return SlotArrays(empty, empty, empty, empty, ())
    starts = np.array([to_minute(s.starts_at) for s in slots], dtype=np.int64)
    ends = np.array([to_minute(s.ends_at, up=True) for s in slots], dtype=np.int64)
    host_ids = np.array([s.host_id for s in slots], dtype=np.int64)
    zone = ZoneInfo(tz)
    local = [s.starts_at.astimezone(zone).date() for s in slots]
    first, last = min(local), max(local)
    days = tuple(first + timedelta(days=i) for i in range((last - first).days + 1))
    day = np.searchsorted(local_midnights(days, tz), starts, side="right") - 1
    order = np.lexsort((host_ids, starts))
    return SlotArrays(starts[order], ends[order], host_ids[order], day[order].astype(np.int64), days)


def _plan(
    wave: Wave,
    method: str,
    assignment: IntArray,
    before: IntArray | None,
    stats: dict[str, int],
    kept: Mapping[int, Proposal] | None = None,
) -> Plan:
    """Proposals with reasons for every planned candidate; ``kept`` (candidate index -> proposal) are reused."""
    kept = kept or {}
    planned = np.flatnonzero(assignment >= 0)
    fresh = np.array([c for c in planned.tolist() if c not in kept], dtype=np.int64)
    chosen = assignment[fresh]
    objects = SlotArrays(
        wave.slots.starts[chosen],
        wave.slots.ends[chosen],
        wave.slots.host_ids[chosen],
        wave.slot_day[chosen],
        wave.days,
    ).to_slots()
    all_chosen = assignment[planned]
    load = np.bincount(wave.slot_host[all_chosen], minlength=len(wave.hosts))
    _floor, ceil_share = fair_shares(wave, len(planned), np.zeros(len(wave.hosts), dtype=np.int64))
    waiting = wave.waiting_working_days(fresh, chosen)
    made: dict[int, Proposal] = {}
    for k, (c, s) in enumerate(zip(fresh.tolist(), chosen.tolist(), strict=True)):
        candidate = wave.candidates[c]
        h = int(wave.slot_host[s])
        expert = candidate.job_family in wave.hosts[h].expertise
        if method == OPTIMAL:
            turn = _reason(FAIR_SHARE, ("conversations", int(load[h])), ("fair_share", int(ceil_share[h])))
        elif method == ROUND_ROBIN and before is not None:
            turn = _reason(ROUND_ROBIN_TURN, ("conversations", int(before[c])))
        else:
            turn = _reason(EARLIEST_FREE_TIME)
        reasons = (
            _reason(SPEAKS_LANGUAGE, ("language", candidate.language)),
            _reason(KNOWS_JOB_FAMILY if expert else OTHER_JOB_FAMILY, ("job_family", candidate.job_family)),
            _reason(
                FITS_AVAILABILITY,
                ("weekday", int(wave.weekday[wave.slot_day[s]])),
                ("day_part", DAY_PARTS[int(wave.slot_part[s])]),
            ),
            _reason(
                WITHIN_DEADLINE,
                ("deadline", _iso(candidate.deadline)),
                ("working_days_waiting", max(int(waiting[k]), 0)),
            ),
            turn,
        )
        made[c] = Proposal(candidate.candidate_id, objects[k], reasons)
    proposals = tuple(kept[c] if c in kept else made[c] for c in planned.tolist())
    unplanned = tuple(wave.candidates[c].candidate_id for c in np.flatnonzero(assignment < 0).tolist())
    return Plan(method, proposals, unplanned, assignment, stats)


@lru_cache(maxsize=1024)
def _iso(day: date) -> str:
    return day.isoformat()


@lru_cache(maxsize=4096)
def _reason(code: str, *params: tuple[str, str | int]) -> Reason:
    return Reason(code, tuple(params))
