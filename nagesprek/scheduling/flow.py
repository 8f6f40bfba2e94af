"""Minimum-cost maximum flow with small integer costs, on scipy's compiled graph routines.

The primal-dual method: one Dijkstra over the residual network with reduced costs gives node
potentials; then a maximum flow over the *admissible* arcs (reduced cost zero) augments along every
shortest path at once. Each round raises the shortest augmenting distance, so the number of rounds is
at most the number of distinct path costs, which is small when the costs are small integers (the wave
planner counts waiting in day-parts). Exact: the result is a maximum flow of minimum cost.

Both steps run in C (``scipy.sparse.csgraph.dijkstra`` and ``maximum_flow``); Python only builds the
residual network with numpy, so a network of a few hundred thousand arcs solves in seconds.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp
from scipy.sparse.csgraph import dijkstra, maximum_flow

IntArray = npt.NDArray[np.int64]
INFINITE_CAPACITY = 2**30  # maximum_flow takes int32 capacities


@dataclass
class FlowResult:
    flow: IntArray  # per arc
    value: int
    cost: int
    rounds: int


def min_cost_max_flow(
    n_nodes: int, tails: IntArray, heads: IntArray, capacity: IntArray, cost: IntArray, source: int, sink: int
) -> FlowResult:
    """A maximum flow from ``source`` to ``sink`` of minimum total cost; costs must be non-negative integers.

    Parallel arcs are allowed; arcs into the source or out of the sink are not used.
    """
    if len(cost) and cost.min() < 0:
        raise ValueError("costs must be non-negative")
    capacity = np.minimum(capacity, INFINITE_CAPACITY).astype(np.int64)
    flow = np.zeros(len(tails), dtype=np.int64)
    potential = np.zeros(n_nodes, dtype=np.int64)
    rounds = 0
    while True:
        rounds += 1
        forward = flow < capacity
        backward = flow > 0
        r_tail = np.concatenate([tails[forward], heads[backward]])
        r_head = np.concatenate([heads[forward], tails[backward]])
        r_cost = np.concatenate([cost[forward], -cost[backward]]) + potential[r_tail] - potential[r_head]
        r_cap = np.concatenate([capacity[forward] - flow[forward], flow[backward]])
        r_arc = np.concatenate([np.flatnonzero(forward), ~np.flatnonzero(backward)])  # ~i marks a reverse arc
        distance = _distances(n_nodes, r_tail, r_head, r_cost, source)
        if not np.isfinite(distance[sink]):
            break
        reach = int(distance[sink])
        potential += np.minimum(np.where(np.isfinite(distance), distance, reach), reach).astype(np.int64)
        reduced = np.concatenate([cost[forward], -cost[backward]]) + potential[r_tail] - potential[r_head]
        admissible = reduced == 0
        pushed = _augment(n_nodes, r_tail[admissible], r_head[admissible], r_cap[admissible], source, sink)
        if not pushed.any():
            break  # cannot happen with exact potentials; a guard against looping for ever
        arcs = r_arc[admissible]
        np.add.at(flow, arcs[arcs >= 0], pushed[arcs >= 0])
        np.add.at(flow, ~arcs[arcs < 0], -pushed[arcs < 0])
    return FlowResult(flow, int(flow[tails == source].sum()), int((flow * cost).sum()), rounds)


def _distances(n_nodes: int, tails: IntArray, heads: IntArray, weights: IntArray, source: int) -> npt.NDArray:
    # Several residual arcs may join the same pair of nodes: the sparse matrix must keep the cheapest.
    order = np.lexsort((weights, heads, tails))
    tails, heads, weights = tails[order], heads[order], weights[order]
    first = np.ones(len(tails), dtype=bool)
    first[1:] = (tails[1:] != tails[:-1]) | (heads[1:] != heads[:-1])
    graph = sp.csr_matrix((weights[first].astype(np.float64), (tails[first], heads[first])), shape=(n_nodes, n_nodes))
    return np.asarray(dijkstra(graph, directed=True, indices=source))


def _augment(n_nodes: int, tails: IntArray, heads: IntArray, caps: IntArray, source: int, sink: int) -> IntArray:
    """A maximum flow over the admissible arcs; returns the flow per given arc (parallel arcs split greedily)."""
    graph = sp.csr_matrix((caps.astype(np.int32), (tails, heads)), shape=(n_nodes, n_nodes))
    graph.sum_duplicates()
    result = maximum_flow(graph, source, sink, method="dinic")
    pair_flow = np.asarray(result.flow[tails, heads]).ravel().astype(np.int64)
    pair_flow = np.maximum(pair_flow, 0)
    # Hand each pair's flow to its arcs in order, none beyond its capacity.
    order = np.lexsort((heads, tails))
    t, h, c, f = tails[order], heads[order], caps[order], pair_flow[order]
    new = np.ones(len(t), dtype=bool)
    new[1:] = (t[1:] != t[:-1]) | (h[1:] != h[:-1])
    group = np.cumsum(new) - 1
    cap_before = np.cumsum(c) - c
    group_start_cap = cap_before[np.flatnonzero(new)][group]
    already = cap_before - group_start_cap
    share = np.clip(f - already, 0, c)
    pushed = np.empty(len(tails), dtype=np.int64)
    pushed[order] = share
    return pushed
