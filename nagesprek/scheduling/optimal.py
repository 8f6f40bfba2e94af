"""The product's wave planner: an exact minimum-cost maximum flow with advisor load caps.

Candidates who are alike (language, job family, dates, day-parts) form one *class*; slots of one host
in one day-part form one *bucket*. The network, never a candidates x slots matrix:

    source -> class (its size)
           -> T(day-part, language, job family)  cost: waiting in day-parts            (expert route)
           -> T(day-part, language)              cost: waiting + EXPERTISE_PENALTY     (any advisor)
           -> bucket(host, day-part)             capacity: its free slots (or the day's maximum)
           -> host-day                           capacity: the advisor's maximum that day
           -> host -> sink                       free up to its fair share, then ever dearer (convex)

A class reaches exactly the day-parts inside its dates and availability, and only advisors who speak
its language: pruning by feasibility, never by top-k. Maximum flow = the most candidates planned within
their deadline; minimum cost = then the fairest spread, then the least waiting and expertise mismatch.
Which slot inside a bucket does not change the cost: each bucket gives its earliest slots, the
earliest to the candidate who arrived first.
"""

from __future__ import annotations

import numpy as np

from nagesprek.scheduling.flow import INFINITE_CAPACITY, min_cost_max_flow
from nagesprek.scheduling.wave import PARTS, IntArray, Wave

EXPERTISE_PENALTY = 2 * PARTS  # an advisor without the job family costs as much as two working days' wait
LOAD_WEIGHT = 2000  # a host 10% of its capacity above its fair share: each further conversation costs ~200
MAX_LOAD_COST = 10_000


class _Arcs:
    def __init__(self) -> None:
        self.tails: list[IntArray] = []
        self.heads: list[IntArray] = []
        self.caps: list[IntArray] = []
        self.costs: list[IntArray] = []
        self.size = 0

    def add(self, tails: IntArray, heads: IntArray, caps: IntArray | int, costs: IntArray | int) -> slice:
        n = len(tails)
        self.tails.append(np.asarray(tails, dtype=np.int64))
        self.heads.append(np.asarray(heads, dtype=np.int64))
        self.caps.append(np.broadcast_to(np.asarray(caps, dtype=np.int64), (n,)))
        self.costs.append(np.broadcast_to(np.asarray(costs, dtype=np.int64), (n,)))
        self.size += n
        return slice(self.size - n, self.size)

    def arrays(self) -> tuple[IntArray, IntArray, IntArray, IntArray]:
        return (
            np.concatenate(self.tails),
            np.concatenate(self.heads),
            np.concatenate(self.caps),
            np.concatenate(self.costs),
        )


def fair_shares(wave: Wave, n_new: int, existing: IntArray) -> tuple[IntArray, IntArray]:
    """Per host the conversations within its fair share (by capacity), and the share rounded up."""
    total_capacity = max(int(wave.capacity.sum()), 1)
    target = min(n_new + int(existing.sum()), total_capacity)
    share = target * wave.capacity / total_capacity
    return np.floor(share).astype(np.int64), np.ceil(share).astype(np.int64)


def plan_optimal(
    wave: Wave, candidates: IntArray, *, free: np.ndarray | None = None, existing: IntArray | None = None
) -> tuple[IntArray, dict[str, int]]:
    """Slot index per candidate index in ``candidates`` (or -1). ``free`` masks usable slots (re-planning);
    ``existing`` is each host's load already fixed. Returns also solver statistics."""
    n_hosts, n_days = len(wave.hosts), wave.n_days
    n_dp = n_days * PARTS
    n_lang, n_fam = max(len(wave.languages), 1), max(len(wave.families), 1)
    existing = np.zeros(n_hosts, dtype=np.int64) if existing is None else existing
    slot_ok = np.ones(len(wave.slots), dtype=bool) if free is None else free

    # Classes of alike candidates.
    rows = np.stack(
        [
            wave.c_lang[candidates],
            wave.c_fam[candidates],
            wave.c_first[candidates],
            wave.c_last[candidates],
            wave.c_mask[candidates],
            wave.c_ordinal[candidates],
        ],
        axis=1,
    )
    classes, member_class = np.unique(rows, axis=0, return_inverse=True)
    member_class = member_class.ravel()
    class_size = np.bincount(member_class, minlength=len(classes))
    n_classes = len(classes)

    # Buckets: (host, day-part) with the usable slots, in time order within each bucket.
    usable = np.flatnonzero(slot_ok)
    bucket_key = wave.slot_host[usable] * n_dp + wave.slot_dp[usable]
    order = np.argsort(bucket_key, kind="stable")
    bucket_slots = usable[order]
    keys, bucket_first, bucket_count = np.unique(bucket_key[order], return_index=True, return_counts=True)
    b_host, b_dp = keys // n_dp, keys % n_dp
    b_day = b_dp // PARTS
    n_buckets = len(keys)

    # Node numbering.
    source, sink = 0, 1
    class_node = 2
    t_expert = class_node + n_classes  # + (dp * n_lang + lang) * n_fam + fam
    t_any = t_expert + n_dp * n_lang * n_fam  # + dp * n_lang + lang
    bucket_node = t_any + n_dp * n_lang
    hostday_node = bucket_node + n_buckets  # + host * n_days + day
    host_node = hostday_node + n_hosts * n_days
    n_nodes = host_node + n_hosts

    arcs = _Arcs()
    arcs.add(np.full(n_classes, source), class_node + np.arange(n_classes), class_size, 0)

    # T -> bucket, for each language the host speaks (any advisor) and each (language, family) it knows.
    hl = wave.host_lang[b_host] if n_buckets else np.zeros((0, n_lang), dtype=bool)
    hf = wave.host_fam[b_host] if n_buckets else np.zeros((0, n_fam), dtype=bool)
    bucket_cap = np.minimum(bucket_count, wave.hostday_cap[b_host, b_day])
    b_idx, lang = np.nonzero(hl)
    any_tail = t_any + b_dp[b_idx] * n_lang + lang
    tb_any = arcs.add(any_tail, bucket_node + b_idx, bucket_cap[b_idx], 0)
    b_idx2, lang2, fam2 = np.nonzero(hl[:, :, None] & hf[:, None, :])
    expert_tail = t_expert + (b_dp[b_idx2] * n_lang + lang2) * n_fam + fam2
    tb_expert = arcs.add(expert_tail, bucket_node + b_idx2, bucket_cap[b_idx2], 0)
    has_node = np.zeros(n_nodes, dtype=bool)
    has_node[any_tail] = True
    has_node[expert_tail] = True

    # Class -> T over the day-parts inside the class's dates and availability.
    dp = np.arange(n_dp)
    dp_day, dp_part = dp // PARTS, dp % PARTS
    dp_bit = wave.weekday[dp_day] * PARTS + dp_part if n_dp else dp
    c_lang, c_fam, c_first, c_last, c_mask, c_ord = (classes[:, i] for i in range(6))
    fits = (
        (dp_day[None, :] >= c_first[:, None])
        & (dp_day[None, :] <= c_last[:, None])
        & (((c_mask[:, None] >> dp_bit[None, :]) & 1) == 1)
    )
    ci, di = np.nonzero(fits)
    wait = PARTS * (wave.ordinal[dp_day[di]] - c_ord[ci]) + dp_part[di]
    wait = np.maximum(wait, 0)
    expert_head = t_expert + (di * n_lang + c_lang[ci]) * n_fam + c_fam[ci]
    any_head = t_any + di * n_lang + c_lang[ci]
    e_ok, a_ok = has_node[expert_head], has_node[any_head]
    ct_expert = arcs.add(class_node + ci[e_ok], expert_head[e_ok], INFINITE_CAPACITY, wait[e_ok])
    ct_any = arcs.add(class_node + ci[a_ok], any_head[a_ok], INFINITE_CAPACITY, wait[a_ok] + EXPERTISE_PENALTY)

    # Bucket -> host-day -> host -> sink.
    arcs.add(bucket_node + np.arange(n_buckets), hostday_node + b_host * n_days + b_day, bucket_cap, 0)
    hd = np.flatnonzero(wave.hostday_cap.ravel() > 0)
    arcs.add(hostday_node + hd, host_node + hd // max(n_days, 1), wave.hostday_cap.ravel()[hd], 0)
    _add_load_arcs(arcs, wave, len(candidates), existing, host_node, sink)

    tails, heads, caps, costs = arcs.arrays()
    result = min_cost_max_flow(n_nodes, tails, heads, caps, costs, source, sink)
    flow = result.flow

    # Decompose: pair class units with bucket units inside each T node, then slots inside each bucket.
    unit_class, unit_t = _units(tails, heads, flow, (ct_expert, ct_any))
    unit_t_b, unit_bucket = _units(tails, heads, flow, (tb_expert, tb_any))
    by_class = np.lexsort((unit_class, unit_t))
    by_bucket = np.lexsort((unit_bucket, unit_t_b))
    pair_class = unit_class[by_class] - class_node
    pair_bucket = unit_bucket[by_bucket] - bucket_node
    # Inside each bucket the earliest slots, in order.
    order = np.argsort(pair_bucket, kind="stable")
    pair_class, pair_bucket = pair_class[order], pair_bucket[order]
    rank_in_bucket = np.arange(len(pair_bucket)) - np.searchsorted(pair_bucket, pair_bucket)
    pair_slot = bucket_slots[bucket_first[pair_bucket] + rank_in_bucket]
    # Inside each class: earliest slot to the candidate who came first.
    order = np.lexsort((wave.slots.starts[pair_slot], pair_class))
    pair_class, pair_slot = pair_class[order], pair_slot[order]
    members = np.argsort(member_class, kind="stable")  # arrival order within each class
    class_first_member = np.searchsorted(member_class[members], np.arange(n_classes))
    unit_rank = np.arange(len(pair_class)) - np.searchsorted(pair_class, pair_class)
    chosen_member = members[class_first_member[pair_class] + unit_rank]
    assignment = np.full(len(candidates), -1, dtype=np.int64)
    assignment[chosen_member] = pair_slot
    stats = {"nodes": n_nodes, "arcs": len(tails), "classes": n_classes, "buckets": n_buckets, "rounds": result.rounds}
    return assignment, stats


def _add_load_arcs(arcs: _Arcs, wave: Wave, n_new: int, existing: IntArray, host_node: int, sink: int) -> None:
    """Host -> sink: free up to the fair share, then each further conversation costs more (convex).

    The k-th conversation above the share s of a host with capacity c costs about LOAD_WEIGHT * (2(k - s) - 1) / c:
    the marginal cost of the sum of squared deviations of the load per unit of capacity, so the cheapest flow
    spreads load in proportion to capacity (part-timers take a part).
    """
    n_hosts = len(wave.hosts)
    total_capacity = max(int(wave.capacity.sum()), 1)
    target = min(n_new + int(existing.sum()), total_capacity)
    share = target * wave.capacity / total_capacity
    free = np.maximum(np.floor(share).astype(np.int64) - existing, 0)
    hosts = host_node + np.arange(n_hosts)
    arcs.add(hosts, np.full(n_hosts, sink), free, 0)
    # One arc per further conversation up to the host's capacity.
    extra = np.maximum(wave.capacity - np.maximum(np.floor(share).astype(np.int64), existing), 0)
    owner = np.repeat(np.arange(n_hosts), extra)
    k = np.arange(len(owner)) - np.repeat(np.cumsum(extra) - extra, extra)  # 0, 1, ... per host
    number = np.maximum(np.floor(share), existing)[owner] + k + 1  # the conversation's number at its host
    capacity = np.maximum(wave.capacity[owner], 1)
    cost = 1 + np.round(LOAD_WEIGHT * np.maximum(2 * (number - share[owner]) - 1, 0) / capacity).astype(np.int64)
    arcs.add(host_node + owner, np.full(len(owner), sink), 1, np.minimum(cost, MAX_LOAD_COST))


def _units(tails: IntArray, heads: IntArray, flow: IntArray, parts: tuple[slice, ...]) -> tuple[IntArray, IntArray]:
    """One (tail, head) row per unit of flow on the arcs in ``parts``."""
    idx = np.concatenate([np.arange(p.start, p.stop) for p in parts])
    idx = idx[flow[idx] > 0]
    return np.repeat(tails[idx], flow[idx]), np.repeat(heads[idx], flow[idx])
