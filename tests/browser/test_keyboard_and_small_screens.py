"""Keyboard use and small screens: the skip link comes first, focus is always visible, nothing scrolls sideways."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from nagesprek.applications.tests.factories import ApplicationFactory
from nagesprek.organisations.constants import Role
from nagesprek.organisations.tests.factories import OrganisationFactory, member
from nagesprek.vacancies.tests.factories import VacancyFactory
from tests.browser.helpers import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FOCUSED = "() => document.activeElement.outerHTML.slice(0, 120)"
# A focus indicator is an outline or a box-shadow on the focused element.
FOCUS_INDICATOR = """() => {
  const style = getComputedStyle(document.activeElement);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  return outline || style.boxShadow !== 'none';
}"""


@pytest.fixture
def busy_member():
    """A member holding every role, with a long name in a long-named organisation: the fullest top bar."""
    organisation = OrganisationFactory(name="Universitair Medisch Centrum Zuidoost-Nederland")
    user = member(organisation, *Role.values, full_name="Alexandra van Oosterhout-Schimmelpenninck")
    vacancy = VacancyFactory(organisation=organisation, title="Senior beleidsmedewerker arbeidsmarktcommunicatie")
    ApplicationFactory(vacancy=vacancy)
    return user


def _tab_to_skip_link_and_follow_it(page: Page) -> None:
    page.keyboard.press("Tab")
    skip_link = page.locator(".skip-link")
    expect(skip_link).to_be_focused()
    box = skip_link.bounding_box()
    assert box is not None and box["y"] >= 0, "the focused skip link is outside the viewport"
    assert page.evaluate(FOCUS_INDICATOR), "the focused skip link has no visible focus indicator"

    page.keyboard.press("Enter")

    expect(page.locator("main")).to_be_focused()
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.querySelector('main').contains(document.activeElement)"), (
        f"after the skip link, Tab left the main content: {page.evaluate(FOCUSED)}"
    )


@pytest.mark.parametrize("path", ["/", "/vacancies/", "/outbox/"])
def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(page, busy_member, path):
    log_in(page, busy_member.email)
    page.goto(path)

    _tab_to_skip_link_and_follow_it(page)


def test_on_the_login_page_the_skip_link_also_comes_first(page):
    # No autofocus on the e-mail field: it would skip the skip link and the page's context.
    page.goto("/accounts/login/")

    _tab_to_skip_link_and_follow_it(page)


def test_every_tab_stop_in_the_header_shows_focus(page, busy_member):
    log_in(page, busy_member.email)
    first_in_main = page.locator("main a, main button, main input, main select").first
    # Every control before the main content (skip link, header, one navigation item per section), and one more.
    before_main = page.evaluate(
        "() => [...document.querySelectorAll('a[href], button, input, select')]"
        ".filter(el => !document.querySelector('main').contains(el)"
        " && (el.compareDocumentPosition(document.querySelector('main')) & Node.DOCUMENT_POSITION_FOLLOWING)).length"
    )
    assert before_main < 30, f"{before_main} tab stops before the content is too many for a keyboard user"

    for _ in range(before_main + 1):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.querySelector('main').contains(document.activeElement)"):
            break
        assert page.evaluate(FOCUS_INDICATOR), f"no visible focus on {page.evaluate(FOCUSED)}"
    else:
        pytest.fail(f"{before_main + 1} Tab presses did not reach the main content")
    expect(first_in_main).to_be_focused()


@pytest.mark.parametrize("path", ["/accounts/login/", "/", "/vacancies/", "/outbox/"])
def test_nothing_scrolls_sideways_at_320_pixels(new_page, busy_member, path):
    page = new_page(viewport={"width": 320, "height": 640})
    if path != "/accounts/login/":
        log_in(page, busy_member.email)
    page.goto(path)

    scroll_width = page.evaluate("() => document.scrollingElement.scrollWidth")
    assert scroll_width <= 320, f"{path} is {scroll_width}px wide at a 320px viewport"
