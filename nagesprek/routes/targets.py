"""What a route closes, written as text: one ``kind: name`` per line (form) or separated by ``|`` (CSV).

Examples: ``certificate: Deelcertificaat Anesthesiologie``, ``language: Nederlands C1``,
``education_level: mbo4``, ``experience: secretaresse``, ``competency: Klantgericht``.
A language's CEFR level is its last word; an education level's name is the level itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from nagesprek.vacancies.constants import EducationLevel, LanguageLevel, RequirementKind

_SEPARATORS = re.compile(r"[|\n]")


@dataclass(frozen=True)
class TargetSpec:
    kind: str
    name: str
    level: str = ""

    def as_text(self) -> str:
        if self.kind == RequirementKind.LANGUAGE and self.level:
            return f"{self.kind}: {self.name} {self.level}"
        return f"{self.kind}: {self.name}"


class TargetError(ValueError):
    """A target that cannot be read; the message says what to write instead."""


def parse_targets(text: str) -> list[TargetSpec]:
    """The targets in ``text``; raises TargetError naming the first part that cannot be read."""
    return [parse_target(part.strip()) for part in _SEPARATORS.split(text or "") if part.strip()]


def parse_target(part: str) -> TargetSpec:
    kind, sep, name = part.partition(":")
    kind, name = kind.strip().lower(), " ".join(name.split())
    if not sep or not name:
        raise TargetError(
            _("“%(part)s” is not of the form kind: name (for example certificate: VCA-VOL).") % {"part": part}
        )
    if kind not in RequirementKind.values:
        raise TargetError(
            _("“%(kind)s” is not a kind a route can close. Use one of: %(kinds)s.")
            % {"kind": kind, "kinds": ", ".join(RequirementKind.values)}
        )
    if kind == RequirementKind.LANGUAGE:
        words = name.split()
        if len(words) > 1 and words[-1].upper() in LanguageLevel.values:
            return TargetSpec(kind, " ".join(words[:-1]), words[-1].upper())
        return TargetSpec(kind, name)
    if kind == RequirementKind.EDUCATION_LEVEL:
        level = name.lower().replace(" ", "").replace("-", "")
        if level not in EducationLevel.values:
            raise TargetError(
                _("“%(level)s” is not an education level. Use one of: %(levels)s.")
                % {"level": name, "levels": ", ".join(EducationLevel.values)}
            )
        return TargetSpec(kind, level, level)
    return TargetSpec(kind, name)


def targets_text(targets, separator: str = "\n") -> str:
    """The targets (TargetSpec or RouteTarget rows) written back as text."""
    return separator.join(TargetSpec(t.kind, t.name, t.level).as_text() for t in targets)
