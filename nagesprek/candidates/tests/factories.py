import factory

from nagesprek.candidates.models import Candidate
from nagesprek.organisations.tests.factories import OrganisationFactory


class CandidateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Candidate

    organisation = factory.SubFactory(OrganisationFactory)
    email = factory.Sequence(lambda n: f"kandidaat{n}@example.net")
    full_name = factory.Sequence(lambda n: f"Kandidaat {n}")
    cv_text = "Vijf jaar ervaring in klantcontact."
