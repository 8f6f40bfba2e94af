"""Issue 2's promise, on the real demo data: every printed login lands on its role's dashboard in Dutch,
switchable to English."""

import pytest
from django.utils import translation
from playwright.sync_api import expect

from nagesprek.demo.services import DEMO_PASSWORD, demo_logins, load_demo_data
from nagesprek.organisations.constants import Role
from nagesprek.organisations.models import Membership
from tests.browser.helpers import assert_no_axe_violations, log_in, log_out

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def label(role: str, language: str) -> str:
    with translation.override(language):
        return str(Role(role).label)


def test_every_printed_demo_login_lands_on_its_dashboard_in_dutch_and_switches_to_english(page):
    load_demo_data()
    logins = demo_logins()
    assert len(logins) == 12

    for number, login in enumerate(logins):
        roles = list(Membership.objects.filter(user__email=login.email).values_list("role", flat=True))
        log_in(page, login.email, DEMO_PASSWORD)

        assert page.url.endswith("/")
        expect(page.locator("html")).to_have_attribute("lang", "nl")
        expect(page.locator(".brand__name")).to_have_text(login.organisation)
        for role in roles:
            expect(page.locator(f"#panel-{role}")).to_have_text(label(role, "nl"))
        if number == 0:
            assert_no_axe_violations(page)

        page.locator(".language-switch button[lang=en]").click()
        expect(page.locator("html")).to_have_attribute("lang", "en")
        for role in roles:
            expect(page.locator(f"#panel-{role}")).to_have_text(label(role, "en"))

        # Back to Dutch, so the next login starts from the default again.
        page.locator(".language-switch button[lang=nl]").click()
        expect(page.locator("html")).to_have_attribute("lang", "nl")
        log_out(page)
