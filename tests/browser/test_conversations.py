"""Issue 5's nagesprek, end to end on the demo data, in Chromium.

Joyce van Leeuwen (rejected after her interview for "Anesthesiemedewerker") opens the link in her letter,
chooses a time with the keyboard only and confirms it. The confirmation e-mail carries an .ics that two
independent parsers (`icalendar`, `vobject`) read as METHOD:REQUEST. She moves the appointment (the same UID
with a higher SEQUENCE) and then cancels it (METHOD:CANCEL). After every step the advisor's agenda, in a
browser of its own, shows how it stands. axe finds nothing on any booking page or on the agenda.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import icalendar
import pytest
import vobject
from django.utils import timezone, translation
from playwright.sync_api import Page, expect

from nagesprek.conversations.constants import ConversationStatus
from nagesprek.conversations.models import Conversation
from nagesprek.demo.services import DEMO_PASSWORD, load_demo_data
from nagesprek.emails.models import OutboxMessage
from nagesprek.rejections.models import Rejection
from tests.browser.helpers import CSP_RECORDER, assert_no_axe_violations, csp_violations, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
JOYCE = "Joyce van Leeuwen"


def nl(msgid: str) -> str:
    with translation.override("nl"):
        return translation.gettext(msgid)


def status_label(status: ConversationStatus) -> str:
    with translation.override("nl"):
        return str(status.label)


def booking_link_in_the_letter() -> str:
    """The booking link as the letter e-mail carries it (the demo recorded the letter as sent)."""
    rejection = Rejection.objects.get(application__candidate__full_name=JOYCE)
    letter = OutboxMessage.objects.get(key=f"rejection:{rejection.pk}")
    match = re.search(r"https?://\S+/conversations/c/\S+/offer/\d+/", letter.body_text)
    assert match, "the letter offers a conversation with a link to book it"
    return urlsplit(match.group(0)).path


def invitation(candidate_id: int) -> tuple[str, str, int]:
    """METHOD, UID and SEQUENCE of the newest invitation sent to the candidate, read by both parsers."""
    message = (
        OutboxMessage.objects.filter(candidate_id=candidate_id, template="conversation_candidate")
        .exclude(key__contains="reminder")
        .latest("pk")
    )
    content = bytes(message.attachments.get().content)
    calendar = icalendar.Calendar.from_ical(content)
    event = calendar.walk("VEVENT")[0]
    independent = vobject.readOne(content.decode("utf-8"))
    assert independent.vevent.uid.value == str(event["UID"])
    assert int(independent.vevent.sequence.value) == int(str(event["SEQUENCE"]))
    assert independent.vevent.dtstart.value == event.decoded("DTSTART")
    return str(calendar["METHOD"]), str(event["UID"]), int(str(event["SEQUENCE"]))


def choose_first_time_by_keyboard(page: Page, *, last: bool = False) -> None:
    radios = page.locator("input[name=slot]")
    radio = radios.last if last else radios.first
    radio.focus()
    page.keyboard.press("Space")
    expect(radio).to_be_checked()
    page.get_by_role("button", name=nl("Continue")).focus()
    page.keyboard.press("Enter")


def check_agenda(agenda: Page, conversation: Conversation, status: ConversationStatus) -> None:
    day = timezone.localdate(conversation.starts_at)
    agenda.goto(f"/conversations/?view=week&date={day:%Y-%m-%d}")
    row = agenda.locator("tr", has_text=JOYCE)
    expect(row).to_contain_text(status_label(status))
    expect(row).to_contain_text(timezone.localtime(conversation.starts_at).strftime("%H:%M"))
    assert_no_axe_violations(agenda)


def test_joyce_books_moves_and_cancels_and_the_agenda_follows(page: Page, new_page):
    load_demo_data()
    page.add_init_script(CSP_RECORDER)

    page.goto(booking_link_in_the_letter())
    expect(page.locator("h1")).to_have_text(nl("Make an appointment with a career advisor"))
    assert_no_axe_violations(page)
    choose_first_time_by_keyboard(page)

    expect(page.locator("h1")).to_have_text(nl("Check your appointment"))
    assert_no_axe_violations(page)
    page.get_by_role("button", name=nl("Confirm the appointment")).focus()
    page.keyboard.press("Enter")

    expect(page.locator("[role=status]")).to_be_visible()
    assert_no_axe_violations(page)
    conversation = Conversation.objects.get(candidate__full_name=JOYCE)
    assert conversation.status == ConversationStatus.BOOKED
    method, uid, sequence = invitation(conversation.candidate_id)
    assert (method, uid, sequence) == ("REQUEST", conversation.uid, 0)
    assert OutboxMessage.objects.filter(recipient=conversation.advisor.email, template="conversation_advisor").exists()

    agenda = new_page()
    log_in(agenda, conversation.advisor.email, DEMO_PASSWORD)
    agenda.get_by_role("link", name=nl("Agenda")).first.click()
    assert_no_axe_violations(agenda)
    check_agenda(agenda, conversation, ConversationStatus.BOOKED)

    page.get_by_role("link", name=nl("Move the appointment")).click()
    expect(page.locator("h1")).to_have_text(nl("Move your conversation"))
    assert_no_axe_violations(page)
    choose_first_time_by_keyboard(page, last=True)
    expect(page.locator("h1")).to_have_text(nl("Check your appointment"))
    page.get_by_role("button", name=nl("Confirm the new time")).click()
    expect(page.locator("[role=status]")).to_be_visible()

    moved = Conversation.objects.get(pk=conversation.pk)
    assert moved.starts_at != conversation.starts_at
    assert invitation(conversation.candidate_id) == ("REQUEST", conversation.uid, 1)
    check_agenda(agenda, moved, ConversationStatus.BOOKED)

    page.get_by_role("link", name=nl("Cancel the appointment")).click()
    assert_no_axe_violations(page)
    page.get_by_role("button", name=nl("Yes, cancel the appointment")).click()
    expect(page.locator("[role=status]")).to_be_visible()
    assert_no_axe_violations(page)
    assert csp_violations(page) == []

    cancelled = Conversation.objects.get(pk=conversation.pk)
    assert cancelled.status == ConversationStatus.CANCELLED_BY_CANDIDATE
    assert invitation(conversation.candidate_id) == ("CANCEL", conversation.uid, 2)
    check_agenda(agenda, cancelled, ConversationStatus.CANCELLED_BY_CANDIDATE)


def test_choosing_a_time_fits_a_phone_320_pixels_wide(new_page):
    load_demo_data()
    page = new_page(viewport={"width": 320, "height": 640})
    page.goto(booking_link_in_the_letter())
    page.get_by_role("button", name=nl("Continue")).click()  # nothing chosen: told so, with the times again

    expect(page.locator(".error-summary")).to_be_visible()
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320
    assert_no_axe_violations(page)


def test_the_setup_pages_are_accessible(page: Page):
    load_demo_data()
    log_in(page, "beheer@ziekenhuis-delftland.example", DEMO_PASSWORD)
    page.goto("/conversations/advisors/")
    assert_no_axe_violations(page)
    page.locator("main table a").first.click()
    expect(page.locator("h1")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("link", name=nl("Change working hours")).click()
    assert_no_axe_violations(page)
    page.goto("/conversations/policy/")
    assert_no_axe_violations(page)
