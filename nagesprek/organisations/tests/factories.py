import factory

from nagesprek.accounts.models import User
from nagesprek.organisations.constants import OrganisationKind, Role
from nagesprek.organisations.models import Department, Membership, Organisation


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    slug = factory.Sequence(lambda n: f"organisatie-{n}")
    name = factory.Sequence(lambda n: f"Organisatie {n}")
    kind = OrganisationKind.GOVERNMENT
    brand_colour = "#154273"


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Afdeling {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"medewerker{n}@example.org")
    full_name = factory.Sequence(lambda n: f"Medewerker {n}")
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery staple")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Role.RECRUITER


def member(organisation: Organisation, *roles: str, **user_fields: object) -> User:
    """A user holding the given roles in the organisation."""
    user = UserFactory(**user_fields)
    for role in roles:
        MembershipFactory(user=user, organisation=organisation, role=role)
    return user
