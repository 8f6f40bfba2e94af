import factory
from django.utils import timezone

from nagesprek.applications.models import Application
from nagesprek.candidates.tests.factories import CandidateFactory
from nagesprek.vacancies.tests.factories import VacancyFactory


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Application

    vacancy = factory.SubFactory(VacancyFactory)
    organisation = factory.SelfAttribute("vacancy.organisation")
    candidate = factory.SubFactory(CandidateFactory, organisation=factory.SelfAttribute("..organisation"))
    stage = factory.LazyAttribute(lambda o: o.vacancy.stages.order_by("position").first())
    applied_at = factory.LazyFunction(timezone.now)
