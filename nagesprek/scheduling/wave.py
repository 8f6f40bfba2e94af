"""A wave of candidates and the free slots for them, as the arrays every planning method works on.

Waiting is counted in *day-parts* (morning, afternoon, evening) of working days: a slot on the
candidate's earliest date in the morning waits 0, that afternoon 1, the next working morning 3.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import numpy.typing as npt

from nagesprek.scheduling.availability import HostCalendar, SlotArrays, local_midnights
from nagesprek.scheduling.holidays import dutch_public_holidays
from nagesprek.scheduling.routing import availability_mask, day_part_of

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]
PARTS = 3


@dataclass(frozen=True, slots=True)
class WaveCandidate:
    """A candidate to plan: language (hard), job family (expertise), the dates to plan between, when they can.

    ``day_parts`` holds (weekday, "morning" | "afternoon" | "evening") pairs; None = any time.
    """

    candidate_id: int
    language: str
    job_family: str
    earliest: date
    deadline: date
    day_parts: frozenset[tuple[int, str]] | None = None


class Wave:
    """Candidates, slots and hosts as numpy arrays (indices, not objects)."""

    def __init__(
        self,
        candidates: Sequence[WaveCandidate],
        slots: SlotArrays,
        hosts: Sequence[HostCalendar],
        *,
        holidays: Collection[date] | None = None,
        tz: str = "Europe/Amsterdam",
    ) -> None:
        self.candidates = list(candidates)
        self.slots = slots
        self.hosts = list(hosts)
        self.days = slots.days
        self.n_days = len(self.days)
        if holidays is None and self.days:
            holidays = dutch_public_holidays(range(self.days[0].year - 1, self.days[-1].year + 2))
        self.holidays = sorted(holidays or ())
        self._slots(tz)
        self._hosts(tz)
        self._candidates()

    def _slots(self, tz: str) -> None:
        ids = np.array([h.host_id for h in self.hosts], dtype=np.int64)
        order = np.argsort(ids)
        position = np.searchsorted(ids[order], self.slots.host_ids)
        if len(self.slots) and (
            (position >= len(ids)).any()
            or (ids[order][np.minimum(position, len(ids) - 1)] != self.slots.host_ids).any()
        ):
            raise ValueError("every slot's host must be among the hosts")
        self.slot_host: IntArray = order[position] if len(ids) else np.zeros(0, dtype=np.int64)
        self.slot_day: IntArray = self.slots.day
        midnights = local_midnights((*self.days, *self._after()), tz)
        self.midnights = midnights
        self.slot_part: IntArray = day_part_of(self.slots.starts - midnights[self.slot_day])
        self.slot_dp: IntArray = self.slot_day * PARTS + self.slot_part
        self.weekday: IntArray = np.array([d.weekday() for d in self.days], dtype=np.int64)
        self.slot_bit: IntArray = self.weekday[self.slot_day] * PARTS + self.slot_part
        # Working days before each date (holidays and weekends do not count): waiting is counted in these.
        self.ordinal: IntArray = self._working_days_from_start(self.days)

    def _after(self) -> tuple[date, ...]:
        return (self.days[-1] + timedelta(days=1),) if self.days else ()

    def _working_days_from_start(self, dates: Sequence[date]) -> IntArray:
        if not self.days or not dates:
            return np.zeros(len(dates), dtype=np.int64)
        start = np.datetime64(self.days[0], "D")
        ends = np.array(dates, dtype="datetime64[D]")
        holidays = np.array(self.holidays, dtype="datetime64[D]")
        return np.busday_count(start, ends, holidays=holidays).astype(np.int64)

    def _hosts(self, tz: str) -> None:
        n_hosts, n_days = len(self.hosts), self.n_days
        slots_per_day = np.bincount(self.slot_host * n_days + self.slot_day, minlength=n_hosts * n_days).reshape(
            n_hosts, n_days
        )
        limit = np.array([h.max_per_day if h.max_per_day is not None else -1 for h in self.hosts], dtype=np.int64)
        booked = np.zeros((n_hosts, n_days), dtype=np.int64)
        for h, host in enumerate(self.hosts):
            if host.max_per_day is None or not host.booked:
                continue
            minutes = np.array([int(s.timestamp() // 60) for s, _e in host.booked], dtype=np.int64)
            day = np.searchsorted(self.midnights, minutes, side="right") - 1
            day = day[(day >= 0) & (day < n_days)]
            booked[h] = np.bincount(day, minlength=n_days)
        remaining = np.where(limit[:, None] >= 0, np.maximum(limit[:, None] - booked, 0), slots_per_day)
        self.hostday_cap: IntArray = np.minimum(remaining, slots_per_day).astype(np.int64)
        self.capacity: IntArray = self.hostday_cap.sum(axis=1)
        self.languages = sorted({c.language for c in self.candidates})
        self.families = sorted({c.job_family for c in self.candidates})
        self.host_lang: BoolArray = np.array(
            [[lang in h.languages for lang in self.languages] for h in self.hosts], dtype=bool
        ).reshape(n_hosts, len(self.languages))
        self.host_fam: BoolArray = np.array(
            [[fam in h.expertise for fam in self.families] for h in self.hosts], dtype=bool
        ).reshape(n_hosts, len(self.families))

    def _candidates(self) -> None:
        lang_index = {lang: i for i, lang in enumerate(self.languages)}
        fam_index = {fam: i for i, fam in enumerate(self.families)}
        cands = self.candidates
        self.c_lang: IntArray = np.array([lang_index[c.language] for c in cands], dtype=np.int64)
        self.c_fam: IntArray = np.array([fam_index[c.job_family] for c in cands], dtype=np.int64)
        first = self.days[0] if self.days else date.min
        last = len(self.days) - 1
        self.c_first: IntArray = np.array([max((c.earliest - first).days, 0) for c in cands], dtype=np.int64)
        self.c_last: IntArray = np.array([min((c.deadline - first).days, last) for c in cands], dtype=np.int64)
        self.c_mask: IntArray = np.array([availability_mask(c.day_parts) for c in cands], dtype=np.int64)
        self.c_ordinal: IntArray = self._working_days_from_start([c.earliest for c in cands])

    def feasible(self, candidate: int, slot_idx: IntArray) -> BoolArray:
        """Which of the given slots this candidate can take (language, dates, day-parts)."""
        day = self.slot_day[slot_idx]
        return (
            self.host_lang[self.slot_host[slot_idx], self.c_lang[candidate]]
            & (day >= self.c_first[candidate])
            & (day <= self.c_last[candidate])
            & (((self.c_mask[candidate] >> self.slot_bit[slot_idx]) & 1) == 1)
        )

    def waiting_parts(self, candidate: IntArray, slot_idx: IntArray) -> IntArray:
        """Waiting from the candidate's earliest date to the slot, in day-parts of working days."""
        return PARTS * (self.ordinal[self.slot_day[slot_idx]] - self.c_ordinal[candidate]) + self.slot_part[slot_idx]

    def waiting_working_days(self, candidate: IntArray, slot_idx: IntArray) -> IntArray:
        return self.ordinal[self.slot_day[slot_idx]] - self.c_ordinal[candidate]
