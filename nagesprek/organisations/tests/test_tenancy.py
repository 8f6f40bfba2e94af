"""Organisation is the tenant boundary: another organisation's objects answer 404."""

import pytest
from django.urls import reverse

from nagesprek.applications.tests.factories import ApplicationFactory
from nagesprek.emails.models import OutboxMessage
from nagesprek.organisations.constants import Role
from nagesprek.organisations.tests.factories import OrganisationFactory, member
from nagesprek.vacancies.tests.factories import VacancyFactory

pytestmark = pytest.mark.django_db

ALL_ROLES = [r.value for r in Role]


@pytest.fixture
def two_organisations():
    a, b = OrganisationFactory(), OrganisationFactory()
    application_b = ApplicationFactory(vacancy=VacancyFactory(organisation=b))
    message_b = OutboxMessage.objects.create(
        key="b-1", organisation=b, recipient="x@example.net", language="nl", template="t", subject="s", body_text="t"
    )
    return a, b, application_b, message_b


@pytest.mark.parametrize("role", ALL_ROLES)
def test_member_of_a_gets_404_for_every_object_of_b(client, two_organisations, role):
    a, _b, application_b, message_b = two_organisations
    client.force_login(member(a, *ALL_ROLES) if role == "all" else member(a, role))
    urls = [
        reverse("vacancies:detail", args=[application_b.vacancy_id]),
        reverse("applications:detail", args=[application_b.pk]),
        reverse("emails:message", args=[message_b.pk]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code in (403, 404), url
        assert application_b.candidate.full_name not in response.content.decode()


def test_member_with_every_role_still_gets_404_for_b(client, two_organisations):
    a, _b, application_b, message_b = two_organisations
    client.force_login(member(a, *ALL_ROLES))
    for url in (
        reverse("vacancies:detail", args=[application_b.vacancy_id]),
        reverse("applications:detail", args=[application_b.pk]),
        reverse("emails:message", args=[message_b.pk]),
    ):
        assert client.get(url).status_code == 404, url


def test_lists_show_only_own_organisation(client, two_organisations):
    a, _b, application_b, _message_b = two_organisations
    own = VacancyFactory(organisation=a, title="Eigen vacature")
    client.force_login(member(a, Role.RECRUITER))
    body = client.get(reverse("vacancies:list")).content.decode()
    assert own.title in body
    assert application_b.vacancy.title not in body
