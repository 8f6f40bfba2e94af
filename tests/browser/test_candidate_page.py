"""The candidate page in a real browser: opened from the personal link, accessible, phone-sized, keyboard-usable."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from django.utils import translation
from playwright.sync_api import Page, expect

from nagesprek.letters.tests.factories import rejection_with_reasons
from nagesprek.portal.services import issue_link
from tests.browser.helpers import CSP_RECORDER, assert_no_axe_violations, csp_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FOCUSED = "() => document.activeElement.outerHTML.slice(0, 120)"
# Which control has focus, by position: two links can share their first 120 characters (a long token).
FOCUSED_INDEX = (
    "() => Array.from(document.querySelectorAll('a[href], button, input:not([type=hidden])'))"
    ".indexOf(document.activeElement)"
)
FOCUS_INDICATOR = """() => {
  const style = getComputedStyle(document.activeElement);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  return outline || style.boxShadow !== 'none';
}"""


@pytest.fixture
def candidate_path():
    """A sent rejection after an interview, with two reasons and a note, in a long-named organisation."""
    rejection = rejection_with_reasons(
        reasons=2,
        language="nl",
        personal_note="Het was fijn om je te spreken. Je vertelde met veel plezier over je werk.",
        application__vacancy__title="Senior beleidsmedewerker arbeidsmarktcommunicatie en werving",
        application__vacancy__organisation__name="Universitair Medisch Centrum Zuidoost-Nederland",
        application__vacancy__organisation__contact_email="werving-en-selectie@umc-zuidoost.example.nl",
    )
    return urlsplit(issue_link(candidate=rejection.application.candidate)).path


def test_candidate_page_shows_the_reasons_and_is_accessible(page: Page, candidate_path):
    page.goto(candidate_path)

    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator(".letter-reason")).to_have_count(2)
    expect(page.locator("main")).to_contain_text("In je cv staat geen BIG-registratie.")
    assert_no_axe_violations(page)


def test_candidate_page_in_english_is_accessible(page: Page, candidate_path):
    page.goto(candidate_path)
    page.get_by_role("link", name="English").click()

    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert_no_axe_violations(page)


@pytest.mark.parametrize("path", ["/c/new-link/", "/c/not-a-real-link/"])
def test_fresh_link_and_broken_link_pages_are_accessible(page: Page, path):
    page.goto(path)
    page.locator("button[type=submit]").click()  # submit empty: the error summary must be accessible too

    expect(page.locator(".error-summary")).to_be_visible()
    assert_no_axe_violations(page)


def test_asking_for_a_fresh_link_with_the_keyboard(page: Page):
    page.goto("/c/new-link/")
    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # past the field to check the button gets focus as well
    page.keyboard.press("Shift+Tab")
    expect(page.locator("#id_email")).to_be_focused()
    page.keyboard.type("sanne@example.net")
    page.keyboard.press("Enter")

    expect(page.locator("h1")).to_be_visible()
    assert page.url.endswith("/c/new-link/sent/?lang=nl")


def test_nothing_scrolls_sideways_at_320_pixels(new_page, candidate_path):
    page = new_page(viewport={"width": 320, "height": 640})
    for path in (candidate_path, "/c/new-link/", "/c/not-a-real-link/"):
        page.goto(path)
        scroll_width = page.evaluate("() => document.scrollingElement.scrollWidth")
        assert scroll_width <= 320, f"{path} is {scroll_width}px wide at a 320px viewport"


def test_every_control_is_reachable_by_keyboard_with_visible_focus(page: Page, candidate_path):
    page.goto(candidate_path)
    controls = page.locator("a[href], button, input:not([type=hidden])")
    expected = controls.count()
    reached = set()

    for _ in range(expected + 3):
        page.keyboard.press("Tab")
        html = page.evaluate(FOCUSED)
        if html.startswith("<body"):
            break
        assert page.evaluate(FOCUS_INDICATOR), f"no visible focus on {html}"
        reached.add(page.evaluate(FOCUSED_INDEX))

    assert len(reached) == expected, f"reached {len(reached)} of {expected} links and buttons by Tab"
    with translation.override("nl"):  # the page speaks the candidate's language
        download = translation.gettext("Download the letter (PDF)")
    expect(page.get_by_role("link", name=download)).to_be_visible()


def test_the_candidate_page_breaks_no_csp_rule(new_page, candidate_path):
    page = new_page(bypass_csp=False)
    page.add_init_script(CSP_RECORDER)

    response = page.goto(candidate_path)

    assert response.headers["referrer-policy"] == "no-referrer"
    assert csp_violations(page) == []
    assert (
        page.evaluate("getComputedStyle(document.querySelector('.site-header')).backgroundColor") != "rgba(0, 0, 0, 0)"
    )
