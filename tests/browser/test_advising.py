"""Issue 6's promise, end to end on the demo data, in Chromium.

Marja de Groot (a secretary, rejected for "Secretaresse") books a conversation with a career advisor.
The advisor opens its brief from the dashboard, records Marja's permission given in the conversation,
refers her to "Medisch secretaresse Oncologie", records the advice and sends the written summary. The
vacancy's recruiter accepts the referral; the new application moves to hired; the HR lead's dashboard
counts one more "hired after rejection", with the conversation and the referral on its path; Marja's
page shows the summary and the referral's status. axe finds nothing on any of these pages.
"""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.utils import timezone, translation
from playwright.sync_api import Page, expect

from nagesprek.advising.models import AdviceSummary
from nagesprek.applications.constants import ApplicationStatus
from nagesprek.conversations import services as conversation_services
from nagesprek.conversations import slots
from nagesprek.conversations.models import Conversation, ConversationOffer
from nagesprek.demo.services import DEMO_PASSWORD, load_demo_data
from nagesprek.portal.services import issue_link
from nagesprek.referrals.models import Referral
from nagesprek.vacancies.models import Vacancy
from tests.browser.helpers import CSP_RECORDER, assert_no_axe_violations, csp_violations, log_in, log_out

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HOSPITAL = "ziekenhuis-delftland"
ADVISOR = f"loopbaanadviseur@{HOSPITAL}.example"
HR_LEAD = f"hr@{HOSPITAL}.example"
ONCOLOGY = "Medisch secretaresse Oncologie"


def nl(msgid: str) -> str:
    with translation.override("nl"):
        return translation.gettext(msgid)


def marja_books_a_conversation() -> Conversation:
    """Marja books the first video slot with the login advisor, as she would on her page."""
    offer = ConversationOffer.objects.select_related("candidate").get(
        organisation__slug=HOSPITAL, candidate__full_name="Marja de Groot"
    )
    advisor_id = offer.organisation.memberships.get(user__email=ADVISOR).user_id
    option = slots.available_slots(offer=offer, mode="video", advisor_id=advisor_id)[0]
    return conversation_services.book_slot(offer=offer, starts_at=option.starts_at, mode="video", advisor_id=advisor_id)


def the_conversation_takes_place(conversation: Conversation) -> None:
    """Time passes: the conversation was this morning. (A live server cannot wait two days.)"""
    length = conversation.ends_at - conversation.starts_at
    starts_at = timezone.now() - timedelta(hours=2)
    Conversation.objects.filter(pk=conversation.pk).update(starts_at=starts_at, ends_at=starts_at + length)


def hires_figure(page: Page):
    return page.locator(".figure", has=page.get_by_role("link", name=nl("Hired after an earlier rejection")))


def checked(page: Page) -> None:
    assert_no_axe_violations(page)
    assert csp_violations(page) == []


def fits_320_px(page: Page) -> None:
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    page.set_viewport_size({"width": 1280, "height": 800})


def test_brief_advice_referral_hire_and_the_candidate_page(page: Page):
    load_demo_data()
    conversation = marja_books_a_conversation()
    page.add_init_script(CSP_RECORDER)

    # The HR lead's count before.
    log_in(page, HR_LEAD, DEMO_PASSWORD)
    hired_before = int(hires_figure(page).locator("dd").inner_text())
    log_out(page)

    # The advisor prepares: from the dashboard to the brief.
    log_in(page, ADVISOR, DEMO_PASSWORD)
    page.get_by_role("link", name=nl("Prepare the conversation with %(name)s") % {"name": "Marja de Groot"}).click()
    expect(page.locator("h1")).to_contain_text("Marja de Groot")
    expect(page.locator("#letter").locator("xpath=..")).to_contain_text("Secretaresse")
    expect(page.locator("#vacancies").locator("xpath=..")).to_contain_text(ONCOLOGY)
    checked(page)
    fits_320_px(page)

    # In the conversation Marja agrees to be referred; the advisor records it, then refers her.
    page.get_by_label(nl("The candidate agreed to this text in the conversation")).check()
    page.get_by_role("button", name=nl("Record the permission")).click()
    referrals = page.locator("#referrals").locator("xpath=..")
    referrals.get_by_label(ONCOLOGY, exact=False).check()
    referrals.get_by_label(nl("Note for the recruiter")).fill(
        "Marja heeft 25 jaar ervaring als secretaresse en wil graag in de zorg werken. Ze past bij jullie team."
    )
    referrals.get_by_role("button", name=nl("Send the referral")).click()
    expect(page.locator("#referrals").locator("xpath=..")).to_contain_text(ONCOLOGY)
    checked(page)
    referral = Referral.objects.get(candidate__full_name="Marja de Groot", vacancy__title=ONCOLOGY)
    assert referral.source_conversation_id == conversation.pk

    # After the conversation: the outcome, then the written summary.
    the_conversation_takes_place(conversation)
    page.reload()
    page.get_by_role("link", name=nl("Record the outcome")).click()
    page.get_by_label(nl("Advice you gave")).fill(
        "Volg de opleiding medisch secretaresse. Je ervaring als secretaresse telt mee bij Oncologie."
    )
    page.get_by_label(nl("The conversation took place")).check()
    checked(page)
    page.get_by_role("button", name=nl("Save the outcome")).click()
    page.get_by_role("link", name=nl("Write the summary for the candidate")).click()
    expect(page.get_by_label(nl("Summary for the candidate"))).to_contain_text(ONCOLOGY)  # the referral is in it
    page.get_by_role("button", name=nl("Save draft")).click()
    checked(page)
    fits_320_px(page)
    page.get_by_role("button", name=nl("Send to %(name)s") % {"name": "Marja de Groot"}).click()
    assert AdviceSummary.objects.get(conversation=conversation).is_sent
    log_out(page)

    # The vacancy's recruiter accepts the referral; the new application moves on to hired.
    recruiter = Vacancy.objects.get(organisation__slug=HOSPITAL, title=ONCOLOGY).recruiters.order_by("pk").first()
    log_in(page, recruiter.email, DEMO_PASSWORD)
    page.goto(f"/referrals/{referral.pk}/")
    checked(page)
    page.get_by_role("button", name=nl("Accept and start the application")).click()
    expect(page.locator("main")).to_contain_text(nl("Referral accepted: the application has started."))
    page.get_by_role("button", name=nl("Mark as hired")).click()
    expect(page.locator(".messages")).to_contain_text("Marja de Groot")
    referral.refresh_from_db()
    assert referral.application.status == ApplicationStatus.HIRED
    checked(page)
    log_out(page)

    # The HR lead counts one more hire after rejection, with its path.
    log_in(page, HR_LEAD, DEMO_PASSWORD)
    expect(hires_figure(page).locator("dd")).to_have_text(str(hired_before + 1))
    path = page.locator("section", has_text="Marja de Groot").last
    expect(path).to_contain_text(ONCOLOGY)
    expect(path).to_contain_text("Marieke van Dijk")  # the conversation and the referral, on the path
    checked(page)

    # Marja's own page: the summary of the advice and the referral's status.
    page.goto(urlsplit(issue_link(candidate=referral.candidate)).path)
    expect(page.locator("#advice-summaries").locator("xpath=..")).to_contain_text("opleiding medisch secretaresse")
    expect(page.locator(f"#referral-{referral.pk}").locator("xpath=..")).to_contain_text(
        nl("You got the job. Congratulations!")
    )
    checked(page)
