"""Helpers for the browser tests: logging in through the real form and checking pages with axe-core."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

PASSWORD = "correct horse battery staple"  # the password of every factory user
AXE_PATH = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# Collects Content-Security-Policy violations; runs through the DevTools protocol, so the CSP does not block it.
CSP_RECORDER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const where = `${event.sourceFile}:${event.lineNumber}`;
  window.__cspViolations.push(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"} (${where})`);
});
"""


def log_in(page: Page, email: str, password: str = PASSWORD) -> None:
    """Log in through the login form, as a person would, and wait for the redirect."""
    page.goto("/accounts/login/")
    page.locator("#id_username").fill(email)
    page.locator("#id_password").fill(password)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    if page.locator(".error-summary").count():
        pytest.fail(f"Logging in as {email} failed: {page.locator('.error-summary').inner_text()}", pytrace=False)


def log_out(page: Page) -> None:
    page.locator("form.logout button[type=submit]").click()
    expect(page.locator("#id_username")).to_be_visible()


def format_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation.get('impact') or 'unknown impact'}): {violation['help']}")
        for node in violation["nodes"]:
            target = " ".join(" > ".join(part) if isinstance(part, list) else part for part in node["target"])
            lines.append(f"    at {target}")
            summary = (node.get("failureSummary") or "").strip().splitlines()
            if len(summary) > 1:
                lines.append(f"       {summary[1].strip()}")
        lines.append(f"    see {violation['helpUrl']}")
    return "\n".join(lines)


# axe only marks a reference to a missing id as "needs review"; a screen reader silently reads nothing.
BROKEN_ARIA_REFERENCES = """() => {
  const broken = [];
  for (const attribute of ["aria-describedby", "aria-labelledby", "aria-controls"]) {
    for (const element of document.querySelectorAll(`[${attribute}]`)) {
      for (const id of element.getAttribute(attribute).split(/\\s+/).filter(Boolean)) {
        const name = `${element.tagName.toLowerCase()}#${element.id}`;
        if (!document.getElementById(id)) broken.push(`${name} ${attribute}=${id}`);
      }
    }
  }
  return broken;
}"""


def assert_no_axe_violations(page: Page) -> None:
    """Run axe-core's WCAG 2.0-2.2 A/AA rules on the page; fail with a readable list of violations.

    The page must come from a context made with bypass_csp=True: axe is injected as an inline
    script, which the site's own CSP (script-src 'self') rightly refuses.
    """
    page.add_script_tag(path=str(AXE_PATH))
    results = page.evaluate("async (tags) => await axe.run(document, {runOnly: tags})", AXE_TAGS)
    violations = results["violations"]
    if violations:
        pytest.fail(
            f"axe found {len(violations)} accessibility problem(s) on {page.url}:\n{format_violations(violations)}",
            pytrace=False,
        )
    broken = page.evaluate(BROKEN_ARIA_REFERENCES)
    if broken:
        pytest.fail(f"ARIA attributes on {page.url} point at ids that do not exist: {broken}", pytrace=False)


def csp_violations(page: Page) -> list[str]:
    return page.evaluate("() => window.__cspViolations || []")
