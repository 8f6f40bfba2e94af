"""Routes and advice in a real browser: the catalogue and its CSV import, and a recruiter reviewing advice.

Every page under axe, without CSP violations; the advice page also at 320 pixels wide.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from nagesprek.advice.constants import AdviceStatus
from nagesprek.advice.models import AdviceItem
from nagesprek.advice.tests.factories import setting_routes
from nagesprek.rejections import services
from nagesprek.rejections.constants import Outcome
from nagesprek.rejections.tests.factories import make_setting
from nagesprek.routes.models import Route
from tests.browser.helpers import CSP_RECORDER, assert_no_axe_violations, csp_violations, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CSV = (
    "\ufeffkind;title;provider;closes;duration_weeks;cost_eur\n"
    "course;Medische terminologie;Leerhuis (fictief);certificate: Certificaat Medische terminologie;10;425\n"
    "language_exam;Staatsexamen NT2 II;Taalcentrum (fictief);language: Nederlands B2;30;1.250,00\n"
)


def test_recruiter_reviews_edits_removes_and_adds_advice(page: Page):
    setting = make_setting()
    setting_routes(setting.organisation)
    setting.candidate.cv_text = ""  # no CV advice: three gaps, three items
    setting.candidate.save()
    rejection = services.start_rejection(
        actor=setting.actor(), application=setting.application, outcome=Outcome.REJECTED
    )
    page.add_init_script(CSP_RECORDER)
    log_in(page, setting.recruiter.email)
    page.goto(f"/rejections/{rejection.pk}/edit/")
    page.locator(".advice-link a").click()

    expect(page.locator("section.advice-item")).to_have_count(3)
    expect(page.locator("section.advice-item").first).to_contain_text("BIG-herregistratie")
    assert_no_axe_violations(page)

    first = AdviceItem.objects.filter(rejection=rejection).order_by("position").first()
    text = page.locator(f"#id_item-{first.pk}-text")
    text.fill("Gezien je leeftijd raden we je een herregistratie aan.")
    page.locator(f"#item-{first.pk} button[type=submit]").first.click()
    expect(page.locator(f"#item-{first.pk} .field-error")).to_contain_text("leeftijd")
    assert_no_axe_violations(page)

    page.locator(f"#id_item-{first.pk}-text").fill("Vraag je herregistratie aan bij het BIG-register.")
    page.locator(f"#item-{first.pk} button[type=submit]").first.click()
    expect(page.locator(f"#item-{first.pk}")).to_contain_text("Goedgekeurd")
    first.refresh_from_db()
    assert first.status == AdviceStatus.APPROVED

    page.locator("section.advice-item").last.get_by_role("button", name="Uit de brief halen").click()
    expect(page.locator("section.advice-item")).to_have_count(2)

    page.locator("#id_new-kind").select_option("experience")
    page.locator("#id_new-text").fill("Werk een jaar op een verpleegafdeling. Dan maak je meer kans.")
    page.get_by_role("button", name="Advies toevoegen").click()
    expect(page.locator("section.advice-item")).to_have_count(3)

    page.set_viewport_size({"width": 320, "height": 800})
    assert_no_axe_violations(page)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    assert csp_violations(page) == []


def test_catalogue_import_with_preview(page: Page, tmp_path):
    setting = make_setting()
    page.add_init_script(CSP_RECORDER)
    log_in(page, setting.recruiter.email)
    page.goto("/routes/")
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Inlezen uit CSV").click()
    assert_no_axe_violations(page)

    bad = tmp_path / "fout.csv"
    bad.write_text(CSV + "cursus;Zonder soort;Aanbieder;;;\n", encoding="utf-8")
    page.locator("#id_file").set_input_files(str(bad))
    page.get_by_role("button", name="Bestand controleren").click()
    expect(page.locator("#import-errors")).to_contain_text("Regel 4")
    assert_no_axe_violations(page)
    assert not Route.objects.exists()

    good = tmp_path / "routes.csv"
    good.write_text(CSV, encoding="utf-8")
    page.locator("#id_file").set_input_files(str(good))
    page.get_by_role("button", name="Bestand controleren").click()
    expect(page.locator("table tbody tr")).to_have_count(2)
    assert_no_axe_violations(page)
    assert not Route.objects.exists()  # the preview imports nothing
    page.get_by_role("button", name="2 routes inlezen").click()
    expect(page.locator("table tbody tr")).to_have_count(2)
    assert Route.objects.filter(organisation=setting.organisation).count() == 2

    page.get_by_role("link", name="Medische terminologie").click()
    assert_no_axe_violations(page)
    assert csp_violations(page) == []
