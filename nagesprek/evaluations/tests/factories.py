import factory
from django.utils import timezone

from nagesprek.applications.tests.factories import ApplicationFactory
from nagesprek.evaluations.constants import Rating
from nagesprek.evaluations.models import CriterionRating, Scorecard
from nagesprek.organisations.tests.factories import UserFactory


class ScorecardFactory(factory.django.DjangoModelFactory):
    """A submitted scorecard for the application's current stage; submitted_at=None for a draft."""

    class Meta:
        model = Scorecard

    application = factory.SubFactory(ApplicationFactory)
    stage = factory.SelfAttribute("application.stage")
    evaluator = factory.SubFactory(UserFactory)
    submitted_at = factory.LazyFunction(timezone.now)


class CriterionRatingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CriterionRating

    scorecard = factory.SubFactory(ScorecardFactory)
    criterion = None  # pass one of the scorecard stage's criteria
    rating = Rating.MET
    evidence = "Gaf twee concrete voorbeelden uit het vorige werk."
