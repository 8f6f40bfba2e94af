"""The two methods the wave planner is measured against (PERFORMANCE.md §2).

* First come, first served self-booking: candidates, in the order they arrive, each take the earliest
  free slot they can (their language, dates and day-parts); the advisors' daily maximum holds.
* A Cal.com-style round robin: the candidate picks the earliest time they can, as above; among the
  advisors free at that time the one with the largest weighted shortfall gets it (expected share by
  weight minus conversations so far), then the least recently booked. Weights are each advisor's
  capacity in the wave, so part-timers get a part.

Neither looks at expertise: self-booking tools do not know it.
"""

from __future__ import annotations

import numpy as np

from nagesprek.scheduling.wave import PARTS, IntArray, Wave


class _Buckets:
    """Slots grouped by (day-part, language spoken), in time order, with a pointer past the dead ones."""

    def __init__(self, wave: Wave) -> None:
        n_lang = len(wave.languages)
        keys, members = [], []
        for li in range(n_lang):
            idx = np.flatnonzero(wave.host_lang[wave.slot_host, li]) if len(wave.slot_host) else np.zeros(0, int)
            keys.append(wave.slot_dp[idx] * n_lang + li)
            members.append(idx)
        key = np.concatenate(keys) if keys else np.zeros(0, dtype=np.int64)
        member = np.concatenate(members) if members else np.zeros(0, dtype=np.int64)
        order = np.argsort(key, kind="stable")  # slots are in time order already
        n_keys = wave.n_days * PARTS * max(n_lang, 1)
        bounds = np.searchsorted(key[order], np.arange(n_keys + 1))
        self.slots: list[int] = member[order].tolist()
        self.start: list[int] = bounds[:-1].tolist()
        self.end: list[int] = bounds[1:].tolist()
        self.n_lang = n_lang


def first_come_first_served(wave: Wave) -> IntArray:
    """Per candidate (arrival order = input order) the slot index taken, or -1."""
    return _self_booking(wave, round_robin=False)[0]


def round_robin(wave: Wave) -> tuple[IntArray, IntArray]:
    """Per candidate the slot index taken (or -1), and the advisor's conversations before this one."""
    return _self_booking(wave, round_robin=True)


def _self_booking(wave: Wave, *, round_robin: bool) -> tuple[IntArray, IntArray]:
    buckets = _Buckets(wave)
    n_days = wave.n_days
    slot_hostday = (wave.slot_host * n_days + wave.slot_day).tolist()
    slot_host = wave.slot_host.tolist()
    starts = wave.slots.starts.tolist()
    left = wave.hostday_cap.ravel().tolist()
    used = [False] * len(starts)
    weight = (wave.capacity / max(int(wave.capacity.sum()), 1)).tolist()
    assigned = [0] * len(wave.hosts)
    last_booked = [-1] * len(wave.hosts)
    bits = [(int(wave.weekday[d]) * PARTS + p) for d in range(n_days) for p in range(PARTS)]
    result = np.full(len(wave.candidates), -1, dtype=np.int64)
    before = np.zeros(len(wave.candidates), dtype=np.int64)
    total = 0
    for c, (li, first, last, mask) in enumerate(
        zip(wave.c_lang.tolist(), wave.c_first.tolist(), wave.c_last.tolist(), wave.c_mask.tolist(), strict=True)
    ):
        for dp in range(first * PARTS, last * PARTS + PARTS):
            if not (mask >> bits[dp]) & 1:
                continue
            key = dp * buckets.n_lang + li
            p, end = buckets.start[key], buckets.end[key]
            while p < end and (used[buckets.slots[p]] or left[slot_hostday[buckets.slots[p]]] == 0):
                p += 1
            buckets.start[key] = p
            if p == end:
                continue
            s = buckets.slots[p]
            if round_robin:
                s = _round_robin_pick(
                    buckets, p, end, starts, used, left, slot_hostday, slot_host, weight, assigned, last_booked, total
                )
            h = slot_host[s]
            used[s] = True
            left[slot_hostday[s]] -= 1
            before[c] = assigned[h]
            assigned[h] += 1
            last_booked[h] = total
            total += 1
            result[c] = s
            break
    return result, before


def _round_robin_pick(
    buckets: _Buckets,
    p: int,
    end: int,
    starts: list[int],
    used: list[bool],
    left: list[int],
    slot_hostday: list[int],
    slot_host: list[int],
    weight: list[float],
    assigned: list[int],
    last_booked: list[int],
    total: int,
) -> int:
    """Among the free slots at the earliest time, the host with the largest weighted shortfall, then least recent."""
    t = starts[buckets.slots[p]]
    best, best_key = -1, (0.0, 0)
    q = p
    while q < end and starts[buckets.slots[q]] == t:
        s = buckets.slots[q]
        if not used[s] and left[slot_hostday[s]] > 0:
            h = slot_host[s]
            key = (weight[h] * (total + 1) - assigned[h], -last_booked[h])
            if best < 0 or key > best_key:
                best, best_key = s, key
        q += 1
    return best
