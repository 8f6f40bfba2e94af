"""Bulk rejection in a real browser: start it from the vacancy page, watch the progress reach done, open the exceptions.

The progress page refreshes itself with htmx (polling a fragment every 2 s), under the site's strict CSP.
The task queue is drained in the test thread (``run_tasks``); meanwhile the browser's requests for the progress
page are held back (``page.route``), so the worker and the live server never use the test database at once.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from nagesprek.rejections.bulk_sample import build_sample
from nagesprek.rejections.constants import RejectionStatus
from nagesprek.rejections.models import BulkRejection, Rejection
from tests.browser.helpers import CSP_RECORDER, assert_no_axe_violations, csp_violations, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PROGRESS = re.compile(r"/rejections/bulk/\d+/$")


@pytest.mark.parametrize("size", [50, 1000])
def test_bulk_rejection_shows_progress_until_done(page: Page, run_tasks, size):
    sample = build_sample(size=size, seed=31)
    page.add_init_script(CSP_RECORDER)
    # Progress requests reach the server only while the test thread is inside a Playwright call.
    page.route(PROGRESS, lambda route: route.continue_())
    log_in(page, sample.recruiter.email)

    page.goto(f"/vacancies/{sample.vacancy.pk}/")
    page.locator("#bulk-heading ~ .actions a.button").click()
    expect(page.locator(".bulk-selection tbody tr")).to_have_count(min(size, 500))  # the list shows at most 500
    if size == 50:
        assert_no_axe_violations(page)
    page.locator("input[name=scope][value=all]").check()
    page.locator("#id_confirm").check()
    with page.expect_navigation():
        page.locator("main form[method=post] button[type=submit]").click()

    bar = page.locator("#bulk-progress-bar")
    expect(bar).to_have_attribute("max", str(size))
    expect(bar).to_have_attribute("value", "0")
    expect(page.locator("#bulk-status a", has_text=re.compile(".+"))).to_have_count(1)  # the no-JavaScript refresh
    assert_no_axe_violations(page)

    page.wait_for_load_state("networkidle")
    run_tasks()  # the bulk task, then the letters it scheduled and their e-mails

    expect(bar).to_have_attribute("value", str(size), timeout=15_000)  # htmx swapped in the new state, no reload
    expect(page.locator("#bulk-announce")).not_to_be_empty()  # told once to screen readers, not every 2 s
    exceptions_link = page.locator("#bulk-status a.button")
    expect(exceptions_link).to_be_visible()
    assert_no_axe_violations(page)
    bulk = BulkRejection.objects.get()
    waiting = Rejection.objects.filter(bulk=bulk, needs_attention=True)
    assert bulk.processed == size and waiting.exists()
    assert set(Rejection.objects.filter(bulk=bulk, needs_attention=False).values_list("status", flat=True)) == {
        RejectionStatus.SENT
    }

    exceptions_link.click()
    expect(page.locator("table.exceptions tbody tr")).to_have_count(min(waiting.count(), 25))  # 25 a page
    expect(page.locator("#exceptions-caption")).to_contain_text(str(waiting.count()))
    assert_no_axe_violations(page)
    first = waiting.order_by("application__candidate__full_name", "pk").first()
    page.locator("table.exceptions tbody tr a").first.click()
    expect(page).to_have_url(re.compile(f"/rejections/{first.pk}/edit/$"))
    assert csp_violations(page) == []
