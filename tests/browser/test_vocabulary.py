"""The vocabulary pages in Chromium: an org admin adds a concept, tries a word, imports a CSV; axe-checked."""

from __future__ import annotations

import pytest
from django.utils import translation
from playwright.sync_api import expect

from nagesprek.matching.models import Concept
from nagesprek.organisations.constants import Role
from nagesprek.organisations.tests.factories import OrganisationFactory, member
from tests.browser.helpers import assert_no_axe_violations, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ESCO = """conceptUri,preferredLabel,altLabels,language,conceptType
http://data.europa.eu/esco/skill/9,wondzorg,wondverzorging,nl,skill
http://data.europa.eu/esco/skill/9,wound care,,en,skill
"""


def nl(msgid: str) -> str:
    with translation.override("nl"):
        return translation.gettext(msgid)


def test_an_org_admin_maintains_the_vocabulary_and_tries_a_word(page, tmp_path):
    organisation = OrganisationFactory()
    log_in(page, member(organisation, Role.ORG_ADMIN).email)

    page.get_by_role("navigation").get_by_role("link", name=nl("Vocabulary")).click()
    assert_no_axe_violations(page)
    page.get_by_role("link", name=nl("New concept")).click()
    page.get_by_label(nl("Kind")).select_option("occupation")
    page.get_by_label(nl("Name in Dutch")).fill("Chauffeur heftruck")
    page.get_by_label(nl("Name in English")).fill("Forklift driver")
    page.get_by_label(nl("Other Dutch names")).fill("heftruckbestuurder")
    page.get_by_role("button", name=nl("Save concept")).click()
    expect(page.locator(".message--success")).to_be_visible()

    page.get_by_label(nl("Word or name")).fill("Heftruckchauffeurs")
    page.get_by_role("button", name=nl("Show how it is read")).click()
    expect(page.locator(".tried-word")).to_contain_text("Chauffeur heftruck")
    expect(page.locator(".tried-word")).to_contain_text("heftruck + chauffeurs")
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Chauffeur heftruck", exact=True).click()
    assert_no_axe_violations(page)

    csv_file = tmp_path / "esco.csv"
    csv_file.write_text(ESCO)
    page.goto("/matching/vocabulary/import/")
    page.get_by_label(nl("CSV file")).set_input_files(str(csv_file))
    page.get_by_role("button", name=nl("Check the file")).click()
    expect(page.locator("table")).to_contain_text("wondverzorging")
    assert_no_axe_violations(page)
    page.locator("button[value=import]").click()
    expect(page.locator(".message--success")).to_be_visible()
    assert Concept.objects.filter(organisation=organisation).count() == 2
