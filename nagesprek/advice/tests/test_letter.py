"""Advice in the letter (Dutch and English, still B1) and on the candidate page."""

import pytest
from django.utils import timezone

from nagesprek.advice import services
from nagesprek.advice.models import AdviceItem
from nagesprek.advice.tests.factories import setting_routes
from nagesprek.letters.readability import measure
from nagesprek.letters.rendering import render_letter
from nagesprek.portal.services import issue_link
from nagesprek.rejections import services as rejection_services
from nagesprek.rejections.constants import Outcome, RejectionStatus
from nagesprek.rejections.tests.factories import make_setting

pytestmark = pytest.mark.django_db


def rejection_for(language: str):
    setting = make_setting()
    setting_routes(setting.organisation)
    setting.candidate.language = language
    setting.candidate.cv_text = ""
    setting.candidate.save()
    rejection = rejection_services.start_rejection(
        actor=setting.actor(), application=setting.application, outcome=Outcome.REJECTED
    )
    return setting, rejection


def test_the_dutch_letter_gives_the_advice_and_reads_at_b1():
    _setting, rejection = rejection_for("nl")
    letter = render_letter(rejection=rejection, language="nl")
    assert "Ons advies" in letter.text
    assert "- BIG-herregistratie: Je “BIG-registratie” is verlopen. Dat kan met “BIG-herregistratie”" in letter.text
    assert "Het kost ongeveer 110 euro." in letter.text
    assert "Sollicitatietraining" in letter.html and "Nederlands C1 schrijven" in letter.html
    measured = measure(letter.text)
    assert measured.is_b1_or_plainer, (measured.score, measured.words_per_sentence, letter.text)


def test_the_english_letter_gives_the_advice_in_english():
    _setting, rejection = rejection_for("en")
    letter = render_letter(rejection=rejection, language="en")
    assert "Our advice" in letter.text
    assert "Your “BIG-registratie” has expired. You can do this with “BIG-herregistratie”" in letter.text
    assert "It costs about 110 euros." in letter.text


def test_removed_advice_and_a_recruiters_edit_show_in_the_letter_as_saved():
    setting, rejection = rejection_for("nl")
    _big, dutch, practice = AdviceItem.objects.filter(rejection=rejection).order_by("position")
    services.remove_advice_item(actor=setting.actor(), item=practice)
    services.save_advice_item(
        actor=setting.actor(), item=dutch, text="Volg een schrijfcursus op niveau C1.", route=None
    )
    text = render_letter(rejection=rejection, language="nl").text
    assert "Sollicitatietraining" not in text
    assert "- Nederlands: Volg een schrijfcursus op niveau C1." in text


def test_the_candidate_page_shows_the_advice(client):
    _setting, rejection = rejection_for("nl")
    rejection.status = RejectionStatus.SENT
    rejection.sent_at = timezone.now()
    rejection.save()
    page = client.get(issue_link(candidate=rejection.application.candidate)).content.decode()
    assert "Ons advies" in page
    assert "BIG-herregistratie" in page and "Leerhuis (fictief)" in page
