"""The scorecard overview, and who sees which scorecards when (no anchoring)."""

import pytest

from nagesprek.evaluations import selectors, services
from nagesprek.evaluations.constants import Rating
from nagesprek.evaluations.tests.scenarios import Procedure
from nagesprek.organisations.constants import Role
from nagesprek.organisations.tests.factories import member

pytestmark = pytest.mark.django_db


@pytest.fixture
def procedure():
    return Procedure()


def score(procedure, user, first, second, evidence="Bewijs", submit=True):
    save = services.submit_scorecard if submit else services.save_scorecard_draft
    return save(
        actor=procedure.actor(user),
        application=procedure.application,
        stage=procedure.interview,
        ratings=[(procedure.criteria[0], first, evidence), (procedure.criteria[1], second, evidence)],
        summary=f"Samenvatting van {user.full_name}",
    )


def test_overview_per_criterion_with_each_rating_evidence_and_average(procedure):
    score(procedure, procedure.evaluator, Rating.NOT_MET, Rating.MET, evidence="Onderbrak de klant twee keer.")
    score(procedure, procedure.second_evaluator, Rating.PARTLY_MET, Rating.EXCEEDED)
    [stage] = selectors.scorecard_overview_for_application(application=procedure.application)
    assert stage.stage == procedure.interview
    customer, explaining = stage.criteria
    assert customer.criterion == procedure.criteria[0]
    assert {(r.evaluator, r.rating) for r in customer.ratings} == {
        (procedure.evaluator, Rating.NOT_MET),
        (procedure.second_evaluator, Rating.PARTLY_MET),
    }
    assert "Onderbrak de klant twee keer." in [r.evidence for r in customer.ratings]
    assert (customer.average, customer.is_low) == (1.5, True)
    assert (explaining.average, explaining.is_low) == (3.5, False)
    assert {card.summary for card in stage.scorecards} == {
        f"Samenvatting van {procedure.evaluator.full_name}",
        f"Samenvatting van {procedure.second_evaluator.full_name}",
    }


def test_drafts_are_not_in_the_overview(procedure):
    score(procedure, procedure.evaluator, Rating.NOT_MET, Rating.MET, submit=False)
    assert selectors.scorecard_overview_for_application(application=procedure.application) == []


def test_an_evaluator_sees_the_others_only_after_submitting_their_own(procedure):
    score(procedure, procedure.second_evaluator, Rating.NOT_MET, Rating.NOT_MET)
    actor = procedure.actor(procedure.evaluator)
    [hidden] = selectors.scorecard_overview_for_actor(actor=actor, application=procedure.application)
    assert hidden.hidden and hidden.hidden_count == 1
    assert hidden.criteria == [] and hidden.scorecards == []

    score(procedure, procedure.evaluator, Rating.MET, Rating.MET, submit=False)  # a draft is not enough
    [still_hidden] = selectors.scorecard_overview_for_actor(actor=actor, application=procedure.application)
    assert still_hidden.hidden

    score(procedure, procedure.evaluator, Rating.MET, Rating.MET)
    [visible] = selectors.scorecard_overview_for_actor(actor=actor, application=procedure.application)
    assert not visible.hidden
    assert len(visible.criteria[0].ratings) == 2


@pytest.mark.parametrize("role", [Role.RECRUITER, Role.HR_LEAD, Role.PRIVACY_OFFICER])
def test_recruiters_hr_and_privacy_see_every_submitted_scorecard(procedure, role):
    score(procedure, procedure.evaluator, Rating.MET, Rating.MET)
    actor = procedure.actor(member(procedure.organisation, role))
    [stage] = selectors.scorecard_overview_for_actor(actor=actor, application=procedure.application)
    assert not stage.hidden
    assert len(stage.scorecards) == 1


def test_scoring_stages_are_those_reached_with_criteria(procedure):
    actor = procedure.actor(procedure.evaluator)
    stages = selectors.list_scoring_stages(actor=actor, application=procedure.application)
    assert [(stage, own) for stage, own in stages] == [(procedure.interview, None)]
    draft = score(procedure, procedure.evaluator, Rating.MET, Rating.MET, submit=False)
    assert selectors.list_scoring_stages(actor=actor, application=procedure.application) == [
        (procedure.interview, draft)
    ]
    outsider = procedure.actor(member(procedure.organisation, Role.EVALUATOR))
    assert selectors.list_scoring_stages(actor=outsider, application=procedure.application) == []


def test_overview_queries_do_not_grow_with_scorecards(procedure, django_assert_max_num_queries):
    for _ in range(4):
        user = member(procedure.organisation, Role.EVALUATOR)
        procedure.vacancy.evaluators.add(user)
        score(procedure, user, Rating.MET, Rating.PARTLY_MET)
    with django_assert_max_num_queries(4):
        overview = selectors.scorecard_overview_for_application(application=procedure.application)
        assert sum(len(row.ratings) for row in overview[0].criteria) == 8
