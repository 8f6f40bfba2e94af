"""Dutch is the default; the language switch works and is remembered on the account."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from nagesprek.accounts.constants import Language
from nagesprek.organisations.constants import Role
from nagesprek.organisations.tests.factories import OrganisationFactory, member
from tests.browser.helpers import assert_no_axe_violations, log_in, log_out

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_switching_to_english_is_remembered_after_logging_out_and_in(new_page, live_server):
    user = member(OrganisationFactory(), Role.RECRUITER)
    page = new_page()
    log_in(page, user.email)
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    switch = page.locator(".language-switch button")
    expect(switch).to_have_count(1)
    expect(switch).to_have_text("English")
    expect(switch).to_have_attribute("lang", "en")

    page.goto("/vacancies/")
    switch.click()

    expect(page).to_have_url(f"{live_server.url}/vacancies/")  # stays on the page it was switched on
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text("Vacancies")
    expect(switch).to_have_text("Nederlands")
    expect(switch).to_have_attribute("lang", "nl")
    user.refresh_from_db()
    assert user.language == Language.ENGLISH
    assert_no_axe_violations(page)

    log_out(page)
    # A new device: no cookies, and a browser that asks for Dutch. The account's preference wins.
    other_device = new_page()
    log_in(other_device, user.email)
    expect(other_device.locator("html")).to_have_attribute("lang", "en")
    expect(other_device.locator(".language-switch button")).to_have_text("Nederlands")


def test_switching_back_to_dutch(new_page):
    user = member(OrganisationFactory(), Role.HR_LEAD, language=Language.ENGLISH)
    page = new_page()
    log_in(page, user.email)
    expect(page.locator("html")).to_have_attribute("lang", "en")

    page.locator(".language-switch button").click()

    expect(page.locator("html")).to_have_attribute("lang", "nl")
    user.refresh_from_db()
    assert user.language == Language.DUTCH


def test_a_visitor_can_switch_the_login_page_to_english(page):
    page.goto("/accounts/login/")
    page.locator(".language-switch button").click()

    expect(page).to_have_url("/accounts/login/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text("Log in to Nagesprek")
