"""Rejections with reasons, made directly with the models (not through the rejection workflow's services).

The explanations read like the drafts the rejection workflow writes from a record:
they name the requirement or criterion and what the record shows.
"""

from __future__ import annotations

import factory
from django.utils import timezone

from nagesprek.applications.tests.factories import ApplicationFactory
from nagesprek.rejections.constants import Outcome, ReasonSource, RejectionStatus
from nagesprek.rejections.models import Rejection, RejectionReason
from nagesprek.vacancies.constants import RequirementKind, StageKind
from nagesprek.vacancies.models import Criterion, Requirement, Stage


class RejectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Rejection

    application = factory.SubFactory(ApplicationFactory)
    organisation = factory.SelfAttribute("application.organisation")
    outcome = Outcome.REJECTED
    stage = factory.LazyAttribute(lambda o: o.application.stage)
    requirements_version = 1
    status = RejectionStatus.SENT
    language = factory.LazyAttribute(lambda o: o.application.candidate.language)
    decided_at = factory.LazyFunction(timezone.now)
    sent_at = factory.LazyFunction(timezone.now)


class RequirementReasonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RejectionReason

    rejection = factory.SubFactory(RejectionFactory)
    source = ReasonSource.UNMET_REQUIREMENT
    requirement = factory.LazyAttribute(
        lambda o: Requirement.objects.create(
            vacancy=o.rejection.application.vacancy,
            kind=RequirementKind.REGISTRATION,
            label="BIG-registratie als verpleegkundige",
            description="Je staat in het BIG-register als verpleegkundige.",
            is_must_have=True,
        )
    )
    explanation = "Voor deze functie is een BIG-registratie nodig. In je cv staat geen BIG-registratie."
    position = factory.Sequence(lambda n: n)


class CriterionReasonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RejectionReason

    rejection = factory.SubFactory(RejectionFactory)
    source = ReasonSource.LOW_RATING
    criterion = factory.LazyAttribute(
        lambda o: Criterion.objects.create(
            stage=stage_of_kind(o.rejection.application.vacancy, StageKind.INTERVIEW),
            competency="Klantgericht werken",
            description="Je laat met voorbeelden zien hoe je klanten helpt.",
        )
    )
    explanation = (
        "In het gesprek vroegen we naar een lastige klant. Je gaf één kort voorbeeld. "
        "We misten wat je zelf deed om de klant te helpen."
    )
    position = factory.Sequence(lambda n: n)


def stage_of_kind(vacancy, kind: str) -> Stage:
    """The vacancy's first stage of this kind (the vacancy factory makes CV screening, interview, offer)."""
    stage = vacancy.stages.filter(kind=kind).order_by("position").first()
    if stage is None:
        position = vacancy.stages.count()
        stage = Stage.objects.create(vacancy=vacancy, kind=kind, name=str(kind).capitalize(), position=position)
    return stage


def rejection_with_reasons(*, reasons: int = 2, stage_kind: str = StageKind.INTERVIEW, **fields) -> Rejection:
    """A sent rejection at ``stage_kind`` with ``reasons`` reasons, alternating requirement and criterion."""
    rejection = RejectionFactory(**fields)
    rejection.stage = stage_of_kind(rejection.application.vacancy, stage_kind)
    rejection.save(update_fields=["stage"])
    for index in range(reasons):
        factory_class = RequirementReasonFactory if index % 2 == 0 else CriterionReasonFactory
        factory_class(rejection=rejection, position=index)
    return rejection
