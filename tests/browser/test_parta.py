"""Vacancy set-up, candidate profiles and scorecards in a real browser: axe, the CSP, and 320 pixels."""

from __future__ import annotations

import datetime

import pytest
from playwright.sync_api import Page, expect

from nagesprek.evaluations import services as evaluation_services
from nagesprek.evaluations.tests.scenarios import Procedure
from nagesprek.vacancies import services as vacancy_services
from nagesprek.vacancies.models import Requirement
from nagesprek.vacancies.services import RequirementData
from tests.browser.helpers import CSP_RECORDER, assert_no_axe_violations, csp_violations, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def fits_320(page: Page) -> bool:
    return page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")


def versioned_procedure() -> Procedure:
    """A procedure whose requirements were frozen and changed once, so the history shows."""
    procedure = Procedure()
    vacancy = procedure.vacancy
    vacancy.requirements_frozen_at = datetime.datetime(2026, 3, 1, tzinfo=datetime.UTC)
    vacancy.save()
    requirement = Requirement.current.get(vacancy=vacancy)
    vacancy_services.change_requirements(
        actor=procedure.actor(procedure.recruiter),
        vacancy=vacancy,
        requirements=[
            RequirementData(kind="competency", label="Klantgericht", description="Luistert en vraagt door.",
                            replaces=requirement),
            RequirementData(kind="language", label="Nederlands", level="B2"),
        ],
        reason="Taalniveau toegevoegd na het eerste gesprek.",
    )  # fmt: skip
    return procedure


def test_recruiter_set_up_pages_pass_axe_and_the_csp(page: Page):
    procedure = versioned_procedure()
    vacancy, application = procedure.vacancy, procedure.application
    page.add_init_script(CSP_RECORDER)
    log_in(page, procedure.recruiter.email)
    pages = [
        f"/vacancies/{vacancy.pk}/",
        "/vacancies/new/",
        f"/vacancies/{vacancy.pk}/edit/",
        f"/vacancies/{vacancy.pk}/requirements/",
        f"/vacancies/{vacancy.pk}/pipeline/",
        f"/vacancies/stages/{procedure.interview.pk}/criteria/new/",
        f"/candidates/apply/{vacancy.pk}/",
        f"/candidates/{application.candidate_id}/profile/",
        f"/applications/{application.pk}/",
        f"/evaluations/applications/{application.pk}/stages/{procedure.interview.pk}/",
    ]
    for url in pages:
        page.goto(url)
        expect(page.locator("h1")).to_be_visible()
        assert_no_axe_violations(page)
    page.goto(f"/vacancies/{vacancy.pk}/")
    expect(page.locator("main")).to_contain_text("Taalniveau toegevoegd na het eerste gesprek.")
    assert csp_violations(page) == []


def test_pages_fit_a_320_pixel_screen(new_page):
    procedure = versioned_procedure()
    page = new_page(viewport={"width": 320, "height": 640})
    log_in(page, procedure.recruiter.email)
    for url in (
        f"/vacancies/{procedure.vacancy.pk}/",
        f"/vacancies/{procedure.vacancy.pk}/requirements/",
        f"/vacancies/{procedure.vacancy.pk}/pipeline/",
        f"/candidates/{procedure.application.candidate_id}/profile/",
        f"/evaluations/applications/{procedure.application.pk}/stages/{procedure.interview.pk}/",
    ):
        page.goto(url)
        assert fits_320(page), url


def test_an_evaluator_scores_with_the_keyboard_and_sees_the_others_after_submitting(page: Page):
    procedure = Procedure()
    other = procedure.actor(procedure.second_evaluator)
    evaluation_services.submit_scorecard(
        actor=other,
        application=procedure.application,
        stage=procedure.interview,
        ratings=[(c, 3, "Twee goede voorbeelden gegeven.") for c in procedure.criteria],
    )
    page.add_init_script(CSP_RECORDER)
    log_in(page, procedure.evaluator.email)
    page.goto(f"/applications/{procedure.application.pk}/")
    expect(page.locator("main")).not_to_contain_text("Twee goede voorbeelden gegeven.")
    scorecard_url = f"/evaluations/applications/{procedure.application.pk}/stages/{procedure.interview.pk}/"
    page.locator(f"main a[href='{scorecard_url}']").click()

    first, second = procedure.criteria
    page.locator(f"#id_rating_{first.pk}_0").check()  # 1: does not meet, without evidence
    page.locator(f"#id_rating_{second.pk}_2").focus()
    page.keyboard.press("Space")
    page.locator("button[name=action][value=submit]").click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert_no_axe_violations(page)

    page.locator(f"#id_evidence_{first.pk}").fill("Gaf geen voorbeeld van een gesprek met een boze klant.")
    page.locator("button[name=action][value=submit]").click()
    expect(page.locator("main")).to_contain_text("Twee goede voorbeelden gegeven.")
    expect(page.locator("main")).to_contain_text("Gaf geen voorbeeld van een gesprek met een boze klant.")
    assert csp_violations(page) == []
