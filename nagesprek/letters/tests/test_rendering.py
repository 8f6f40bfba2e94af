"""The letter renders in Dutch and English, in text and HTML, with the reasons and nothing left untranslated."""

import datetime

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext

from nagesprek.emails.rendering import render_email
from nagesprek.letters.context import letter_context
from nagesprek.letters.rendering import render_letter
from nagesprek.letters.tests.factories import rejection_with_reasons
from nagesprek.letters.translation_check import (
    CANDIDATE_LINK_TEMPLATES,
    LETTER_TEMPLATES,
    Msgid,
    dutch_wording,
    template_msgids,
    untranslated,
)
from nagesprek.portal.services import issue_link
from nagesprek.rejections.constants import Outcome
from nagesprek.vacancies.constants import StageKind

pytestmark = pytest.mark.django_db

LATER = {
    "advice": [{"title": "Deelcertificaat anesthesie", "text": "Zes maanden, naast je werk."}],
    "fitting_vacancies": [{"title": "OK-assistent", "url": "https://example.nl/vacatures/ok-assistent"}],
    "conversation_offer": {"url": "https://example.nl/gesprek/"},
}


def _english_rejection(**fields):
    rejection = rejection_with_reasons(reasons=2, language="en", **fields)
    for reason in rejection.reasons.all():
        reason.explanation = f"Reason {reason.position + 1}: the record shows a gap on this point."
        reason.save()
    return rejection


def test_english_letter_shows_vacancy_reasons_and_what_they_concern():
    rejection = _english_rejection(personal_note="It was good to meet you.")
    url = issue_link(candidate=rejection.application.candidate)

    letter = render_letter(rejection=rejection, candidate_url=url)

    vacancy = rejection.application.vacancy
    assert letter.subject == f"Your application: {vacancy.title}"
    for part in (letter.text, letter.html):
        assert "Thank you also for the interview with us." in part
        assert "Reason 1: the record shows a gap on this point." in part
        assert "Reason 2: the record shows a gap on this point." in part
        assert "This is about the requirement: BIG-registratie als verpleegkundige." in part
        assert "This is about: Klantgericht werken." in part
        assert "It was good to meet you." in part
        assert "We keep your data for 4 weeks after the end of the procedure." in part
    assert url in letter.text
    assert f'href="{url}"' in letter.html
    assert '<html lang="en">' in letter.html


def test_text_version_numbers_the_reasons_without_stray_blank_lines():
    letter = render_letter(rejection=_english_rejection(), candidate_url="")

    assert "\n1. Reason 1:" in letter.text
    assert "\n2. Reason 2:" in letter.text
    assert "\n\n\n" not in letter.text


def test_cv_screening_opening_differs_from_interview_opening():
    after_cv = render_letter(rejection=_cv_rejection(), candidate_url="")
    after_interview = render_letter(rejection=_english_rejection(), candidate_url="")

    assert "We are sorry, but we will not invite you for an interview." in after_cv.text
    assert "We have read your letter and your CV carefully." in after_cv.text
    assert "We are sorry, but you will not get this job." in after_interview.text


def _cv_rejection():
    return rejection_with_reasons(reasons=1, language="en", stage_kind=StageKind.CV_SCREENING)


def test_withdrawal_confirms_without_reasons():
    letter = render_letter(rejection=_english_rejection(outcome=Outcome.WITHDRAWN), candidate_url="")

    assert letter.subject.startswith("You withdrew your application:")
    assert "We have stopped your application." in letter.text
    assert "Why did we decide this?" not in letter.text
    assert "Reason 1" not in letter.text


def test_cancelled_vacancy_apologises_without_reasons():
    letter = render_letter(rejection=_english_rejection(outcome=Outcome.CANCELLED), candidate_url="")

    assert letter.subject.startswith("This vacancy has been cancelled:")
    assert "We apologise for this." in letter.text
    assert "This has nothing to do with you or your application." in letter.text
    assert "Why did we decide this?" not in letter.text


def test_absent_later_sections_render_nothing_and_present_ones_render():
    rejection = _english_rejection()

    without = render_letter(rejection=rejection, candidate_url="")
    with_later = render_letter(rejection=rejection, candidate_url="", extra_context=LATER)

    for heading in ("Our advice", "Jobs that may suit you", "Would you like to talk about it?"):
        assert heading not in without.text
        assert heading not in without.html
        assert heading in with_later.text
        assert heading in with_later.html
    assert "Deelcertificaat anesthesie" in with_later.html


def test_letter_without_personal_link_points_at_the_fresh_link_page():
    letter = render_letter(rejection=_english_rejection(), candidate_url="")

    assert "Do you want to read this letter again later?" in letter.text
    assert "/c/new-link/" in letter.text
    assert "The link works until" not in letter.text


def test_names_are_escaped_in_html_and_kept_as_written_in_text():
    rejection = _english_rejection(personal_note="Tot ziens <b>bij</b> O'Neil & Zn")

    letter = render_letter(rejection=rejection, candidate_url="")

    assert "Tot ziens &lt;b&gt;bij&lt;/b&gt; O&#x27;Neil &amp; Zn" in letter.html
    assert "Tot ziens <b>bij</b> O'Neil & Zn" in letter.text


def test_dutch_letter_has_no_english_left(dutch_catalogue):
    rejection = rejection_with_reasons(reasons=3, language="nl", personal_note="Fijn dat je kwam.")
    rejection.organisation.contact_email = "werken@example.nl"
    url = issue_link(candidate=rejection.application.candidate)

    letter = render_letter(rejection=rejection, candidate_url=url, extra_context=LATER)

    assert untranslated(f"{letter.subject}\n{letter.text}\n{letter.html}", template_msgids()) == []
    with translation.override("nl"):
        valid_until = date_format(timezone.localdate() + datetime.timedelta(days=90), "j F Y")
        link_sentence = gettext("The link works until %(date)s.") % {"date": valid_until}
        heading = gettext("Why did we decide this?")
    assert valid_until.split()[1] in (
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    )
    assert link_sentence in letter.text  # the long date in Dutch, e.g. "25 februari 2027"
    assert heading != "Why did we decide this?"
    assert heading in letter.html


def test_fresh_link_email_has_no_english_left_in_dutch(dutch_catalogue):
    context = {
        "candidate_name": "Sanne de Vries",
        "organisation_name": "Ziekenhuis Delftzicht",
        "candidate_url": "https://example.nl/c/token/",
        "link_valid_until": timezone.localdate(),
        "contact_email": "werken@example.nl",
    }

    email = render_email(template="candidate_link", context=context, language="nl")

    assert untranslated(f"{email.subject}\n{email.text}\n{email.html}", template_msgids(CANDIDATE_LINK_TEMPLATES)) == []
    assert "https://example.nl/c/token/" in email.text
    assert "Ziekenhuis Delftzicht" in email.subject


def test_the_untranslated_helper_flags_english_sentences_with_placeholders_filled_in():
    rejection = rejection_with_reasons(reasons=1, language="en")

    english = render_letter(rejection=rejection, candidate_url="")
    flagged = untranslated(english.html, template_msgids())

    assert "Dear %(name)s," in flagged
    assert "Why did we decide this?" in flagged
    assert "This is the reason:" in flagged
    assert untranslated("Beste Anna, dit is de reden:", [Msgid("Dear %(name)s,")]) == []


def test_translations_file_covers_every_msgid_of_the_letter_and_the_link_email():
    wording = dutch_wording()

    missing = [msgid for msgid in template_msgids(LETTER_TEMPLATES + CANDIDATE_LINK_TEMPLATES) if msgid not in wording]

    assert missing == []
    assert all(all(dutch) for dutch in wording.values())


def test_context_is_reusable_by_the_outbox_exactly_as_rendered_here():
    rejection = _english_rejection()
    url = issue_link(candidate=rejection.application.candidate)

    via_outbox_context = render_email(
        template="rejection_letter", context=letter_context(rejection=rejection, candidate_url=url), language="en"
    )

    assert via_outbox_context == render_letter(rejection=rejection, candidate_url=url)
