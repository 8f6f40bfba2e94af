"""The privacy officer's retention page: what is due, what was erased; accessible, also on a phone."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from nagesprek.applications.constants import ApplicationStatus
from nagesprek.applications.tests.factories import ApplicationFactory
from nagesprek.letters.tests.factories import RejectionFactory
from nagesprek.organisations.constants import Role
from nagesprek.organisations.tests.factories import OrganisationFactory, member
from nagesprek.retention import services
from nagesprek.vacancies.tests.factories import VacancyFactory
from tests.browser.helpers import assert_no_axe_violations, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _rejected(organisation, days_ago: int):
    when = timezone.now() - timedelta(days=days_ago)
    application = ApplicationFactory(
        vacancy=VacancyFactory(organisation=organisation), status=ApplicationStatus.REJECTED, closed_at=when
    )
    RejectionFactory(application=application, decided_at=when, sent_at=when)
    return application


def test_the_privacy_officer_sees_due_and_erased_files(page):
    organisation = OrganisationFactory()
    officer = member(organisation, Role.PRIVACY_OFFICER)
    due_soon = _rejected(organisation, days_ago=20)
    gone = _rejected(organisation, days_ago=40)
    services.erase_due_candidates()

    log_in(page, officer.email)
    page.locator(".site-nav a[href='/retention/']").click()

    expect(page.locator("h1")).to_have_text("Bewaartermijnen")
    expect(page.locator("#upcoming-caption")).to_contain_text("1 dossier")
    expect(page.locator("main table").first.locator("tbody tr")).to_contain_text(str(due_soon.candidate_id))
    expect(page.locator("main table").nth(1).locator("tbody tr")).to_contain_text(str(gone.candidate_id))
    assert_no_axe_violations(page)

    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_the_privacy_officer_handles_an_erasure_request_by_keyboard(page):
    organisation = OrganisationFactory()
    officer = member(organisation, Role.PRIVACY_OFFICER)
    application = _rejected(organisation, days_ago=3)
    candidate = application.candidate

    log_in(page, officer.email)
    page.locator(".site-nav a[href='/privacy-requests/']").click()
    expect(page.locator("h1")).to_have_text("Verzoeken van kandidaten")
    page.get_by_label("E-mailadres van de persoon die het verzoek doet").fill(candidate.email.upper())
    page.keyboard.press("Enter")
    page.get_by_role("link", name=candidate.full_name).click()
    expect(page.locator("h1")).to_have_text(candidate.full_name)
    assert_no_axe_violations(page)

    page.get_by_role("button", name="Dit dossier wissen").click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert_no_axe_violations(page)

    page.get_by_label("Ik heb gecontroleerd dat het verzoek van deze persoon komt.").check()
    page.get_by_label("Wis dit dossier nu. Dit kan niet ongedaan worden gemaakt.").check()
    page.get_by_role("button", name="Dit dossier wissen").click()

    expect(page.locator("h1")).to_have_text("Bewaartermijnen")
    expect(page.locator(".messages")).to_contain_text(f"Het dossier van kandidaat {candidate.pk} is gewist.")
    expect(page.locator("main table").last).to_contain_text("Gewist op verzoek van de kandidaat")
    assert_no_axe_violations(page)
