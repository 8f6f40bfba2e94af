"""Issue 3's promise, end to end on the demo data, in Chromium.

A recruiter rejects an interviewed candidate with two criterion-linked reasons; the quality gate refuses a
stock-phrase-only text and a text about age, each with its explanation; after fixing, the letter is previewed
and sent; it is delivered by a real SMTP server on loopback; the candidate's link opens their page with the
reasons. axe checks the rejection form, the preview and the candidate page.
"""

from __future__ import annotations

import re

import pytest
from django.db.models import Count, Q
from django.utils import translation
from playwright.sync_api import expect

from nagesprek.applications.constants import ApplicationStatus
from nagesprek.applications.models import Application
from nagesprek.demo.services import DEMO_PASSWORD, load_demo_data
from nagesprek.emails.constants import OutboxStatus
from nagesprek.emails.tests.support import RecordingHandler, SmtpServer, start_smtp_server
from nagesprek.rejections.constants import RejectionStatus
from nagesprek.rejections.drafting import draft_reasons
from nagesprek.rejections.models import Rejection
from nagesprek.rejections.selectors import load_rejection_record
from nagesprek.vacancies.constants import StageKind
from tests.browser.helpers import assert_no_axe_violations, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RECRUITER = "recruiter@uitvoeringsdienst.example"
STOCK_PHRASE = "We hebben voor een andere kandidaat gekozen."
ABOUT_AGE = "Wij zoeken eigenlijk iemand die jonger is, die beter in ons jonge team past."


@pytest.fixture
def smtp_server(settings):
    handler = RecordingHandler()
    controller = start_smtp_server(handler)
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": controller.port, "timeout": 5},
        }
    }
    yield SmtpServer(port=controller.port, handler=handler)
    controller.stop()


def interviewed_candidate_with_two_low_criteria() -> Application:
    """A demo application, still open after an interview, whose record drafts two criterion-linked reasons."""
    low = Count(
        "scorecards__ratings__criterion",
        filter=Q(scorecards__ratings__rating__lte=2, scorecards__submitted_at__isnull=False),
        distinct=True,
    )
    candidates = (
        Application.objects.filter(
            organisation__slug="uitvoeringsdienst", status=ApplicationStatus.ACTIVE, stage__kind=StageKind.INTERVIEW
        )
        .annotate(low=low)
        .filter(low__gte=2)
        .select_related("candidate", "vacancy")
        .order_by("pk")
    )
    for application in candidates:
        record = load_rejection_record(
            application=application,
            requirements_version=application.vacancy.requirements_version,
            language=application.candidate.language,
        )
        if sum(1 for draft in draft_reasons(record) if draft.criterion_id) >= 2:
            return application
    return None


def nl(msgid: str) -> str:
    with translation.override("nl"):
        return translation.gettext(msgid)


def test_recruiter_rejects_an_interviewed_demo_candidate_and_the_candidate_reads_why(page, run_tasks, smtp_server):
    load_demo_data()
    application = interviewed_candidate_with_two_low_criteria()
    assert application is not None, "the demo data has no interviewed candidate with two low-rated criteria"

    log_in(page, RECRUITER, DEMO_PASSWORD)
    page.goto(f"/applications/{application.pk}/")
    page.locator("#rejection-heading ~ .actions a.button").click()
    page.locator("input[name=outcome][value=rejected]").check()
    page.locator("main form button[type=submit]").click()

    # The drafted reasons point at the criteria the evaluators rated low, quoting their evidence.
    rejection = Rejection.objects.get(application=application)
    criterion_reasons = [r for r in rejection.reasons.all() if r.criterion_id]
    assert len(criterion_reasons) >= 2
    expect(page.locator(".evidence").first).to_be_visible()
    assert_no_axe_violations(page)

    first, second = (f"#id_reasons-{i}-explanation" for i in range(2))
    drafted = [page.locator(first).input_value(), page.locator(second).input_value()]
    page.locator(first).fill(STOCK_PHRASE)
    page.locator(second).fill(ABOUT_AGE)
    page.locator("button[name=action][value=submit]").click()

    problems = page.locator("#gate-problems li")
    expect(problems).to_have_count(2)
    expect(page.locator("#gate-problems")).to_contain_text("Leeftijd is een beschermde grond")
    assert_no_axe_violations(page)
    rejection.refresh_from_db()
    assert rejection.status == RejectionStatus.DRAFT

    # Fixed: the drafted, criterion-linked reasons go back in; preview the letter.
    page.locator(first).fill(drafted[0])
    page.locator(second).fill(drafted[1])
    page.locator("button[name=action][value=preview]").click()
    expect(page.locator("main")).to_contain_text(application.candidate.full_name.split()[0])
    for reason in criterion_reasons[:2]:
        expect(page.locator("main")).to_contain_text(reason.explanation[:40])
    assert_no_axe_violations(page)

    page.go_back()
    page.locator("button[name=action][value=submit]").click()
    expect(page.locator("#rejection-heading")).to_be_visible()

    run_tasks()  # the worker: send the rejection, then deliver the e-mail
    rejection.refresh_from_db()
    assert rejection.status == RejectionStatus.SENT
    assert rejection.outbox_message.status == OutboxStatus.SENT
    (mail,) = smtp_server.messages
    assert mail["To"] == application.candidate.email
    text = mail.get_body(preferencelist=("plain",)).get_content()
    # The candidate page itself (the letter also links to booking pages under the same token).
    link = re.search(r"https?://[^\s/]+/c/[^\s/]+/(?!\S)", text).group(0)

    page.goto("/c/" + link.split("/c/", 1)[1])
    expect(page.locator("html")).to_have_attribute("lang", application.candidate.language)
    for reason in rejection.reasons.all():
        expect(page.locator("main")).to_contain_text(reason.explanation[:40])
    assert_no_axe_violations(page)
