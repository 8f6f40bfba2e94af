"""The API's pages in Chromium: the keys page (axe-checked), and the docs page running under the site's strict CSP."""

from __future__ import annotations

import pytest
from django.utils import translation
from playwright.sync_api import expect

from nagesprek.organisations.constants import Role
from nagesprek.organisations.tests.factories import OrganisationFactory, member
from tests.browser.helpers import CSP_RECORDER, assert_no_axe_violations, csp_violations, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def nl(msgid: str) -> str:
    with translation.override("nl"):
        return translation.gettext(msgid)


def test_an_org_admin_makes_a_key_and_reads_the_docs(page, new_page):
    log_in(page, member(OrganisationFactory(), Role.ORG_ADMIN).email)
    page.get_by_role("navigation").get_by_role("link", name=nl("API keys")).click()
    page.get_by_label(nl("Name")).fill("ATS")
    page.get_by_role("button", name=nl("Make a key")).click()
    key = page.get_by_role("textbox", name=nl("API key"), exact=True).input_value()
    assert key.startswith("ngs_")
    assert_no_axe_violations(page)

    strict = new_page(bypass_csp=False)  # the CSP as the server sends it
    strict.add_init_script(CSP_RECORDER)
    strict.goto("/api/v1/docs")
    expect(strict.locator(".swagger-ui .info .title")).to_contain_text("Nagesprek API")
    expect(strict.locator(".opblock-summary-path").first).to_be_visible()
    assert csp_violations(strict) == []
