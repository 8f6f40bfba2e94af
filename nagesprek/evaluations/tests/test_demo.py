"""The demo scorecards: on a hand-made history, and on the real demo data."""

import datetime
import random

import pytest
from django.utils import timezone

from nagesprek.applications.constants import ApplicationStatus
from nagesprek.applications.models import StageChange
from nagesprek.demo.services import load_demo_data
from nagesprek.evaluations.constants import LOW_RATINGS
from nagesprek.evaluations.demo import add_demo_evaluations
from nagesprek.evaluations.models import CriterionRating, Scorecard
from nagesprek.evaluations.tests.scenarios import Procedure
from nagesprek.vacancies.models import Criterion, Vacancy

pytestmark = pytest.mark.django_db


def history(application, *steps):
    """Write the application's stage history: (stage, status, days ago)."""
    now = timezone.now()
    for stage, status, days_ago in steps:
        StageChange.objects.create(
            application=application, stage=stage, status=status, changed_at=now - datetime.timedelta(days=days_ago)
        )
    application.stage, application.status = steps[-1][0], steps[-1][1]
    application.save()


def test_rejected_after_the_interview_gets_low_ratings_with_evidence_from_each_evaluator():
    procedure = Procedure()
    history(
        procedure.application,
        (procedure.cv_stage, ApplicationStatus.ACTIVE, 20),
        (procedure.interview, ApplicationStatus.ACTIVE, 12),
        (procedure.interview, ApplicationStatus.REJECTED, 5),
    )
    assert add_demo_evaluations(procedure.organisation, random.Random(1)) == 2
    cards = Scorecard.objects.filter(application=procedure.application)
    assert {card.evaluator for card in cards} == {procedure.evaluator, procedure.second_evaluator}
    assert all(card.submitted_at and card.stage == procedure.interview and card.summary for card in cards)
    low = CriterionRating.objects.filter(scorecard__in=cards, rating__in=LOW_RATINGS)
    assert low.exists()
    assert all(len(rating.evidence) > 40 for rating in low)
    assert Vacancy.objects.get(pk=procedure.vacancy.pk).requirements_frozen_at is not None


def test_passed_interviews_are_rated_well_and_cv_screening_and_withdrawals_are_not_scored():
    procedure = Procedure()
    history(
        procedure.application,
        (procedure.cv_stage, ApplicationStatus.ACTIVE, 20),
        (procedure.interview, ApplicationStatus.ACTIVE, 12),
        (procedure.offer, ApplicationStatus.ACTIVE, 4),
    )
    withdrawn = Procedure()
    history(
        withdrawn.application,
        (withdrawn.interview, ApplicationStatus.ACTIVE, 3),
        (withdrawn.interview, ApplicationStatus.WITHDRAWN, 2),
    )
    add_demo_evaluations(procedure.organisation, random.Random(1))
    add_demo_evaluations(withdrawn.organisation, random.Random(1))
    ratings = CriterionRating.objects.filter(scorecard__application=procedure.application)
    assert ratings.count() == 4
    assert not ratings.filter(rating__in=LOW_RATINGS).exists()
    assert not Scorecard.objects.filter(application=withdrawn.application).exists()


def test_an_interview_just_planned_is_not_scored_yet():
    procedure = Procedure()
    history(procedure.application, (procedure.interview, ApplicationStatus.ACTIVE, 0))
    assert add_demo_evaluations(procedure.organisation, random.Random(1)) == 0


def test_on_the_demo_data_it_scores_many_rates_some_low_and_runs_once():
    loaded = load_demo_data()
    for data in loaded:
        organisation = data.organisation
        add_demo_evaluations(organisation, random.Random(3))  # the loader may have run it already
        assert Scorecard.objects.filter(application__organisation=organisation).count() > 20
        ratings = CriterionRating.objects.filter(scorecard__application__organisation=organisation)
        assert ratings.filter(rating__in=LOW_RATINGS).count() > 10
        assert not ratings.filter(rating__in=LOW_RATINGS, evidence="").exists()
        assert add_demo_evaluations(organisation, random.Random(3)) == 0
    interviewed_rejected = Scorecard.objects.filter(
        application__status=ApplicationStatus.REJECTED, ratings__rating__in=LOW_RATINGS
    )
    assert interviewed_rejected.exists()
    scored_criteria = Criterion.objects.filter(ratings__isnull=False).distinct()
    assert all(c.stage.kind in ("interview", "assessment") for c in scored_criteria.select_related("stage"))
