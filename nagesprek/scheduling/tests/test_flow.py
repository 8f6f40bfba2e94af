"""The min-cost max-flow solver is exact: the same flow value and cost as a linear program (HiGHS)."""

import numpy as np
import pytest
import scipy.sparse as sp
from scipy.optimize import linprog

from nagesprek.scheduling.flow import min_cost_max_flow


def _lp_optimum(n, tails, heads, cap, cost, source, sink):
    arcs = len(tails)
    incidence = sp.csr_matrix(
        (np.r_[np.ones(arcs), -np.ones(arcs)], (np.r_[heads, tails], np.r_[np.arange(arcs), np.arange(arcs)])),
        shape=(n, arcs),
    ).toarray()
    inner = [v for v in range(n) if v not in (source, sink)]
    bounds = list(zip(np.zeros(arcs), cap, strict=True))
    most = linprog(-incidence[sink], A_eq=incidence[inner], b_eq=np.zeros(len(inner)), bounds=bounds)
    value = -most.fun
    cheapest = linprog(
        cost,
        A_eq=np.vstack([incidence[inner], incidence[sink]]),
        b_eq=np.r_[np.zeros(len(inner)), value],
        bounds=bounds,
    )
    return value, cheapest.fun, incidence


@pytest.mark.parametrize("seed", range(60))
def test_random_networks_match_the_linear_program(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(4, 12))
    m = int(rng.integers(3, 40))
    tails, heads = rng.integers(0, n, m), rng.integers(0, n, m)
    keep = tails != heads
    tails, heads = tails[keep], heads[keep]
    cap, cost = rng.integers(0, 5, len(tails)), rng.integers(0, 6, len(tails))
    result = min_cost_max_flow(n, tails, heads, cap, cost, 0, n - 1)
    value, best_cost, incidence = _lp_optimum(n, tails, heads, cap, cost, 0, n - 1)
    balance = incidence @ result.flow
    assert all(balance[v] == 0 for v in range(1, n - 1))
    assert ((result.flow >= 0) & (result.flow <= cap)).all()
    assert balance[n - 1] == pytest.approx(value)
    assert result.cost == pytest.approx(best_cost)


def test_negative_costs_are_refused():
    with pytest.raises(ValueError):
        min_cost_max_flow(2, np.array([0]), np.array([1]), np.array([1]), np.array([-1]), 0, 1)


def test_parallel_arcs_take_the_cheaper_first():
    tails, heads = np.array([0, 0, 1]), np.array([1, 1, 2])
    result = min_cost_max_flow(3, tails, heads, np.array([1, 1, 1]), np.array([5, 2, 0]), 0, 2)
    assert result.value == 1 and result.cost == 2
    assert result.flow.tolist() == [0, 1, 1]
