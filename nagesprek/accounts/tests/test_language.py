"""The interface language: Dutch by default, switchable, and remembered on the account."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.utils import translation

from nagesprek.accounts.constants import Language
from nagesprek.organisations.constants import Role
from nagesprek.organisations.tests.factories import OrganisationFactory, member

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


def _page_language(response) -> str:
    match = re.search(r'<html lang="([a-z-]+)"', response.content.decode())
    assert match, "the page has no <html lang>"
    return match.group(1)


def _log_in(client, user):
    return client.post("/accounts/login/", {"username": user.email, "password": PASSWORD}, follow=True)


def test_pages_are_dutch_by_default(client):
    response = client.get("/accounts/login/")

    assert _page_language(response) == "nl"
    assert 'value="en" lang="en">English</button>' in response.content.decode()


def test_a_visitor_switches_to_english_and_returns_to_the_same_page(client):
    response = client.post("/accounts/language/", {"language": "en", "next": "/accounts/login/"})

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert _page_language(client.get("/accounts/login/")) == "en"


def test_a_signed_in_user_switching_language_stores_it_on_the_account(client):
    user = member(OrganisationFactory(), Role.RECRUITER)
    _log_in(client, user)

    client.post("/accounts/language/", {"language": "en", "next": "/"})

    user.refresh_from_db()
    assert user.language == Language.ENGLISH
    assert _page_language(client.get("/")) == "en"


def test_the_account_language_is_used_at_login_on_a_new_device(client):
    user = member(OrganisationFactory(), Role.HR_LEAD, language=Language.ENGLISH)

    response = _log_in(client, user)

    assert response.redirect_chain[-1][0] == "/"
    assert _page_language(response) == "en"
    # Without the cookie (cleared by the browser) the language kept in the session still applies.
    del client.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert _page_language(client.get("/")) == "en"


def test_an_unknown_language_is_refused_and_changes_nothing(client):
    user = member(OrganisationFactory(), Role.RECRUITER)
    _log_in(client, user)

    response = client.post("/accounts/language/", {"language": "xx", "next": "/"}, follow=True)

    with translation.override("nl"):
        assert translation.gettext("That language is not available.") in response.content.decode()
    assert _page_language(response) == "nl"
    user.refresh_from_db()
    assert user.language == Language.DUTCH


def test_switching_language_never_redirects_to_another_site(client):
    response = client.post("/accounts/language/", {"language": "en", "next": "https://evil.example/"})

    assert response["Location"] == "/"


def test_the_language_switch_only_accepts_post(client):
    response = client.get("/accounts/language/?language=en")

    assert response.status_code == 405
