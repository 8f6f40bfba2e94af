import datetime

import factory

from nagesprek.organisations.tests.factories import DepartmentFactory, OrganisationFactory
from nagesprek.vacancies.constants import RequirementKind, StageKind, VacancyStatus
from nagesprek.vacancies.models import Criterion, JobFamily, Requirement, Stage, Vacancy


class JobFamilyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JobFamily

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Functiefamilie {n}")


class VacancyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vacancy
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    department = factory.SubFactory(DepartmentFactory, organisation=factory.SelfAttribute("..organisation"))
    job_family = factory.SubFactory(JobFamilyFactory, organisation=factory.SelfAttribute("..organisation"))
    reference = factory.Sequence(lambda n: f"VAC-{n:04d}")
    title = factory.Sequence(lambda n: f"Medewerker klantcontact {n}")
    description = "Je helpt burgers aan de telefoon en per chat."
    location = "Amsterdam"
    hours_min = 32
    hours_max = 36
    closing_date = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=14))
    status = VacancyStatus.OPEN

    @factory.post_generation
    def with_stages(obj, create, extracted, **kwargs):
        if create and extracted is not False:
            for position, (kind, name) in enumerate(
                [
                    (StageKind.CV_SCREENING, "Cv-selectie"),
                    (StageKind.INTERVIEW, "Eerste gesprek"),
                    (StageKind.OFFER, "Aanbod"),
                ]
            ):
                Stage.objects.create(vacancy=obj, kind=kind, name=name, position=position)


class RequirementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Requirement

    vacancy = factory.SubFactory(VacancyFactory)
    kind = RequirementKind.SKILL
    label = factory.Sequence(lambda n: f"Vaardigheid {n}")
    is_must_have = True


class StageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Stage

    vacancy = factory.SubFactory(VacancyFactory, with_stages=False)
    kind = StageKind.INTERVIEW
    name = factory.Sequence(lambda n: f"Gesprek {n}")
    position = factory.LazyAttribute(lambda o: o.vacancy.stages.count())


class CriterionFactory(factory.django.DjangoModelFactory):
    """A criterion tied to a named competency; pass requirement=... to tie it to a requirement."""

    class Meta:
        model = Criterion

    stage = factory.SubFactory(StageFactory)
    requirement = None
    competency = factory.LazyAttributeSequence(lambda o, n: "" if o.requirement else f"Competentie {n}")
    position = factory.Sequence(lambda n: n)
