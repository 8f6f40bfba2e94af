"""Issue 5's consultation hour, end to end on the demo data, in Chromium.

A candidate of Ziekenhuis Delftland who was rejected at CV screening (never interviewed) opens the personal
link, books a 15-minute slot with the keyboard only, checks it and confirms it; the confirmation e-mail
carries an .ics that both `icalendar` and `vobject` read; the recruiter sees the booking with the question
in the date's slot grid. axe finds nothing on any of these pages, and the choice works 320 px wide.
"""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlsplit

import icalendar
import pytest
import vobject
from django.utils import translation
from playwright.sync_api import Page, expect

from nagesprek.applications.constants import ApplicationStatus
from nagesprek.candidates.models import Candidate
from nagesprek.consultations.models import ConsultationBooking
from nagesprek.demo.services import DEMO_PASSWORD, load_demo_data
from nagesprek.emails.models import OutboxMessage
from nagesprek.portal.services import issue_link
from nagesprek.rejections.constants import RejectionStatus
from nagesprek.rejections.models import Rejection
from nagesprek.vacancies.constants import StageKind
from tests.browser.helpers import CSP_RECORDER, assert_no_axe_violations, csp_violations, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
QUESTION = "Welke ervaring mist er nog in mijn cv?"


def nl(msgid: str) -> str:
    with translation.override("nl"):
        return translation.gettext(msgid)


def rejected_at_cv_screening() -> Candidate:
    """A hospital candidate whose letter says they were not invited for an interview, with no appointment yet."""
    booked = ConsultationBooking.objects.values("candidate_id")
    rejection = (
        Rejection.objects.filter(
            organisation__slug="ziekenhuis-delftland", status=RejectionStatus.SENT,
            stage__kind=StageKind.CV_SCREENING, application__status=ApplicationStatus.REJECTED,
        )
        .exclude(application__candidate_id__in=booked)
        .select_related("application__candidate")
        .order_by("pk")
        .first()
    )  # fmt: skip
    assert rejection is not None, "the demo has a candidate rejected at CV screening without an appointment"
    return rejection.application.candidate


def test_a_candidate_rejected_at_cv_screening_books_a_slot_and_the_recruiter_sees_it(page: Page):
    load_demo_data()
    candidate = rejected_at_cv_screening()
    page.add_init_script(CSP_RECORDER)

    page.goto(urlsplit(issue_link(candidate=candidate)).path)
    section = page.locator("#consultation-hour").locator("xpath=..")
    expect(section).to_be_visible()
    assert_no_axe_violations(page)
    section.get_by_role("link", name=nl("Book a conversation")).click()

    expect(page.locator("h1")).to_have_text(nl("Book a conversation with a recruiter"))
    assert_no_axe_violations(page)
    first_slot = page.locator("input[name=slot]").first
    first_slot.focus()
    page.keyboard.press("Space")  # keyboard only, from here to the confirmation
    expect(first_slot).to_be_checked()
    page.keyboard.press("Tab")
    expect(page.locator("#id_question")).to_be_focused()
    page.keyboard.type(QUESTION)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")

    expect(page.locator("h1")).to_have_text(nl("Check your appointment"))
    expect(page.locator("main")).to_contain_text(QUESTION)
    assert_no_axe_violations(page)
    page.get_by_role("button", name=nl("Confirm appointment")).focus()
    page.keyboard.press("Enter")

    expect(page.locator("h1")).to_have_text(nl("Your appointment"))
    expect(page.locator("[role=status]")).to_be_visible()
    assert_no_axe_violations(page)
    assert csp_violations(page) == []

    booking = ConsultationBooking.objects.get(candidate=candidate)
    assert booking.ends_at - booking.starts_at == timedelta(minutes=15)
    message = OutboxMessage.objects.get(template="consultation_booked", candidate_id=candidate.pk)
    [attachment] = message.attachments.all()
    content = bytes(attachment.content)
    calendar = icalendar.Calendar.from_ical(content)
    assert calendar["METHOD"] == "REQUEST"
    assert vobject.readOne(content.decode()).vevent.dtstart.value == booking.starts_at

    log_in(page, "recruiter@ziekenhuis-delftland.example", DEMO_PASSWORD)
    page.get_by_role("link", name=nl("Consultation hours")).first.click()
    assert_no_axe_violations(page)
    page.goto(f"/consultations/dates/{booking.session_id}/")
    row = page.locator("table.slot-grid tr", has_text=candidate.full_name)
    expect(row).to_contain_text(QUESTION)
    expect(row).to_contain_text(booking.application.vacancy.title)
    assert_no_axe_violations(page)


def test_the_slot_choice_fits_a_phone_320_pixels_wide(new_page):
    load_demo_data()
    page = new_page(viewport={"width": 320, "height": 640})
    candidate = rejected_at_cv_screening()
    token = urlsplit(issue_link(candidate=candidate)).path.split("/")[2]

    page.goto(f"/consultations/c/{token}/")
    page.get_by_role("button", name=nl("Next: check your choice")).click()  # nothing chosen: the error summary

    expect(page.locator(".error-summary")).to_be_visible()
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320
    assert_no_axe_violations(page)


def test_the_recruiters_pages_are_accessible(page: Page):
    load_demo_data()
    log_in(page, "hr@ziekenhuis-delftland.example", DEMO_PASSWORD)
    booking = ConsultationBooking.objects.filter(session__hour__organisation__slug="ziekenhuis-delftland").first()
    hour_id = booking.session.hour_id

    for path in (
        f"/consultations/{hour_id}/",
        f"/consultations/{hour_id}/edit/",
        "/consultations/new/",
        "/consultations/policy/",
        f"/consultations/dates/{booking.session_id}/cancel/",
    ):
        page.goto(path)
        expect(page.locator("h1")).to_be_visible()
        assert_no_axe_violations(page)
