"""Explanation codes (from the ranking) worded for people, in the active language.

The ranking gives codes and parameters, never sentences, so the same suggestion reads in Dutch for a
candidate and in English for a recruiter, and the log keeps what was computed rather than prose.
"""

from __future__ import annotations

from django.utils.translation import gettext


# The codes of part F's engine (matching.engine.Reason).
def _same_occupation(params: dict) -> str:
    return gettext("Earlier work experience in the same occupation.")


def _same_family(params: dict) -> str:
    return gettext("Earlier work experience in the same kind of work.")


def _fits_now(params: dict) -> str:
    return gettext("Meets all must-have requirements.")


def _near_miss(params: dict) -> str:
    return gettext("Missing: %(requirement)s. The route “%(route)s” closes this gap.") % {
        "requirement": params["missing"],
        "route": params["route_title"],
    }


def _nice_to_have(params: dict) -> str:
    return gettext("Meets %(met)d of the %(total)d nice-to-have requirements.") % {
        "met": len(params["held"]),
        "total": params["of"],
    }


_WORDING = {
    "same_occupation": _same_occupation,
    "same_family": _same_family,
    "fits_now": _fits_now,
    "near_miss": _near_miss,
    "nice_to_have": _nice_to_have,
}


def explanation_line(code: str, params: dict | None = None) -> str:
    """One explanation in plain words; an unknown code (a newer engine) still reads sensibly."""
    wording = _WORDING.get(code)
    if wording is None:
        return gettext("Another reason the matching found (%(code)s).") % {"code": code}
    try:
        return wording(params or {})
    except (KeyError, TypeError, ValueError):
        return gettext("Another reason the matching found (%(code)s).") % {"code": code}
