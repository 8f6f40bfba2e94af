"""The rejection workflow in a real browser: reject from the application page, the gate refuses, fix, send.

Also: the four-eyes review queue and the gate rules page, each under axe, and at 320 pixels.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from nagesprek.organisations.constants import Role
from nagesprek.organisations.tests.factories import member
from nagesprek.rejections import services
from nagesprek.rejections.constants import Outcome, RejectionStatus
from nagesprek.rejections.models import Rejection
from nagesprek.rejections.tests.factories import make_setting
from tests.browser.helpers import CSP_RECORDER, assert_no_axe_violations, csp_violations, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

GOOD = "Bij de planningscasus kon u nog geen eigen planning laten zien of uitleggen hoe u prioriteiten stelt."


def test_recruiter_rejects_gate_refuses_then_sends(page: Page):
    setting = make_setting()
    page.add_init_script(CSP_RECORDER)
    log_in(page, setting.recruiter.email)
    page.goto(f"/applications/{setting.application.pk}/")
    page.locator("#rejection-heading ~ .actions a.button").click()
    page.locator("input[name=outcome][value=rejected]").check()
    page.locator("main form button[type=submit]").click()

    expect(page.locator("fieldset.reason")).to_have_count(4)  # three drafted reasons and one empty
    expect(page.locator(".evidence").first).to_be_visible()
    assert_no_axe_violations(page)

    page.locator("#id_reasons-2-explanation").fill("We hebben voor een andere kandidaat gekozen.")
    page.locator("#id_reasons-1-explanation").fill("U bent met uw leeftijd eerlijk gezegd te oud voor ons jonge team.")
    page.locator("button[name=action][value=submit]").click()

    summary = page.locator("#gate-problems")
    expect(summary).to_be_visible()
    expect(summary.locator("li")).to_have_count(2)
    expect(summary).to_contain_text("Leeftijd is een beschermde grond")
    assert_no_axe_violations(page)
    assert Rejection.objects.get().status == RejectionStatus.DRAFT

    page.locator("#id_reasons-1-explanation").fill(
        "De functie vraagt Nederlands op C1-niveau, schriftelijk. Uw schrijfopdracht liet niveau B1 zien."
    )
    page.locator("#id_reasons-2-explanation").fill(GOOD)
    page.locator("button[name=action][value=submit]").click()

    expect(page.locator("#rejection-heading")).to_be_visible()
    assert Rejection.objects.get().status in (RejectionStatus.SCHEDULED, RejectionStatus.SENT)
    assert csp_violations(page) == []


def test_review_queue_and_approval(page: Page):
    setting = make_setting(four_eyes=True)
    rejection = services.start_rejection(
        actor=setting.actor(), application=setting.application, outcome=Outcome.REJECTED
    )
    services.submit_rejection(actor=setting.actor(), rejection=rejection)
    hr_lead = member(setting.organisation, Role.HR_LEAD)
    log_in(page, hr_lead.email)
    page.goto("/rejections/review/")
    expect(page.locator(".review-item")).to_have_count(1)
    assert_no_axe_violations(page)
    page.locator(f"#id_review-{rejection.pk}-note").fill("Helder en zakelijk.")
    page.locator(".review-item button.button:not(.button--secondary)").click()
    expect(page.locator(".message--success")).to_be_visible()
    assert Rejection.objects.get().status in (RejectionStatus.SCHEDULED, RejectionStatus.SENT)


def test_gate_rules_page_is_accessible(page: Page):
    setting = make_setting()
    admin = member(setting.organisation, Role.ORG_ADMIN)
    log_in(page, admin.email)
    page.goto("/rejections/rules/?sample=U+bent+zwanger+en+dat+past+nu+niet.")
    expect(page.locator("main")).to_contain_text("zwanger")
    assert_no_axe_violations(page)
    page.locator("table a").first.click()
    assert_no_axe_violations(page)


def test_rejection_form_fits_320_pixels(new_page):
    setting = make_setting()
    rejection = services.start_rejection(
        actor=setting.actor(), application=setting.application, outcome=Outcome.REJECTED
    )
    page = new_page(viewport={"width": 320, "height": 640})
    log_in(page, setting.recruiter.email)
    page.goto(f"/rejections/{rejection.pk}/edit/")
    scroll_width = page.evaluate("() => document.scrollingElement.scrollWidth")
    assert scroll_width <= 320, f"the rejection form is {scroll_width}px wide at a 320px viewport"
