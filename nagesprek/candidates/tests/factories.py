import datetime
from decimal import Decimal

import factory

from nagesprek.candidates.constants import QualificationKind
from nagesprek.candidates.models import Candidate, Experience, LanguageSkill, Qualification, Skill
from nagesprek.organisations.tests.factories import OrganisationFactory


class CandidateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Candidate

    organisation = factory.SubFactory(OrganisationFactory)
    email = factory.Sequence(lambda n: f"kandidaat{n}@example.net")
    full_name = factory.Sequence(lambda n: f"Kandidaat {n}")
    cv_text = "Vijf jaar ervaring in klantcontact."


class QualificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Qualification

    candidate = factory.SubFactory(CandidateFactory)
    kind = QualificationKind.CERTIFICATE
    name = factory.Sequence(lambda n: f"Certificaat {n}")
    issued_on = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=400))
    expires_on = None


class SkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Skill

    candidate = factory.SubFactory(CandidateFactory)
    name = factory.Sequence(lambda n: f"Vaardigheid {n}")


class LanguageSkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LanguageSkill

    candidate = factory.SubFactory(CandidateFactory)
    language = "Nederlands"
    level = "C1"


class ExperienceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Experience

    candidate = factory.SubFactory(CandidateFactory)
    role = "Medewerker klantcontact"
    sector = "Overheid"
    years = Decimal("3.0")
