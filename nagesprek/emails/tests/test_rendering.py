"""Every e-mail is rendered in the recipient's language: subject, text and HTML alike."""

import datetime
from pathlib import Path

import pytest
from django.utils import translation

from nagesprek.emails.rendering import render_email

PROBE_TEMPLATES = Path(__file__).parent / "templates"
WHEN = datetime.date(2027, 3, 3)


@pytest.fixture
def probe_template(settings):
    """A tiny e-mail whose three parts show a month name and yes/no from Django's own catalogues."""
    engine = {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], PROBE_TEMPLATES]}
    settings.TEMPLATES = [engine]
    return "language_probe"


@pytest.mark.parametrize(
    ("language", "subject", "text"),
    [("nl", "Ja maart", "3 maart 2027 ja"), ("en", "Yes March", "3 March 2027 yes")],
)
def test_all_three_parts_are_in_the_recipients_language(probe_template, language, subject, text):
    rendered = render_email(template=probe_template, context={"when": WHEN}, language=language)

    assert rendered.subject == subject
    assert rendered.text == text + "\n"
    assert f'<html lang="{language}">' in rendered.html
    assert f"<p>{text}</p>" in rendered.html


def test_the_callers_language_is_left_as_it_was(probe_template):
    with translation.override("en"):
        render_email(template=probe_template, context={"when": WHEN}, language="nl")
        assert translation.get_language() == "en"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_password_reset_mail_names_the_language_and_carries_the_link(language):
    url = "https://nagesprek.example/accounts/reset/MQ/abc-123/"
    rendered = render_email(template="password_reset", context={"name": "Anne", "reset_url": url}, language=language)

    assert f'<html lang="{language}">' in rendered.html
    assert f'href="{url}"' in rendered.html
    assert url in rendered.text
    assert "Anne" in rendered.text
    assert "\n" not in rendered.subject and rendered.subject


def test_plain_text_is_not_html_escaped_but_html_is():
    name = "O'Neil & Zn <b>"
    context = {"name": name, "reset_url": "https://x.example/?a=1&b=2"}
    rendered = render_email(template="password_reset", context=context, language="en")

    assert name in rendered.text
    assert "https://x.example/?a=1&b=2" in rendered.text
    assert "O&#x27;Neil &amp; Zn &lt;b&gt;" in rendered.html
    assert "<b>" not in rendered.html
