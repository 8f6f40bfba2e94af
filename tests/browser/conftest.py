"""Browser tests: Playwright (sync API) driving Debian's Chromium against Django's live server.

One Chromium per run of this package, a fresh browser context (cookies, storage) per test.
`playwright install` cannot download browsers here, so Chromium comes from the system
(`apt-get install chromium`) and axe-core from npm (`npm ci` at the repository root).
Without them these tests fail in CI (CI=true) and are skipped locally, with the reason.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from tests.browser.helpers import AXE_PATH

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# What a Dutch employee's browser sends; the language the page shows still comes from the user's preference.
CONTEXT_OPTIONS = {"locale": "nl-NL", "timezone_id": "Europe/Amsterdam", "viewport": {"width": 1280, "height": 800}}


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"Browser tests cannot run in CI: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    """One headless Chromium for the whole browser suite.

    Playwright's sync API keeps an asyncio loop in the test thread, which makes Django refuse
    ORM calls from it; DJANGO_ALLOW_ASYNC_UNSAFE lifts that for as long as the browser lives
    (this package only), and the loop is gone again when Playwright stops.
    """
    executable = shutil.which("chromium")
    if executable is None:
        _unavailable("Chromium is not installed (apt-get install -y chromium); `playwright install` cannot work here.")
    if not AXE_PATH.is_file():
        _unavailable(f"axe-core is missing at {AXE_PATH}; run `npm ci` in the repository root.")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
            yield chromium
            chromium.close()


@pytest.fixture
def new_page(browser: Browser, live_server) -> Iterator:
    """Open pages in fresh browser contexts; all are closed after the test.

    bypass_csp lets axe be injected as an inline script tag. It only changes this test browser:
    the CSP the server sends is untouched, and `strict_page` checks that pages obey it.
    """
    contexts = []

    def open_page(*, bypass_csp: bool = True, **options: object) -> Page:
        context = browser.new_context(base_url=live_server.url, bypass_csp=bypass_csp, **{**CONTEXT_OPTIONS, **options})
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page) -> Page:
    return new_page()


# A shared 2-core machine can be slow for a moment: wait longer than Playwright's 5 s before failing.
expect.set_options(timeout=15_000)
