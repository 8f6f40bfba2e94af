"""The API keys page: org admins make a key (shown once), see its use, and revoke it; nobody else gets in."""

import pytest
from django.urls import reverse

from nagesprek.audit.models import AuditEvent
from nagesprek.integrations.models import ApiKey
from nagesprek.organisations.constants import Role
from nagesprek.organisations.tests.factories import OrganisationFactory, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation():
    return OrganisationFactory()


@pytest.fixture
def admin(client, organisation):
    client.force_login(member(organisation, Role.ORG_ADMIN))
    return client


def test_a_new_key_is_shown_once_and_works(admin, organisation):
    response = admin.post(reverse("integrations:api_keys"), {"name": "ATS"})

    secret = response.context["new_key"]
    assert response.status_code == 201 and secret in response.content.decode()
    assert "no-store" in response.headers["Cache-Control"]
    api_key = ApiKey.objects.get(organisation=organisation)
    assert secret.startswith(api_key.prefix) and secret not in api_key.key_hash
    assert secret not in admin.get(reverse("integrations:api_keys")).content.decode()  # never again
    assert admin.get("/api/v1/vacancies", headers={"authorization": f"Bearer {secret}"}).status_code == 200
    assert AuditEvent.objects.filter(object_type="integrations.ApiKey", action="create").exists()


def test_an_empty_name_is_refused_and_no_key_is_made(admin):
    response = admin.post(reverse("integrations:api_keys"), {"name": "  "})
    assert response.status_code == 200 and 'class="error-summary"' in response.content.decode()
    assert not ApiKey.objects.exists()


def test_revoking_switches_the_key_off_and_is_logged(admin, organisation):
    secret = admin.post(reverse("integrations:api_keys"), {"name": "ATS"}).context["new_key"]
    api_key = ApiKey.objects.get()

    assert admin.post(reverse("integrations:revoke", args=[api_key.pk])).status_code == 302

    assert admin.get("/api/v1/vacancies", headers={"authorization": f"Bearer {secret}"}).status_code == 401
    api_key.refresh_from_db()
    assert api_key.revoked_at is not None
    assert AuditEvent.objects.filter(object_id=str(api_key.pk), action="update").exists()


@pytest.mark.parametrize("role", [Role.RECRUITER, Role.HR_LEAD, Role.EVALUATOR, Role.ADVISOR, Role.PRIVACY_OFFICER])
def test_other_roles_are_refused(client, organisation, role):
    client.force_login(member(organisation, role))
    assert client.get(reverse("integrations:api_keys")).status_code == 403
    assert client.post(reverse("integrations:api_keys"), {"name": "ATS"}).status_code == 403
    assert not ApiKey.objects.exists()


def test_another_organisations_admin_cannot_revoke(admin, client, organisation):
    admin.post(reverse("integrations:api_keys"), {"name": "ATS"})
    api_key = ApiKey.objects.get()
    client.force_login(member(OrganisationFactory(), Role.ORG_ADMIN))

    assert client.post(reverse("integrations:revoke", args=[api_key.pk])).status_code == 404
    assert api_key.prefix not in client.get(reverse("integrations:api_keys")).content.decode()
    api_key.refresh_from_db()
    assert api_key.revoked_at is None


def test_org_admins_find_it_in_the_navigation(client, organisation):
    url = reverse("integrations:api_keys")
    client.force_login(member(organisation, Role.ORG_ADMIN))
    assert f'href="{url}"' in client.get(reverse("dashboards:home")).content.decode()
    client.force_login(member(organisation, Role.RECRUITER))
    assert f'href="{url}"' not in client.get(reverse("dashboards:home")).content.decode()
