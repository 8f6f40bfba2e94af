"""The procedure planner (plain Python): every history it writes is one a real procedure could have."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nagesprek.applications.constants import ApplicationStatus as A
from nagesprek.demo.catalogue.types import PIPELINES
from nagesprek.demo.generator.procedures import Applicant, capacities, plan_applications, plan_timeline
from nagesprek.vacancies.constants import VacancyStatus as V

STAGE_NAMES = [tuple(name for _kind, name in stages) for stages in PIPELINES.values()]


@st.composite
def procedures(draw):
    status = draw(st.sampled_from([V.OPEN, V.CLOSED, V.FILLED, V.CANCELLED]))
    names = draw(st.sampled_from(STAGE_NAMES))
    at_stage = 0
    if status == V.OPEN:
        closes = draw(st.integers(1, 40))
    elif status == V.FILLED:
        closes = draw(st.integers(-150, -8 - 10 * (len(names) - 1)))
    else:
        at_stage = draw(st.integers(1 if status == V.CANCELLED else 0, len(names) - 1))
        closes = draw(st.integers(-90, -3 - at_stage))
    fits = draw(st.lists(st.sampled_from([0.0, 0.5, 1.0, 2.0]), min_size=1, max_size=15))
    return status, names, closes, at_stage, fits


@settings(max_examples=200, deadline=None)
@given(procedure=procedures(), seed=st.integers(0, 2**32))
def test_histories_are_ordered_in_the_past_and_fit_the_vacancy(procedure, seed):
    status, names, closes, at_stage, fits = procedure
    rng = random.Random(seed)
    timeline = plan_timeline(status=status, stage_names=names, closes=closes, at_stage=at_stage, rng=rng)
    paths = plan_applications(timeline, [Applicant(i, fit) for i, fit in enumerate(fits)], rng)

    for path in paths:
        days = [step.day for step in path.steps]
        assert days == sorted(set(days)), "one step per day, in order"
        assert timeline.published < path.applied_day <= min(closes, -1)
        assert days[-1] <= -1, "nothing is dated today or later"
        assert [s.stage for s in path.steps] == sorted(s.stage for s in path.steps)
        assert all(step.status == A.ACTIVE for step in path.steps[:-1])
    finals = [path.last for path in paths]
    hired = [step for step in finals if step.status == A.HIRED]
    if status == V.FILLED:
        assert len(hired) == 1 and hired[0].stage == len(names) - 1
        assert not any(step.status == A.ACTIVE for step in finals)
    else:
        assert not hired
    if status == V.CANCELLED:
        assert not any(step.status == A.ACTIVE for step in finals)
        assert all(step.day <= timeline.cancelled_on for step in finals)
    else:
        assert not any(step.status == A.CANCELLED for step in finals)
    if status == V.CLOSED:
        assert all(step.stage <= at_stage for step in finals if step.status == A.ACTIVE)
    if status == V.OPEN:
        assert all(step.stage <= 1 for step in finals)


def test_forced_story_ends_where_it_was_written():
    rng = random.Random(1)
    timeline = plan_timeline(status=V.CLOSED, stage_names=STAGE_NAMES[0], closes=-35, at_stage=2, rng=rng)
    story = Applicant(99, 0.0, forced=(1, A.REJECTED))
    paths = plan_applications(timeline, [story, *(Applicant(i, 2.0) for i in range(8))], rng)
    last = next(p for p in paths if p.candidate == 99).last
    assert (last.stage, last.status) == (1, A.REJECTED)


def test_shortlists_shrink_to_one_offer():
    assert capacities(12, 5) == [12, 5, 3, 2, 1]
    assert capacities(3, 3) == [3, 2, 1]


def test_a_procedure_without_room_for_its_decisions_is_refused():
    with pytest.raises(ValueError, match="no room"):
        plan_timeline(status=V.CLOSED, stage_names=STAGE_NAMES[0], closes=-3, at_stage=2, rng=random.Random(0))
    with pytest.raises(ValueError, match="cannot finish"):
        plan_timeline(status=V.FILLED, stage_names=STAGE_NAMES[0], closes=-10, at_stage=0, rng=random.Random(0))
