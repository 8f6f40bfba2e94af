"""Which fields a requirement of each kind needs, and how to describe one in a line of text."""

from __future__ import annotations

from typing import Protocol

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from nagesprek.vacancies.constants import EducationLevel, LanguageLevel, RequirementKind


class RequirementLike(Protocol):
    """A Requirement row or the data for one (read only)."""

    @property
    def kind(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def is_must_have(self) -> bool: ...
    @property
    def level(self) -> str: ...
    @property
    def years(self) -> int | None: ...


def check_requirement_fields(*, kind: str, level: str, years: int | None) -> dict[str, str]:
    """Problems per field name ("level", "years"); empty when the combination is right.

    A language needs a CEFR level, an education level needs one of the Dutch levels, experience
    needs a number of years; other kinds take neither, so a stray value cannot mislead the matching.
    """
    problems: dict[str, str] = {}
    if kind == RequirementKind.LANGUAGE:
        if level not in LanguageLevel.values:
            problems["level"] = _("A language requirement needs a level from A1 to C2.")
    elif kind == RequirementKind.EDUCATION_LEVEL:
        if level not in EducationLevel.values:
            problems["level"] = _("An education level requirement needs an education level (VMBO to WO).")
    elif level:
        problems["level"] = _("Only language and education level requirements have a level.")
    if kind == RequirementKind.EXPERIENCE:
        if years is None or years < 1:
            problems["years"] = _("An experience requirement needs a number of years (1 or more).")
    elif years is not None:
        problems["years"] = _("Only experience requirements have a number of years.")
    return problems


def describe_requirement(requirement: RequirementLike) -> str:
    """One readable line, e.g. "Nederlands (language, must-have, level B2)"; used in the change log."""
    parts = [str(RequirementKind(requirement.kind).label).lower()]
    parts.append(_("must-have") if requirement.is_must_have else _("nice-to-have"))
    if requirement.level:
        level = requirement.level
        if level in EducationLevel.values:
            level = str(EducationLevel(level).label)
        parts.append(_("level %(level)s") % {"level": level})
    if requirement.years is not None:
        years = requirement.years
        parts.append(ngettext("%(years)s year", "%(years)s years", years) % {"years": years})
    return "“%s” (%s)" % (requirement.label, ", ".join(parts))  # noqa: UP031 - not a translatable string
