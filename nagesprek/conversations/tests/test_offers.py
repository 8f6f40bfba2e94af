"""Who is offered a conversation, until when, and how it shows in the letter."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from nagesprek.applications.tests.factories import ApplicationFactory
from nagesprek.conversations import services
from nagesprek.conversations.constants import OfferScope
from nagesprek.conversations.models import ConversationOffer, ConversationPolicy
from nagesprek.conversations.tests.factories import make_advisor
from nagesprek.letters.rendering import render_letter
from nagesprek.letters.tests.factories import RejectionFactory, stage_of_kind
from nagesprek.portal.services import issue_link
from nagesprek.rejections.constants import Outcome, RejectionStatus
from nagesprek.vacancies.constants import StageKind

pytestmark = pytest.mark.django_db

# Friday 23 April 2027: King's Day (Tuesday 27 April) and Ascension Day (Thursday 6 May) fall in the next two weeks.
FRIDAY = datetime.datetime(2027, 4, 23, 16, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))


def _rejection(stage_kind=StageKind.INTERVIEW, outcome=Outcome.REJECTED, advisor=True, **fields):
    application = ApplicationFactory(**fields)
    rejection = RejectionFactory(
        application=application, stage=stage_of_kind(application.vacancy, stage_kind), outcome=outcome
    )
    if advisor:
        make_advisor(application.organisation)
    return rejection


def test_by_default_everyone_rejected_after_an_interview_gets_ten_working_days():
    offer = services.offer_conversation(rejection=_rejection(), now=FRIDAY)

    assert offer is not None
    assert offer.deadline == datetime.date(2027, 5, 11)  # ten working days, both holidays skipped
    assert offer.modes == ["video", "phone", "on_site"]


@pytest.mark.parametrize(
    ("scope", "stage_kind", "offered"),
    [
        (OfferScope.AFTER_INTERVIEW, StageKind.CV_SCREENING, False),
        (OfferScope.AFTER_INTERVIEW, StageKind.ASSESSMENT, True),
        (OfferScope.EVERYONE, StageKind.CV_SCREENING, True),
        (OfferScope.NOBODY, StageKind.INTERVIEW, False),
    ],
)
def test_the_organisations_policy_decides(scope, stage_kind, offered):
    rejection = _rejection(stage_kind)
    ConversationPolicy.objects.create(organisation=rejection.organisation, offer_to=scope, modes=["phone"])
    offer = services.offer_conversation(rejection=rejection, now=FRIDAY)
    assert (offer is not None) is offered
    if offer:
        assert offer.modes == ["phone"]


def test_a_vacancys_own_policy_overrides_the_organisations():
    rejection = _rejection(StageKind.CV_SCREENING)
    vacancy = rejection.application.vacancy
    ConversationPolicy.objects.create(organisation=rejection.organisation, offer_to=OfferScope.NOBODY, modes=["phone"])
    ConversationPolicy.objects.create(
        organisation=rejection.organisation, vacancy=vacancy, offer_to=OfferScope.EVERYONE, deadline_working_days=3,
        modes=["video"],
    )  # fmt: skip
    offer = services.offer_conversation(rejection=rejection, now=FRIDAY)
    assert offer is not None and offer.deadline == datetime.date(2027, 4, 29)


@pytest.mark.parametrize("outcome", [Outcome.WITHDRAWN, Outcome.CANCELLED])
def test_no_offer_when_the_candidate_withdrew_or_the_vacancy_was_cancelled(outcome):
    assert services.offer_conversation(rejection=_rejection(outcome=outcome), now=FRIDAY) is None


def test_no_offer_without_an_advisor_to_hold_it():
    assert services.offer_conversation(rejection=_rejection(advisor=False), now=FRIDAY) is None


def test_offering_twice_keeps_the_first_offer():
    rejection = _rejection()
    first = services.offer_conversation(rejection=rejection, now=FRIDAY)
    again = services.offer_conversation(rejection=rejection, now=FRIDAY + datetime.timedelta(days=30))
    assert again == first and ConversationOffer.objects.count() == 1


def test_the_letter_carries_the_offer_with_a_link_to_book():
    rejection = _rejection()
    offer = services.offer_conversation(rejection=rejection, now=FRIDAY)
    url = issue_link(candidate=rejection.application.candidate)

    letter = render_letter(rejection=rejection, candidate_url=url, language="nl")
    assert "/conversations/c/" in letter.text and f"/offer/{offer.pk}/" in letter.text
    assert "11 mei 2027" in letter.text  # the last day to talk
    pdf_letter = render_letter(rejection=rejection, candidate_url="", language="nl")
    assert "/offer/" not in pdf_letter.text  # no personal link in the PDF: the candidate books from their page


def test_a_preview_shows_what_the_policy_would_offer_and_a_sent_letter_without_offer_shows_none():
    draft = _rejection()
    draft.status = RejectionStatus.DRAFT
    draft.save()
    assert "Would you like to talk about it?" in render_letter(rejection=draft, candidate_url="", language="en").text
    sent = _rejection()  # sent before conversations existed: no offer was recorded
    assert "Would you like to talk about it?" not in render_letter(rejection=sent, candidate_url="", language="en").text
