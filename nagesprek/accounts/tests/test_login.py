"""Logging in and out."""

import pytest
from django.conf import settings
from django.urls import reverse

from nagesprek.organisations.constants import Role
from nagesprek.organisations.tests.factories import OrganisationFactory, member

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"  # the factories' password


@pytest.fixture
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def recruiter():
    return member(OrganisationFactory(), Role.RECRUITER, email="anne@example.org", full_name="Anne de Vries")


def log_in(client, email, password):
    return client.post(reverse("accounts:login"), {"username": email, "password": password})


def test_login_page_has_a_labelled_form(english):
    body = english.get(reverse("accounts:login")).content.decode()

    assert '<label for="id_username">E-mail address</label>' in body
    assert '<label for="id_password">Password</label>' in body
    assert 'name="csrfmiddlewaretoken"' in body
    assert f'href="{reverse("accounts:password_reset")}"' in body


def test_right_password_logs_in_and_opens_the_dashboard(english, recruiter):
    response = log_in(english, "anne@example.org", PASSWORD)

    assert response.status_code == 302
    assert response.url == reverse("dashboards:home")
    assert english.get(reverse("dashboards:home")).status_code == 200


def test_the_address_may_be_typed_in_any_case(english, recruiter):
    response = log_in(english, "Anne@Example.ORG", PASSWORD)

    assert response.status_code == 302
    assert response.url == reverse("dashboards:home")


@pytest.mark.parametrize(
    ("email", "password"), [("anne@example.org", "wrong password"), ("nobody@example.org", PASSWORD)]
)
def test_wrong_password_or_unknown_address_shows_one_clear_error(english, recruiter, email, password):
    response = log_in(english, email, password)

    body = response.content.decode()
    assert response.status_code == 200
    assert "The e-mail address and password do not match. Check both and try again." in body
    assert 'role="alert"' in body
    assert english.get(reverse("dashboards:home")).status_code == 302  # still logged out


def test_a_switched_off_account_cannot_log_in(english, recruiter):
    recruiter.is_active = False
    recruiter.save()

    response = log_in(english, "anne@example.org", PASSWORD)

    assert response.status_code == 200
    assert english.get(reverse("dashboards:home")).status_code == 302


def test_login_remembers_the_users_language(client, recruiter):
    recruiter.language = "en"
    recruiter.save()

    response = log_in(client, "anne@example.org", PASSWORD)

    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"


def test_logout_is_post_only(english, recruiter):
    english.force_login(recruiter)

    assert english.get(reverse("accounts:logout")).status_code == 405
    assert english.get(reverse("dashboards:home")).status_code == 200  # a GET (a link, a prefetch) changes nothing

    response = english.post(reverse("accounts:logout"))

    assert response.status_code == 302
    assert response.url == reverse("accounts:login")
    home = english.get(reverse("dashboards:home"))
    assert home.status_code == 302 and home.url.startswith(reverse("accounts:login"))


def test_every_page_offers_logout_as_a_form(english, recruiter):
    english.force_login(recruiter)

    body = english.get(reverse("dashboards:home")).content.decode()

    assert f'action="{reverse("accounts:logout")}" method="post"' in body
