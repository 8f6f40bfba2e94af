"""Scorecards: drafts, submission, who may score, and the freeze of the requirements."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from nagesprek.applications.constants import ApplicationStatus
from nagesprek.applications.models import Application
from nagesprek.audit.constants import AuditAction
from nagesprek.audit.models import AuditEvent
from nagesprek.evaluations import services
from nagesprek.evaluations.constants import Rating
from nagesprek.evaluations.models import CriterionRating, Scorecard
from nagesprek.evaluations.tests.scenarios import Procedure
from nagesprek.organisations.constants import Role
from nagesprek.organisations.tests.factories import OrganisationFactory, member
from nagesprek.vacancies.models import Vacancy
from nagesprek.vacancies.tests.factories import CriterionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def procedure():
    return Procedure()


def submit(procedure, user, ratings=None, **kwargs):
    return services.submit_scorecard(
        actor=procedure.actor(user),
        application=procedure.application,
        stage=procedure.interview,
        ratings=procedure.good_ratings() if ratings is None else ratings,
        **kwargs,
    )


def test_submit_stores_ratings_summary_and_time(procedure):
    scorecard = submit(procedure, procedure.evaluator, summary="Goed gesprek.")
    assert scorecard.submitted_at is not None
    assert scorecard.summary == "Goed gesprek."
    assert sorted(scorecard.ratings.values_list("rating", flat=True)) == [Rating.MET, Rating.EXCEEDED]
    event = AuditEvent.objects.get(action=AuditAction.CREATE)
    assert event.candidate_id == procedure.application.candidate_id


def test_the_first_submission_freezes_the_requirements(procedure):
    assert procedure.vacancy.requirements_frozen_at is None
    services.save_scorecard_draft(
        actor=procedure.actor(procedure.evaluator),
        application=procedure.application,
        stage=procedure.interview,
        ratings=procedure.good_ratings(),
    )
    assert Vacancy.objects.get(pk=procedure.vacancy.pk).requirements_frozen_at is None  # a draft does not
    submit(procedure, procedure.evaluator)
    frozen_at = Vacancy.objects.get(pk=procedure.vacancy.pk).requirements_frozen_at
    assert frozen_at is not None
    submit(procedure, procedure.second_evaluator)
    assert Vacancy.objects.get(pk=procedure.vacancy.pk).requirements_frozen_at == frozen_at


def test_every_criterion_needs_a_rating(procedure):
    with pytest.raises(ValidationError) as error:
        submit(procedure, procedure.evaluator, ratings=[(procedure.criteria[0], Rating.MET, "")])
    assert "Helder uitleggen" in error.value.messages[0]
    assert not Scorecard.objects.filter(submitted_at__isnull=False).exists()
    assert Vacancy.objects.get(pk=procedure.vacancy.pk).requirements_frozen_at is None


@pytest.mark.parametrize("rating", [Rating.NOT_MET, Rating.PARTLY_MET])
def test_a_low_rating_needs_evidence(procedure, rating):
    ratings = [(procedure.criteria[0], rating, "   "), (procedure.criteria[1], Rating.MET, "")]
    with pytest.raises(ValidationError) as error:
        submit(procedure, procedure.evaluator, ratings=ratings)
    assert "Klantgericht" in error.value.messages[0]
    assert not CriterionRating.objects.exists()


def test_a_rating_off_the_scale_is_refused(procedure):
    with pytest.raises(ValidationError):
        submit(
            procedure, procedure.evaluator, ratings=[(procedure.criteria[0], 5, "x"), (procedure.criteria[1], 3, "")]
        )


def test_a_criterion_of_another_stage_is_refused(procedure):
    stray = CriterionFactory(stage=procedure.cv_stage)
    with pytest.raises(ValidationError):
        submit(procedure, procedure.evaluator, ratings=[*procedure.good_ratings(), (stray, Rating.MET, "")])


def test_a_submitted_scorecard_cannot_change(procedure):
    submit(procedure, procedure.evaluator)
    with pytest.raises(ValidationError):
        submit(procedure, procedure.evaluator, ratings=[(c, Rating.NOT_MET, "Slecht.") for c in procedure.criteria])
    with pytest.raises(ValidationError):
        services.save_scorecard_draft(
            actor=procedure.actor(procedure.evaluator),
            application=procedure.application,
            stage=procedure.interview,
            ratings=[],
        )
    assert set(CriterionRating.objects.values_list("rating", flat=True)) == {Rating.MET, Rating.EXCEEDED}


def test_draft_keeps_rated_criteria_and_refuses_evidence_without_rating(procedure):
    actor = procedure.actor(procedure.evaluator)
    draft = services.save_scorecard_draft(
        actor=actor,
        application=procedure.application,
        stage=procedure.interview,
        ratings=[(procedure.criteria[0], Rating.PARTLY_MET, ""), (procedure.criteria[1], None, "")],
        summary="Half af",
    )
    assert draft.submitted_at is None
    assert list(draft.ratings.values_list("rating", flat=True)) == [Rating.PARTLY_MET]
    with pytest.raises(ValidationError):
        services.save_scorecard_draft(
            actor=actor,
            application=procedure.application,
            stage=procedure.interview,
            ratings=[(procedure.criteria[1], None, "Wel bewijs, geen oordeel")],
        )
    assert list(draft.ratings.values_list("rating", flat=True)) == [Rating.PARTLY_MET]


def test_the_vacancys_recruiter_may_score(procedure):
    assert submit(procedure, procedure.recruiter).evaluator == procedure.recruiter


@pytest.mark.parametrize("role", [Role.EVALUATOR, Role.RECRUITER])
def test_unassigned_staff_may_not_score(procedure, role):
    with pytest.raises(PermissionDenied):
        submit(procedure, member(procedure.organisation, role))
    assert not Scorecard.objects.exists()


def test_assignment_without_a_scoring_role_is_not_enough(procedure):
    hr_lead = member(procedure.organisation, Role.HR_LEAD)
    procedure.vacancy.evaluators.add(hr_lead)
    with pytest.raises(PermissionDenied):
        submit(procedure, hr_lead)


def test_an_evaluator_of_another_organisation_cannot_reach_the_application(procedure):
    with pytest.raises(Application.DoesNotExist):
        submit(procedure, member(OrganisationFactory(), Role.EVALUATOR))
    assert not Scorecard.objects.exists()


def test_a_closed_application_cannot_be_scored(procedure):
    procedure.application.status = ApplicationStatus.WITHDRAWN
    procedure.application.save()
    with pytest.raises(ValidationError):
        submit(procedure, procedure.evaluator)


def test_a_stage_not_reached_yet_cannot_be_scored(procedure):
    CriterionFactory(stage=procedure.offer)
    with pytest.raises(ValidationError) as error:
        services.submit_scorecard(
            actor=procedure.actor(procedure.evaluator),
            application=procedure.application,
            stage=procedure.offer,
            ratings=[],
        )
    assert procedure.offer.name in error.value.messages[0]


def test_a_stage_without_criteria_cannot_be_submitted(procedure):
    with pytest.raises(ValidationError):
        services.submit_scorecard(
            actor=procedure.actor(procedure.evaluator),
            application=procedure.application,
            stage=procedure.cv_stage,
            ratings=[],
        )
