"""The Django admin is for technical administrators: accounts and organisations, never candidate files."""

import pytest
from django.contrib import admin
from django.urls import reverse

from nagesprek.accounts.models import User
from nagesprek.applications.models import Application
from nagesprek.candidates.models import Candidate
from nagesprek.evaluations.models import Scorecard
from nagesprek.organisations.models import Membership, Organisation
from nagesprek.organisations.tests.factories import OrganisationFactory
from nagesprek.rejections.models import Rejection

pytestmark = pytest.mark.django_db


def test_a_superuser_manages_organisations_users_and_memberships(client):
    organisation = OrganisationFactory(name="Ziekenhuis Delftland")
    superuser = User.objects.create_superuser("beheer@example.org", "correct horse battery staple", full_name="Beheer")
    client.force_login(superuser)

    assert organisation.name in client.get(reverse("admin:organisations_organisation_changelist")).content.decode()
    assert client.get(reverse("admin:accounts_user_change", args=[superuser.pk])).status_code == 200
    assert client.get(reverse("admin:organisations_membership_add")).status_code == 200


def test_candidate_data_is_not_in_the_admin_where_access_would_escape_the_audit_log():
    for model in (Candidate, Application, Scorecard, Rejection):
        assert not admin.site.is_registered(model), model
    assert admin.site.is_registered(Organisation) and admin.site.is_registered(Membership)


def test_staff_without_superuser_rights_cannot_use_the_admin(client):
    user = User.objects.create_user("recruiter@example.org", "correct horse battery staple", full_name="R")
    client.force_login(user)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302 and "login" in response.url
