"""The wave planner: a valid, explained proposal per candidate; more covered, better matched, fairer spread."""

from collections import Counter
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import numpy as np
import pytest
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from nagesprek.scheduling import planner
from nagesprek.scheduling.availability import HostCalendar, WorkingPeriod, free_slot_arrays, free_slots
from nagesprek.scheduling.routing import FAIR_SHARE, KNOWS_JOB_FAMILY, SPEAKS_LANGUAGE, WITHIN_DEADLINE
from nagesprek.scheduling.wave import Wave, WaveCandidate

AMS = ZoneInfo("Europe/Amsterdam")
LONG_AGO = datetime(2026, 1, 1, tzinfo=UTC)
MON, FRI = date(2026, 6, 1), date(2026, 6, 5)
NEXT_FRI = date(2026, 6, 12)


def host(host_id, hours, *, languages=("nl",), expertise=(), max_per_day=None, booked=()):
    return HostCalendar(
        host_id,
        tuple(hours),
        slot_minutes=60,
        booked=booked,
        max_per_day=max_per_day,
        languages=frozenset(languages),
        expertise=frozenset(expertise),
    )


def day(weekday, start=9, end=12):
    return WorkingPeriod(weekday, time(start), time(end))


def cand(cid, *, language="nl", family="zorg", earliest=MON, deadline=NEXT_FRI, parts=None):
    return WaveCandidate(cid, language, family, earliest, deadline, None if parts is None else frozenset(parts))


def plan(candidates, hosts, method=planner.OPTIMAL, start=MON, end=NEXT_FRI):
    slots = free_slot_arrays(hosts, start=start, end=end, now=LONG_AGO)
    return planner.plan_wave(candidates, slots, hosts, method=method), slots


def by_candidate(result):
    return {p.candidate_id: p for p in result.proposals}


def assert_valid(result, candidates, slots, hosts):
    """Each slot once, the daily maximum held, language, dates and day-parts kept."""
    wave = Wave(candidates, slots, hosts)
    chosen = result.assignment[result.assignment >= 0]
    assert len(set(chosen.tolist())) == len(chosen)
    per_day = Counter(zip(wave.slot_host[chosen].tolist(), wave.slot_day[chosen].tolist(), strict=True))
    for (h, d), count in per_day.items():
        assert count <= wave.hostday_cap[h, d]
    for c, s in enumerate(result.assignment.tolist()):
        if s >= 0:
            assert wave.feasible(c, np.array([s]))[0]
    assert len(result.proposals) + len(result.unplanned) == len(candidates)


def test_the_planner_prefers_an_advisor_who_knows_the_job_family_and_says_why():
    hosts = [host(1, [day(0)]), host(2, [day(0)], expertise=("zorg",))]
    result, _slots = plan([cand(10)], hosts)
    (proposal,) = result.proposals
    assert proposal.slot.host_id == 2
    assert proposal.slot.starts_at == datetime(2026, 6, 1, 9, 0, tzinfo=AMS)
    codes = [r.code for r in proposal.reasons]
    assert codes[:2] == [SPEAKS_LANGUAGE, KNOWS_JOB_FAMILY] and WITHIN_DEADLINE in codes and FAIR_SHARE in codes
    assert dict(proposal.reasons[3].params) == {"deadline": "2026-06-12", "working_days_waiting": 0}


def test_language_is_a_must_for_every_method():
    hosts = [host(1, [day(0)]), host(2, [day(3)], languages=("nl", "en"))]
    for method in planner.METHODS:
        result, _ = plan([cand(1, language="en"), cand(2, language="de")], hosts, method)
        assert by_candidate(result)[1].slot.host_id == 2
        assert result.unplanned == (2,)


def test_first_come_first_served_can_leave_someone_out_the_planner_does_not():
    # One morning and one afternoon slot; the first to arrive can do both, the second only mornings.
    hosts = [host(1, [day(0, 11, 13)])]
    candidates = [cand(1), cand(2, parts={(0, "morning")})]
    fcfs, slots = plan(candidates, hosts, planner.FIRST_COME_FIRST_SERVED, end=FRI)
    assert fcfs.unplanned == (2,)
    optimal, _ = plan(candidates, hosts, end=FRI)
    assert optimal.unplanned == ()
    assert by_candidate(optimal)[2].slot.starts_at.astimezone(AMS).hour == 11
    assert_valid(optimal, candidates, slots, hosts)


def test_nobody_is_planned_after_their_deadline_or_before_their_earliest_date():
    hosts = [host(1, [day(4)])]  # Fridays only
    candidates = [cand(1, deadline=date(2026, 6, 4)), cand(2, earliest=date(2026, 6, 8))]
    for method in planner.METHODS:
        result, _ = plan(candidates, hosts, method)
        assert result.unplanned == (1,)
        assert by_candidate(result)[2].slot.starts_at.date() == NEXT_FRI


def test_load_is_spread_by_capacity_so_a_part_timer_takes_a_part():
    full = host(1, [day(d, 9, 13) for d in range(5)], max_per_day=2)  # capacity 20 over two weeks
    part = host(2, [day(d, 9, 13) for d in range(5)], max_per_day=1)  # capacity 10
    candidates = [cand(i) for i in range(15)]
    result, slots = plan(candidates, [full, part])
    load = Counter(p.slot.host_id for p in result.proposals)
    assert load == {1: 10, 2: 5}
    assert_valid(result, candidates, slots, [full, part])


def test_the_daily_maximum_counts_existing_bookings():
    booked = ((datetime(2026, 6, 1, 14, 0, tzinfo=AMS), datetime(2026, 6, 1, 15, 0, tzinfo=AMS)),)
    hosts = [host(1, [day(0)], max_per_day=2, booked=booked)]
    for method in planner.METHODS:
        result, _ = plan([cand(1), cand(2)], hosts, method, end=FRI)
        assert len(result.proposals) == 1


def test_earlier_is_better_for_the_candidate():
    hosts = [host(1, [day(3)]), host(2, [day(1)])]
    result, _ = plan([cand(1)], hosts)
    assert result.proposals[0].slot.host_id == 2


def test_slot_objects_and_arrays_give_the_same_plan():
    hosts = [host(1, [day(0), day(2)], expertise=("ict",)), host(2, [day(1)], languages=("nl", "en"))]
    candidates = [cand(1), cand(2, language="en"), cand(3, family="ict")]
    from_arrays, _ = plan(candidates, hosts)
    objects = free_slots(hosts, start=MON, end=NEXT_FRI, now=LONG_AGO)
    from_objects = planner.plan_wave(candidates, objects, hosts)
    assert from_arrays.proposals == from_objects.proposals


def test_unknown_methods_and_unknown_hosts_are_refused():
    hosts = [host(1, [day(0)])]
    slots = free_slot_arrays(hosts, start=MON, end=FRI, now=LONG_AGO)
    with pytest.raises(ValueError):
        planner.plan_wave([cand(1)], slots, hosts, method="lottery")
    with pytest.raises(ValueError):
        planner.plan_wave([cand(1)], slots, [host(2, [day(0)])])


def test_replanning_moves_only_the_cancelled_and_never_back_into_the_cancelled_time():
    hosts = [host(1, [day(d) for d in range(5)]), host(2, [day(d) for d in range(5)])]
    candidates = [cand(i) for i in range(12)]
    first, slots = plan(candidates, hosts)
    cancelled = {p.candidate_id for p in first.proposals[:2]}
    again = planner.replan(first, candidates, slots, hosts, cancelled=cancelled)
    before, after = by_candidate(first), by_candidate(again)
    for cid, proposal in before.items():
        if cid in cancelled:
            assert after[cid].slot != proposal.slot
        else:
            assert after[cid] == proposal
    assert_valid(again, candidates, slots, hosts)


def test_replanning_tries_the_unplanned_again_in_freed_room():
    hosts = [host(1, [day(0, 9, 11)])]  # two slots
    candidates = [cand(1), cand(2), cand(3)]
    first, _slots = plan(candidates, hosts, end=FRI)
    assert len(first.unplanned) == 1
    more = [host(1, [day(0, 9, 11), day(1, 9, 11)])]
    slots_more = free_slot_arrays(more, start=MON, end=FRI, now=LONG_AGO)
    # Same slot indices for the old slots: Monday's come first.
    again = planner.replan(first, candidates, slots_more, more, cancelled=())
    assert again.unplanned == ()
    assert [p.slot for p in again.proposals if p.candidate_id != first.unplanned[0]] == [
        p.slot for p in first.proposals
    ]


def _most_coverable(candidates, slots, hosts):
    """The largest number of candidates that can be planned, by a linear program over every pair."""
    wave = Wave(candidates, slots, hosts)
    pairs = [(c, s) for c in range(len(candidates)) for s in np.flatnonzero(wave.feasible(c, np.arange(len(slots))))]
    if not pairs:
        return 0
    rows, cols = [], []
    for j, (c, s) in enumerate(pairs):
        rows += [
            c,
            len(candidates) + s,
            len(candidates) + len(slots) + wave.slot_host[s] * wave.n_days + wave.slot_day[s],
        ]
        cols += [j, j, j]
    matrix = sp.csr_matrix((np.ones(len(rows)), (rows, cols)))
    limits = np.r_[np.ones(len(candidates)), np.ones(len(slots)), wave.hostday_cap.ravel()][: matrix.shape[0]]
    result = linprog(-np.ones(len(pairs)), A_ub=matrix, b_ub=limits, bounds=(0, 1), method="highs")
    return round(-result.fun)


@st.composite
def waves(draw):
    hosts = []
    for h in range(draw(st.integers(1, 4))):
        hours = [
            day(d, draw(st.sampled_from([9, 10, 13])), draw(st.sampled_from([14, 15, 17])))
            for d in draw(st.sets(st.integers(0, 4), min_size=1, max_size=3))
        ]
        hosts.append(
            host(
                h + 1,
                hours,
                languages=draw(st.sampled_from([("nl",), ("nl", "en"), ("en",)])),
                expertise=draw(st.sets(st.sampled_from(["zorg", "ict", "bouw"]), max_size=2)),
                max_per_day=draw(st.none() | st.integers(0, 3)),
            )
        )
    candidates = []
    for i in range(draw(st.integers(1, 25))):
        first = draw(st.integers(1, 8))
        parts = draw(
            st.none() | st.sets(st.tuples(st.integers(0, 4), st.sampled_from(["morning", "afternoon"])), min_size=1)
        )
        candidates.append(
            cand(
                i + 1,
                language=draw(st.sampled_from(["nl", "nl", "en"])),
                family=draw(st.sampled_from(["zorg", "ict", "bouw"])),
                earliest=date(2026, 6, first),
                deadline=date(2026, 6, first + draw(st.integers(0, 6))),
                parts=parts,
            )
        )
    return candidates, hosts


@settings(max_examples=60, deadline=None)
@given(waves())
def test_every_method_makes_valid_plans_and_the_planner_covers_the_most(wave):
    candidates, hosts = wave
    slots = free_slot_arrays(hosts, start=MON, end=NEXT_FRI, now=LONG_AGO)
    covered = {}
    for method in planner.METHODS:
        result = planner.plan_wave(candidates, slots, hosts, method=method)
        assert_valid(result, candidates, slots, hosts)
        covered[method] = len(result.proposals)
    assert covered[planner.OPTIMAL] >= max(covered.values())
    assert covered[planner.OPTIMAL] == _most_coverable(candidates, slots, hosts)


def test_empty_waves_no_slots_no_hosts_and_impossible_dates_plan_nobody_without_failing():
    hosts = [host(1, [day(0)])]
    slots = free_slot_arrays(hosts, start=MON, end=FRI, now=LONG_AGO)
    nothing = free_slot_arrays([], start=MON, end=FRI, now=LONG_AGO)
    backwards = cand(2, earliest=FRI, deadline=MON)
    for method in planner.METHODS:
        assert planner.plan_wave([], slots, hosts, method=method).proposals == ()
        assert planner.plan_wave([cand(1)], [], hosts, method=method).unplanned == (1,)
        assert planner.plan_wave([cand(1)], nothing, [], method=method).unplanned == (1,)
        assert planner.plan_wave([backwards], slots, hosts, method=method).unplanned == (2,)
