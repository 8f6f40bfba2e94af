"""Issue 5's wave planner, end to end on the demo data, in Chromium.

The hospital's HR lead plans the offers of the demo's bulk rejection (six candidates for "Medisch
secretaresse Cardiologie"), sees the three methods side by side and confirms the plan. The proposals go
out by e-mail. One candidate accepts her proposed time from the e-mail's link, with the keyboard only on a
phone 320 pixels wide, and gets the calendar invitation; another wants another time and lands on the
normal page to choose one. The advisor's agenda shows both. axe finds nothing on any page. The story
candidates (Joyce van Leeuwen, Marja de Groot) are not in the wave and keep their open offers.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import icalendar
import pytest
from django.utils import timezone, translation
from playwright.sync_api import Page, expect

from nagesprek.conversations import services
from nagesprek.conversations.constants import ConversationStatus
from nagesprek.conversations.models import Conversation, ConversationOffer
from nagesprek.demo.services import DEMO_PASSWORD, load_demo_data
from nagesprek.emails.models import OutboxMessage
from tests.browser.helpers import CSP_RECORDER, assert_no_axe_violations, csp_violations, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
HR_LEAD = "hr@ziekenhuis-delftland.example"
ADVISOR = "loopbaanadviseur@ziekenhuis-delftland.example"  # Marieke van Dijk
STORIES = ("Joyce van Leeuwen", "Marja de Groot")


def nl(msgid: str) -> str:
    with translation.override("nl"):
        return translation.gettext(msgid)


def status_label(status: ConversationStatus) -> str:
    with translation.override("nl"):
        return str(status.label)


def link_in(message: OutboxMessage, action: str) -> str:
    """The path of the proposal e-mail's link for ``action`` (``accept`` or ``other-time``)."""
    match = re.search(rf"https?://\S+/conversations/c/\S+/\d+/{action}/", message.body_text)
    assert match, f"the proposal e-mail has a link to {action}"
    return urlsplit(match.group(0)).path


def tab_to(page: Page, name: str, *, limit: int = 60) -> None:
    """Press Tab until the control named ``name`` has the focus (as someone without a mouse does)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if (
            page.evaluate("() => (document.activeElement.innerText || document.activeElement.value || '').trim()")
            == name
        ):
            return
    pytest.fail(f"{name!r} cannot be reached with the Tab key")


def plan_and_confirm(page: Page) -> None:
    log_in(page, HR_LEAD, DEMO_PASSWORD)
    page.get_by_role("link", name=nl("Wave planner")).first.click()
    assert_no_axe_violations(page)
    page.get_by_role("link", name=nl("Plan a wave")).click()
    page.get_by_label(nl("The offers of one bulk rejection")).check()
    page.locator("#id_bulk").select_option(index=1)
    page.get_by_role("button", name=nl("Show the plan")).click()

    expect(page.locator("table.comparison")).to_be_visible()
    for method in ("Optimal plan (Nagesprek)", "First come, first served", "Round robin"):
        expect(page.locator("table.comparison thead")).to_contain_text(nl(method))
    expect(page.locator("table.proposals tbody tr")).to_have_count(6)
    assert_no_axe_violations(page)
    assert not Conversation.objects.filter(status=ConversationStatus.PROPOSED).exists()  # nothing before confirming
    with translation.override("nl"):
        confirm = translation.ngettext(
            "Confirm and propose %(counter)s time", "Confirm and propose %(counter)s times", 6
        )
    page.get_by_role("button", name=confirm % {"counter": 6}).click()

    expect(page.locator(".message--success")).to_be_visible()
    expect(page.locator("h1")).to_contain_text(nl("Wave of %(date)s").split("%")[0].strip())
    assert_no_axe_violations(page)


def proposal_email(conversation: Conversation) -> OutboxMessage:
    return OutboxMessage.objects.get(key=f"conversation:{conversation.pk}:proposal:proposed")


def test_hr_lead_plans_a_wave_one_candidate_accepts_another_picks_another_time(page: Page, new_page):
    load_demo_data()
    page.add_init_script(CSP_RECORDER)
    plan_and_confirm(page)
    assert csp_violations(page) == []

    assert services.send_proposal_emails() == 6  # what the task (or the sweep) does after the commit
    proposed = list(
        Conversation.objects.filter(status=ConversationStatus.PROPOSED, advisor__email=ADVISOR)
        .select_related("candidate")
        .order_by("starts_at")
    )
    accepting, declining = proposed[0], proposed[1]
    assert not OutboxMessage.objects.filter(recipient=ADVISOR, template="conversation_advisor").exists()

    phone = new_page(viewport={"width": 320, "height": 640})
    phone.goto(link_in(proposal_email(accepting), "accept"))
    expect(phone.locator("h1")).to_have_text(nl("Accept the proposed time"))
    assert_no_axe_violations(phone)
    tab_to(phone, nl("Accept this time"))
    phone.keyboard.press("Enter")
    expect(phone.locator("[role=status]")).to_be_visible()
    assert phone.evaluate("() => document.documentElement.scrollWidth") <= 320
    assert_no_axe_violations(phone)
    accepting.refresh_from_db()
    assert accepting.status == ConversationStatus.BOOKED
    for address in (accepting.candidate.email, ADVISOR):
        message = OutboxMessage.objects.filter(recipient=address, attachments__isnull=False).latest("pk")
        calendar = icalendar.Calendar.from_ical(bytes(message.attachments.get().content))
        assert (str(calendar["METHOD"]), str(calendar.walk("VEVENT")[0]["UID"])) == ("REQUEST", accepting.uid)

    other = new_page()
    other.goto(link_in(proposal_email(declining), "other-time"))
    assert_no_axe_violations(other)
    other.get_by_role("button", name=nl("Free this time and choose another")).click()
    expect(other.locator("h1")).to_have_text(nl("Make an appointment with a career advisor"))
    expect(other.locator("input[name=slot]").first).to_be_visible()
    assert_no_axe_violations(other)
    declining.refresh_from_db()
    assert declining.status == ConversationStatus.DECLINED

    agenda = new_page()
    log_in(agenda, ADVISOR, DEMO_PASSWORD)
    agenda.goto(f"/conversations/?view=week&date={timezone.localdate(accepting.starts_at):%Y-%m-%d}")
    expect(agenda.locator("tr", has_text=accepting.candidate.full_name)).to_contain_text(
        status_label(ConversationStatus.BOOKED)
    )
    agenda.goto(f"/conversations/?view=week&date={timezone.localdate(declining.starts_at):%Y-%m-%d}")
    expect(agenda.locator("tr", has_text=declining.candidate.full_name)).to_contain_text(
        status_label(ConversationStatus.DECLINED)
    )
    assert_no_axe_violations(agenda)

    for name in STORIES:  # the story candidates stay as the other browser tests expect them
        offer = ConversationOffer.objects.get(candidate__full_name=name)
        assert not offer.conversations.exists() and offer.deadline >= timezone.localdate()
