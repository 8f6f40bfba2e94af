"""Every main page passes axe-core's WCAG 2.x A/AA rules, reached by logging in through the real form."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from nagesprek.applications.constants import ApplicationStatus
from nagesprek.applications.tests.factories import ApplicationFactory
from nagesprek.emails.constants import OutboxStatus
from nagesprek.emails.models import OutboxMessage
from nagesprek.organisations.constants import Role
from nagesprek.organisations.tests.factories import OrganisationFactory, member
from nagesprek.vacancies.tests.factories import RequirementFactory, VacancyFactory
from tests.browser.helpers import assert_no_axe_violations, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_login_page_is_dutch_and_accessible(page):
    page.goto("/accounts/login/")

    expect(page.locator("html")).to_have_attribute("lang", "nl")
    assert_no_axe_violations(page)


def test_failed_login_shows_an_accessible_error(page):
    page.goto("/accounts/login/")
    page.locator("#id_username").fill("niemand@example.org")
    page.locator("#id_password").fill("wrong password entirely")
    page.locator("main form button[type=submit]").click()

    expect(page.locator(".error-summary")).to_be_visible()
    assert_no_axe_violations(page)


@pytest.mark.parametrize("role", Role.values)
def test_each_role_lands_on_its_dashboard_in_dutch(page, live_server, role):
    organisation = OrganisationFactory(name="Gemeente Voorbeeld")
    user = member(organisation, role, full_name="Sam de Vries")

    log_in(page, user.email)

    expect(page).to_have_url(f"{live_server.url}/")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.locator(f"#panel-{role}")).to_be_visible()
    expect(page.locator(".site-header")).to_contain_text("Gemeente Voorbeeld")
    assert_no_axe_violations(page)


def test_dashboard_with_every_role_and_a_light_brand_colour_is_accessible(page):
    # The lightest brand colour the settings accept (4.5:1 with white); links sit on grey panels too.
    organisation = OrganisationFactory(brand_colour="#767676")
    user = member(organisation, *Role.values)

    log_in(page, user.email)

    expect(page.locator(".panel")).to_have_count(len(Role.values))
    assert_no_axe_violations(page)


def test_outbox_lists_messages_accessibly(page):
    organisation = OrganisationFactory()
    admin = member(organisation, Role.ORG_ADMIN)
    for number, status in enumerate([OutboxStatus.SENT, OutboxStatus.FAILED, OutboxStatus.QUEUED]):
        OutboxMessage.objects.create(
            organisation=organisation,
            key=f"browser-test-{number}",
            recipient=f"kandidaat{number}@example.net",
            language="nl",
            template="rejection",
            subject=f"Uw sollicitatie {number}",
            body_text="Beste kandidaat,\n\nBedankt voor uw sollicitatie.",
            status=status,
            attempts=1,
            last_error="Connection refused" if status == OutboxStatus.FAILED else "",
        )

    log_in(page, admin.email)
    page.locator(".site-nav a[href='/outbox/']").click()

    expect(page.locator("table tbody tr")).to_have_count(3)
    assert_no_axe_violations(page)

    page.locator("table a", has_text="Uw sollicitatie 1").click()
    expect(page.locator("h1")).to_have_text("Uw sollicitatie 1")
    assert_no_axe_violations(page)


def test_vacancy_list_and_detail_with_applications_are_accessible(page):
    organisation = OrganisationFactory()
    recruiter = member(organisation, Role.RECRUITER)
    vacancy = VacancyFactory(organisation=organisation, title="Verpleegkundige acute zorg")
    vacancy.recruiters.add(recruiter)
    RequirementFactory(vacancy=vacancy, label="BIG-registratie")
    RequirementFactory(vacancy=vacancy, label="Ervaring op de SEH", is_must_have=False)
    ApplicationFactory(vacancy=vacancy)
    ApplicationFactory(vacancy=vacancy, status=ApplicationStatus.REJECTED)
    VacancyFactory(organisation=organisation)

    log_in(page, recruiter.email)
    page.locator(".site-nav a[href='/vacancies/']").click()

    expect(page.locator("table tbody tr")).to_have_count(2)
    assert_no_axe_violations(page)

    page.locator("table a", has_text="Verpleegkundige acute zorg").click()
    expect(page.locator("h1")).to_have_text("Verpleegkundige acute zorg")
    expect(page.locator("table tbody tr")).to_have_count(2)
    assert_no_axe_violations(page)


def test_application_file_and_audit_log_are_accessible(page):
    organisation = OrganisationFactory()
    officer = member(organisation, Role.PRIVACY_OFFICER, Role.RECRUITER)
    application = ApplicationFactory(vacancy=VacancyFactory(organisation=organisation))

    log_in(page, officer.email)
    page.goto(f"/applications/{application.pk}/")
    expect(page.locator("h1")).to_have_text(application.candidate.full_name)
    assert_no_axe_violations(page)

    page.locator(".site-nav a[href='/audit/']").click()
    expect(page.locator("table tbody tr").first).to_be_visible()
    assert_no_axe_violations(page)


def test_organisation_settings_with_a_refused_colour_are_accessible(page):
    organisation = OrganisationFactory()
    admin = member(organisation, Role.ORG_ADMIN)

    log_in(page, admin.email)
    page.locator(".site-nav a[href='/organisation/settings/']").click()
    assert_no_axe_violations(page)

    page.locator("#id_brand_colour").fill("#ffff00")
    page.locator("main form button[type=submit]").click()

    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator(".field--error #id_brand_colour")).to_be_visible()
    assert_no_axe_violations(page)
    organisation.refresh_from_db()
    assert organisation.brand_colour == "#154273"


def test_error_pages_are_accessible(page):
    advisor = member(OrganisationFactory(), Role.ADVISOR)
    log_in(page, advisor.email)

    response = page.goto("/outbox/")
    assert response.status == 403
    assert_no_axe_violations(page)

    response = page.goto("/vacancies/999999/")
    assert response.status == 404
    assert_no_axe_violations(page)


def test_password_reset_form_is_accessible(page):
    page.goto("/accounts/login/")
    page.locator("main a[href='/accounts/password-reset/']").click()

    expect(page.locator("html")).to_have_attribute("lang", "nl")
    assert_no_axe_violations(page)
