"""The pages keep to a strict Content-Security-Policy: sent on every page, and nothing on them breaks it."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from nagesprek.dashboards.navigation import navigation_for_actor
from nagesprek.organisations.constants import Role
from nagesprek.organisations.selectors import get_actor_for_user
from nagesprek.organisations.tests.factories import OrganisationFactory, member
from tests.browser.helpers import CSP_RECORDER, csp_violations, log_in

pytestmark = pytest.mark.django_db(transaction=True)


def _directives(header: str) -> dict[str, list[str]]:
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def test_login_page_sends_a_strict_csp(client):
    response = client.get("/accounts/login/")

    header = response.headers.get("Content-Security-Policy")
    assert header, "the login page sends no Content-Security-Policy header"
    directives = _directives(header)
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in header
    assert "'unsafe-eval'" not in header


@pytest.mark.browser
def test_pages_break_no_csp_rule_in_a_browser_that_enforces_it(new_page):
    organisation = OrganisationFactory()
    user = member(organisation, *Role.values)
    page = new_page(bypass_csp=False)
    page.add_init_script(CSP_RECORDER)
    failed = []
    page.on("response", lambda response: response.status >= 400 and failed.append(f"{response.status} {response.url}"))

    response = page.goto("/accounts/login/")
    assert "'unsafe-inline'" not in response.headers["content-security-policy"]
    assert csp_violations(page) == []
    log_in(page, user.email)
    links = page.locator(".site-nav a").evaluate_all("links => links.map(link => link.getAttribute('href'))")
    expected = [item.url for item in navigation_for_actor(get_actor_for_user(user=user))]
    assert links == expected and len(links) >= 5
    for link in links:
        page.goto(link)
        expect(page.locator("h1")).to_be_visible()
        assert csp_violations(page) == [], f"CSP violations on {link}"
    # The stylesheets really load: a missing one leaves an unstyled, inaccessible page.
    assert failed == []
    assert (
        page.evaluate("getComputedStyle(document.querySelector('.site-header')).backgroundColor") != "rgba(0, 0, 0, 0)"
    )


@pytest.mark.browser
def test_the_csp_recorder_notices_a_violation(new_page, live_server):
    # Guards the test above: an inline style must be reported, or an empty list proves nothing.
    page = new_page(bypass_csp=False)
    page.add_init_script(CSP_RECORDER)
    page.goto("/accounts/login/")

    page.evaluate("() => document.body.setAttribute('style', 'color: red')")

    page.wait_for_function("() => window.__cspViolations.length > 0")
    assert any("style-src" in violation for violation in csp_violations(page))
