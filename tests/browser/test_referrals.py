"""Issue 6's referral, end to end on the demo data, in Chromium, from a referral made on the page.

A career advisor of Ziekenhuis Delftland records a rejected candidate's permission from the conversation
and refers her to an open vacancy; the recruiter finds the referral in her inbox, accepts it at the last
stage and records the hire on the new application; the HR lead's dashboard counts one more hire after
an earlier rejection, with its path; the candidate's own page shows the referral's outcome. axe finds
nothing on any of these pages, the CSP blocks nothing, and the inbox fits 320 pixels.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from django.utils import translation
from playwright.sync_api import Page, expect

from nagesprek.applications.constants import ApplicationStatus
from nagesprek.applications.models import Application
from nagesprek.demo.services import DEMO_PASSWORD, load_demo_data
from nagesprek.portal.services import issue_link
from nagesprek.referrals.constants import ReferralStatus
from nagesprek.referrals.models import Referral
from nagesprek.vacancies.constants import VacancyStatus
from nagesprek.vacancies.models import Vacancy
from tests.browser.helpers import CSP_RECORDER, assert_no_axe_violations, csp_violations, log_in, log_out

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
DOMAIN = "ziekenhuis-delftland.example"
NOTE = "In ons gesprek bleek dat zij graag in de anesthesie wil werken en de opleiding aankan."


def nl(msgid: str) -> str:
    with translation.override("nl"):
        return translation.gettext(msgid)


def _target_and_candidate() -> tuple[Vacancy, Application]:
    """The login recruiter's training post, and a rejected candidate the demo has not referred or invited."""
    vacancy = Vacancy.objects.get(
        organisation__slug="ziekenhuis-delftland", title="Anesthesiemedewerker in opleiding", status=VacancyStatus.OPEN
    )
    taken = set(Referral.objects.values_list("candidate_id", flat=True))
    rejected = (
        Application.objects.filter(
            organisation=vacancy.organisation,
            status=ApplicationStatus.REJECTED,
            rejection__sent_at__isnull=False,
            vacancy__job_family=vacancy.job_family,
        )
        .exclude(candidate_id__in=taken)
        .exclude(candidate__applications__vacancy=vacancy)
        .exclude(candidate__full_name__in=["Joyce van Leeuwen", "Marja de Groot"])
        .select_related("candidate")
        .order_by("pk")
    )
    return vacancy, rejected.first()


def _checked(page: Page) -> None:
    assert_no_axe_violations(page)
    assert csp_violations(page) == []


def _advisor_refers(page: Page, rejected: Application, vacancy: Vacancy) -> Referral:
    log_in(page, f"loopbaanadviseur@{DOMAIN}", DEMO_PASSWORD)
    page.get_by_role("link", name=nl("Rejected candidates")).first.click()
    page.get_by_label(nl("Search name or vacancy")).fill(rejected.candidate.full_name)
    page.get_by_role("button", name=nl("Search")).click()
    row = page.locator("tbody tr", has_text=rejected.candidate.full_name).filter(has_text=rejected.vacancy.title)
    expect(row).to_contain_text(nl("Not given"))
    _checked(page)

    row.get_by_role("link", name=nl("Record permission")).click()
    expect(page.locator("h1")).to_contain_text(rejected.candidate.full_name)
    _checked(page)
    page.locator("input[name=referral][value=yes]").check()
    page.get_by_role("button", name=nl("Record the answers")).click()

    expect(page.locator("h1")).to_contain_text(rejected.candidate.full_name)  # the referral page
    _checked(page)
    page.locator(f"input[name=vacancy][value='{vacancy.pk}']").check()
    page.get_by_label(nl("Note for the recruiter")).fill(NOTE)
    page.get_by_role("button", name=nl("Send the referral")).click()
    expect(page.locator(".messages")).to_contain_text(vacancy.title)
    _checked(page)
    log_out(page)
    return Referral.objects.get(candidate=rejected.candidate, vacancy=vacancy)


def _recruiter_accepts_and_hires(page: Page, referral: Referral) -> None:
    log_in(page, f"recruiter@{DOMAIN}", DEMO_PASSWORD)
    page.get_by_role("link", name=nl("Referrals waiting for your answer")).click()
    link = page.get_by_role("link", name=referral.candidate.full_name)
    expect(link).to_be_visible()
    _checked(page)
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    page.set_viewport_size({"width": 1280, "height": 800})

    link.click()
    expect(page.locator("main")).to_contain_text(NOTE)
    _checked(page)
    last_stage = referral.vacancy.stages.order_by("position").last()
    page.get_by_label(nl("Start the application in stage")).select_option(label=last_stage.name)
    page.get_by_role("button", name=nl("Accept and start the application")).click()

    expect(page.locator("main")).to_contain_text(nl("Referral accepted: the application has started."))
    page.get_by_role("button", name=nl("Mark as hired")).click()
    expect(page.locator(".messages")).to_contain_text(referral.candidate.full_name)
    _checked(page)
    log_out(page)


def test_a_referral_made_on_the_page_is_accepted_hired_and_counted(page):
    load_demo_data()
    vacancy, rejected = _target_and_candidate()
    page.add_init_script(CSP_RECORDER)

    referral = _advisor_refers(page, rejected, vacancy)
    assert referral.status == ReferralStatus.PENDING and referral.origin_application == rejected
    _recruiter_accepts_and_hires(page, referral)

    referral.refresh_from_db()
    assert referral.status == ReferralStatus.ACCEPTED
    assert referral.application.status == ApplicationStatus.HIRED

    log_in(page, f"hr@{DOMAIN}", DEMO_PASSWORD)
    figure = page.locator(".figure", has=page.get_by_role("link", name=nl("Hired after an earlier rejection")))
    expect(figure.locator("dd")).to_have_text("2")  # the demo's hire, and this one
    hire = page.locator("section", has_text=rejected.candidate.full_name).first
    expect(hire).to_contain_text(rejected.vacancy.title)  # the original rejection starts the path
    _checked(page)
    page.get_by_role("link", name=nl("Hired after an earlier rejection")).click()
    expect(page.locator("main")).to_contain_text(rejected.candidate.full_name)
    _checked(page)

    page.goto(urlsplit(issue_link(candidate=rejected.candidate)).path)
    section = page.locator("#referrals").locator("xpath=..")
    expect(section).to_contain_text(vacancy.title)
    expect(section).to_contain_text(nl("You got the job. Congratulations!"))
    _checked(page)


def test_the_recruiter_declines_and_the_candidate_reads_the_reason(page):
    load_demo_data()
    referral = (
        Referral.objects.filter(organisation__slug="ziekenhuis-delftland", status=ReferralStatus.PENDING)
        .order_by("pk")
        .first()
    )
    reason = "De opleidingsplaatsen voor dit jaar zijn vergeven. In het voorjaar openen we een nieuwe groep."

    log_in(page, f"recruiter@{DOMAIN}", DEMO_PASSWORD)
    page.goto(f"/referrals/{referral.pk}/")
    page.get_by_role("button", name=nl("Decline the referral")).click()  # no reason yet: refused
    expect(page.locator(".error-summary")).to_be_visible()
    _checked(page)
    page.get_by_label(nl("Reason for declining")).fill(reason)
    page.get_by_role("button", name=nl("Decline the referral")).click()
    expect(page.locator("main")).to_contain_text(reason)

    page.goto(urlsplit(issue_link(candidate=referral.candidate)).path)
    section = page.locator("#referrals").locator("xpath=..")
    expect(section).to_contain_text(nl("The recruiter said no."))
    expect(section).to_contain_text(reason)
    _checked(page)
