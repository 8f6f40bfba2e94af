"""Password reset by e-mail, end to end: the request, the outbox, the worker, the link, the new password."""

import email
import email.policy
import re
from pathlib import Path
from typing import Any, cast
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django_tasks_db.models import DBTaskResult

from nagesprek.emails.constants import OutboxStatus
from nagesprek.emails.models import OutboxMessage
from nagesprek.organisations.constants import Role
from nagesprek.organisations.tests.factories import OrganisationFactory, member

OLD_PASSWORD = "correct horse battery staple"  # the factories' password
NEW_PASSWORD = "zeven groene kikkers springen"


@pytest.fixture
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def request_reset(client, address):
    return client.post(reverse("accounts:password_reset"), {"email": address}, follow=True)


def delivered_mail() -> list[email.message.EmailMessage]:
    directory = Path(cast(dict[str, Any], settings.MAILERS["default"])["OPTIONS"]["directory"])
    return [email.message_from_bytes(p.read_bytes(), policy=email.policy.default) for p in directory.glob("*.eml")]


def reset_path(message: email.message.EmailMessage) -> str:
    body = message.get_body(preferencelist=("plain",))
    assert body is not None, "the message has a plain-text part"
    text = body.get_content()
    (url,) = re.findall(r"https?://\S+", text)
    assert url.startswith(settings.SITE_URL + "/")  # the configured site, never the request's Host header
    return urlsplit(url).path


@pytest.mark.parametrize("language", ["nl", "en"])
def test_known_address_gets_one_mail_in_their_language_whose_link_sets_a_new_password(english, run_tasks, language):
    user = member(OrganisationFactory(), Role.RECRUITER, email="anne@example.org", language=language)

    response = request_reset(english, "Anne@example.org")

    assert response.redirect_chain == [(reverse("accounts:password_reset_done"), 302)]
    assert "Check your e-mail" in response.content.decode()
    message = OutboxMessage.objects.get()
    assert (message.recipient, message.language, message.template) == ("anne@example.org", language, "password_reset")
    assert f'<html lang="{language}">' in message.body_html
    assert run_tasks() == 1
    (mail,) = delivered_mail()
    assert mail["To"] == "anne@example.org"
    assert mail["Message-ID"] == OutboxMessage.objects.get().message_id
    assert OutboxMessage.objects.get().status == OutboxStatus.SENT

    form = english.get(reset_path(mail), follow=True)
    assert form.status_code == 200 and 'name="new_password1"' in form.content.decode()
    done = english.post(
        form.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}, follow=True
    )
    assert done.redirect_chain == [(reverse("accounts:password_reset_complete"), 302)]

    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD) and not user.check_password(OLD_PASSWORD)
    login = english.post(reverse("accounts:login"), {"username": "anne@example.org", "password": NEW_PASSWORD})
    assert login.status_code == 302 and login.url == reverse("dashboards:home")
    # The link works once.
    english.post(reverse("accounts:logout"))
    again = english.get(reset_path(mail), follow=True).content.decode()
    with translation.override(language):  # the page speaks the user's language once they have logged in
        assert translation.gettext("This link has expired or has already been used. Ask for a new one.") in again
    assert 'name="new_password1"' not in again


def test_unknown_address_shows_the_same_page_and_sends_nothing(english, run_tasks):
    member(OrganisationFactory(), Role.RECRUITER, email="anne@example.org")

    unknown = request_reset(english, "nobody@example.org")
    known = request_reset(english, "anne@example.org")

    assert unknown.redirect_chain == known.redirect_chain == [(reverse("accounts:password_reset_done"), 302)]
    assert [t.name for t in unknown.templates] == [t.name for t in known.templates]
    assert OutboxMessage.objects.filter(recipient="nobody@example.org").count() == 0
    assert OutboxMessage.objects.count() == 1
    assert DBTaskResult.objects.count() == 1


def test_switched_off_account_gets_no_mail(english, run_tasks):
    member(OrganisationFactory(), Role.RECRUITER, email="anne@example.org", is_active=False)

    response = request_reset(english, "anne@example.org")

    assert response.redirect_chain == [(reverse("accounts:password_reset_done"), 302)]
    assert not OutboxMessage.objects.exists()
    assert run_tasks() == 0
    assert delivered_mail() == []


@pytest.mark.django_db
def test_an_invalid_address_is_explained_and_sends_nothing(english):
    response = english.post(reverse("accounts:password_reset"), {"email": "not an address"})

    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert not OutboxMessage.objects.exists()


@pytest.mark.django_db
def test_a_forged_link_is_refused(english):
    user = member(OrganisationFactory(), Role.RECRUITER)
    path = reverse("accounts:password_reset_confirm", kwargs={"uidb64": "MQ", "token": "abc-123"})

    body = english.get(path, follow=True).content.decode()

    assert "This link has expired or has already been used." in body
    user.refresh_from_db()
    assert user.check_password(OLD_PASSWORD)


def test_the_key_does_not_hold_the_reset_token(english, run_tasks):
    member(OrganisationFactory(), Role.RECRUITER, email="anne@example.org")
    request_reset(english, "anne@example.org")
    run_tasks()

    token = reset_path(delivered_mail()[0]).rstrip("/").rsplit("/", 1)[-1]
    message = OutboxMessage.objects.get()
    assert token not in message.key
    assert token not in message.message_id
