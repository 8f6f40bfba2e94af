"""Issue 4's promise, end to end on the demo data, in Chromium (part G).

Joyce van Leeuwen (veterinary anaesthesia assistant, turned down for "Anesthesiemedewerker" for lacking
the Deelcertificaat Anesthesiologie) opens her page: the advice names that certificate's route, and the
suggested vacancies show an anaesthesia post as fitting after it. Marja de Groot (secretary, turned down
for "Secretaresse") sees "Medisch secretaresse Oncologie" reachable through a training route. The page
links to how suggestions are made. The recruiter sees the same post with its route on Joyce's rejection
screen, and a vacancy's talent pool on its page. axe finds no violations on any of these pages.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from django.utils import translation
from playwright.sync_api import expect

from nagesprek.candidates.models import Candidate
from nagesprek.demo.services import DEMO_PASSWORD, load_demo_data
from nagesprek.portal.services import issue_link
from nagesprek.rejections.models import Rejection
from nagesprek.vacancies.constants import VacancyStatus
from nagesprek.vacancies.models import Vacancy
from tests.browser.helpers import assert_no_axe_violations, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def nl(msgid: str) -> str:
    with translation.override("nl"):
        return translation.gettext(msgid)


def _open_candidate_page(page, full_name: str):
    candidate = Candidate.objects.get(organisation__slug="ziekenhuis-delftland", full_name=full_name)
    page.goto(urlsplit(issue_link(candidate=candidate)).path)
    expect(page.locator("h1")).to_be_visible()
    return page.locator("#fitting-vacancies").locator("xpath=..")


def test_joyce_gets_the_certificate_route_and_sees_the_anaesthesia_post_fit_after_it(page):
    load_demo_data()

    suggestions = _open_candidate_page(page, "Joyce van Leeuwen")
    advice = page.locator("main li strong", has_text="Deelcertificaat Anesthesiologie").first
    expect(advice).to_be_visible()  # the advice names the route
    anaesthesia = suggestions.locator("article.suggestion", has_text="Anesthesiemedewerker").first
    expect(anaesthesia).to_be_visible()
    expect(anaesthesia.locator(".tag--route")).to_contain_text("Deelcertificaat Anesthesiologie")


def test_marja_sees_the_medical_secretariat_post_through_a_training_route(page):
    load_demo_data()

    suggestions = _open_candidate_page(page, "Marja de Groot")
    oncology = suggestions.locator("article.suggestion", has_text="Medisch secretaresse Oncologie").first
    expect(oncology).to_be_visible()
    expect(oncology.locator(".tag--route")).to_contain_text("Medisch secretaresse")  # the training route
    assert_no_axe_violations(page)

    suggestions.get_by_role("link", name=nl("How do we make these suggestions?")).click()
    expect(page.locator("h1")).to_have_text(nl("How we suggest vacancies"))
    assert_no_axe_violations(page)


def test_the_recruiter_sees_the_suggestions_and_the_talent_pool_with_reasons(page):
    load_demo_data()
    rejection = Rejection.objects.get(application__candidate__full_name="Joyce van Leeuwen")
    log_in(page, "recruiter@ziekenhuis-delftland.example", DEMO_PASSWORD)

    page.goto(f"/rejections/{rejection.pk}/")
    inline = page.locator("#fitting-vacancies").locator("xpath=..")  # on the rejection screen itself
    post = inline.locator("article.suggestion", has_text="Anesthesiemedewerker").filter(has=page.locator(".tag--route"))
    expect(post.first).to_contain_text("Deelcertificaat Anesthesiologie")
    assert_no_axe_violations(page)
    inline.get_by_role("link", name=nl("Show all vacancies that fit")).click()
    post = page.locator("article.suggestion", has_text="Anesthesiemedewerker").filter(has=page.locator(".tag--route"))
    expect(post.first).to_contain_text("Deelcertificaat Anesthesiologie")
    assert_no_axe_violations(page)

    vacancy = Vacancy.objects.filter(status=VacancyStatus.OPEN, title__startswith="Anesthesiemedewerker").first()
    page.goto(f"/vacancies/{vacancy.pk}/")
    pool = page.locator("#talent-pool").locator("xpath=..")
    expect(pool).to_be_visible()
    assert_no_axe_violations(page)
    pool.get_by_role("link", name=nl("Show the full list from the talent pool")).click()
    expect(page.locator("h1")).to_contain_text(vacancy.title)
    assert_no_axe_violations(page)
