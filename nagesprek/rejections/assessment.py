"""How a candidate's profile measures up to a vacancy's requirements.

Pure Python on plain dataclasses (no Django, no ORM): the selectors build the
inputs once, and drafting, matching and the benchmarks reason about them alone.

Every assessment carries the *fact* that shows it, as structured data
(``Fact.kind`` + parameters), not as text: the text is written later, in the
candidate's language, by ``drafting.describe_fact``. ``Fact.english`` exists for
logs and tests.

Decisions (documented because they decide what a candidate is told):

* A requirement is **unknown** when the profile holds nothing either way for it:
  no qualifications recorded at all for a certificate requirement, no skills for
  a skill, no languages for a language, no experience, no education level.
  Then software must not claim the candidate lacks it; a person checks.
  Once the profile section has entries, a missing name is **unmet** ("not in
  your profile").
* Competencies are judged in interviews and assessments, never from a profile:
  always unknown here (drafting uses the criteria ratings for them).
* A qualification that expires within ``expiring_within_days`` (90 by default)
  is **expiring**: still met, but worth telling. Expired means
  ``expires_on < today``.
* Experience counts the years of roles whose role or sector shares a word with
  the requirement's label; a label made only of generic words ("Werkervaring")
  counts all roles.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum

# Ordered lowest to highest. Mirrors vacancies.constants (which imports Django, so it is not imported here).
CEFR_LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2")
EDUCATION_LEVELS = ("vmbo", "mbo2", "mbo3", "mbo4", "hbo", "wo")
QUALIFICATION_KINDS = frozenset({"certificate", "diploma", "licence", "registration"})
EXPIRING_WITHIN_DAYS = 90

# Language names a candidate or a recruiter may write either way; issue 4 brings a full vocabulary.
_LANGUAGE_ALIASES = {
    "dutch": "nederlands",
    "nl": "nederlands",
    "english": "engels",
    "en": "engels",
    "german": "duits",
    "deutsch": "duits",
    "french": "frans",
    "francais": "frans",
    "spanish": "spaans",
    "turkish": "turks",
    "arabic": "arabisch",
    "polish": "pools",
}
# Words that say nothing about *which* experience is asked.
_GENERIC_WORDS = frozenset(
    str.split(
        "jaar jaren ervaring werkervaring relevante relevant minimaal minstens ten minste in als de het een van met "
        "medewerker functie rol werk role job employee "
        "op bij years year experience of in as the a an at least minimum with relevant work working"
    )
)


class Status(StrEnum):
    MET = "met"
    UNMET = "unmet"
    EXPIRED = "expired"
    EXPIRING = "expiring"
    UNKNOWN = "unknown"


class FactKind(StrEnum):
    """What the record shows; ``drafting.describe_fact`` words each kind for the candidate."""

    HELD = "held"  # qualification/skill found
    NOT_IN_PROFILE = "not_in_profile"
    EXPIRED_ON = "expired_on"
    EXPIRES_ON = "expires_on"
    LANGUAGE_LEVEL = "language_level"  # level held vs asked
    LANGUAGE_MISSING = "language_missing"
    EXPERIENCE_YEARS = "experience_years"  # years held vs asked
    EDUCATION = "education"  # level held vs asked
    NOTHING_RECORDED = "nothing_recorded"
    JUDGED_IN_SELECTION = "judged_in_selection"  # competencies


@dataclass(frozen=True)
class RequirementSpec:
    """A requirement as published in the version that applies to the application."""

    id: int
    kind: str  # vacancies.constants.RequirementKind value
    label: str
    is_must_have: bool = True
    level: str = ""
    years: int | None = None
    description: str = ""


@dataclass(frozen=True)
class QualificationFact:
    name: str
    kind: str = ""
    issued_on: date | None = None
    expires_on: date | None = None


@dataclass(frozen=True)
class LanguageFact:
    language: str
    level: str


@dataclass(frozen=True)
class ExperienceFact:
    role: str
    years: Decimal | float
    sector: str = ""


@dataclass(frozen=True)
class CandidateProfile:
    education_level: str = ""
    qualifications: tuple[QualificationFact, ...] = ()
    skills: tuple[str, ...] = ()
    languages: tuple[LanguageFact, ...] = ()
    experiences: tuple[ExperienceFact, ...] = ()


@dataclass(frozen=True)
class Fact:
    kind: FactKind
    subject: str  # the requirement's label
    held: str = ""  # what the candidate has: a level, a number of years, a date
    asked: str = ""  # what the requirement asks
    on: date | None = None  # expiry date

    @property
    def english(self) -> str:
        """A plain English rendering for logs and tests (the candidate reads drafting's translated text)."""
        return _ENGLISH[self.kind].format(subject=self.subject, held=self.held, asked=self.asked, on=self.on)


_ENGLISH = {
    FactKind.HELD: "{subject}: in your profile",
    FactKind.NOT_IN_PROFILE: "{subject}: not in your profile",
    FactKind.EXPIRED_ON: "{subject} expired on {on:%-d %B %Y}",
    FactKind.EXPIRES_ON: "{subject} expires on {on:%-d %B %Y}",
    FactKind.LANGUAGE_LEVEL: "{subject}: {held}, required {asked}",
    FactKind.LANGUAGE_MISSING: "{subject}: not in your profile, required {asked}",
    FactKind.EXPERIENCE_YEARS: "{held} years of experience, {asked} asked",
    FactKind.EDUCATION: "{held}, {asked} asked",
    FactKind.NOTHING_RECORDED: "{subject}: nothing in the record either way",
    FactKind.JUDGED_IN_SELECTION: "{subject}: judged in the selection, not from the profile",
}


@dataclass(frozen=True)
class RequirementAssessment:
    requirement: RequirementSpec
    status: Status
    fact: Fact
    matched: tuple[str, ...] = field(default=())  # names in the profile that matched

    @property
    def is_gap(self) -> bool:
        """True when the record shows the requirement is not met (unmet or expired)."""
        return self.status in (Status.UNMET, Status.EXPIRED)


def normalise_name(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a name ("BIG-registratie" == "big registratie")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w]+", " ", stripped).split())


def names_match(required: str, held: str) -> bool:
    """Whether a name in the profile is the required one. The one place to swap in a synonym vocabulary."""
    return normalise_name(required) == normalise_name(held)


NameMatcher = Callable[[str, str], bool]


def assess_requirements(
    requirements: Iterable[RequirementSpec],
    candidate_profile: CandidateProfile,
    today: date,
    *,
    expiring_within_days: int = EXPIRING_WITHIN_DAYS,
    matcher: NameMatcher | None = None,
) -> list[RequirementAssessment]:
    """Assess each requirement against the profile: met / unmet / expired / expiring / unknown, with its fact.

    ``matcher(required, held)`` decides whether a qualification or skill name in the profile is the required
    one; by default ``names_match``. ``matching.selectors.name_matcher(organisation)`` gives the
    organisation's vocabulary-aware one (synonyms, Dutch/English, stemming, compounds, typos).
    """
    horizon = today + timedelta(days=expiring_within_days)
    match = matcher or names_match
    return [_assess_one(req, candidate_profile, today, horizon, match) for req in requirements]


def _assess_one(
    req: RequirementSpec, profile: CandidateProfile, today: date, horizon: date, match: NameMatcher
) -> RequirementAssessment:
    if req.kind in QUALIFICATION_KINDS:
        return _assess_qualification(req, profile.qualifications, today, horizon, match)
    if req.kind == "skill":
        return _assess_skill(req, profile.skills, match)
    if req.kind == "language":
        return _assess_language(req, profile.languages)
    if req.kind == "experience":
        return _assess_experience(req, profile.experiences)
    if req.kind == "education_level":
        return _assess_education(req, profile.education_level)
    return RequirementAssessment(req, Status.UNKNOWN, Fact(FactKind.JUDGED_IN_SELECTION, req.label))


def _unknown(req: RequirementSpec) -> RequirementAssessment:
    return RequirementAssessment(req, Status.UNKNOWN, Fact(FactKind.NOTHING_RECORDED, req.label))


def _assess_qualification(
    req: RequirementSpec, held: Sequence[QualificationFact], today: date, horizon: date, match: NameMatcher
) -> RequirementAssessment:
    if not held:
        return _unknown(req)
    matches = [q for q in held if match(req.label, q.name)]
    if not matches:
        return RequirementAssessment(req, Status.UNMET, Fact(FactKind.NOT_IN_PROFILE, req.label))
    # The candidate may hold an old and a renewed one: judge by the one valid longest.
    best = max(matches, key=lambda q: q.expires_on or date.max)
    names = tuple(q.name for q in matches)
    if best.expires_on is not None and best.expires_on < today:
        return RequirementAssessment(
            req, Status.EXPIRED, Fact(FactKind.EXPIRED_ON, req.label, on=best.expires_on), names
        )
    if best.expires_on is not None and best.expires_on <= horizon:
        return RequirementAssessment(
            req, Status.EXPIRING, Fact(FactKind.EXPIRES_ON, req.label, on=best.expires_on), names
        )
    return RequirementAssessment(req, Status.MET, Fact(FactKind.HELD, req.label), names)


def _assess_skill(req: RequirementSpec, skills: Sequence[str], match: NameMatcher) -> RequirementAssessment:
    if not skills:
        return _unknown(req)
    matches = tuple(s for s in skills if match(req.label, s))
    if not matches:
        return RequirementAssessment(req, Status.UNMET, Fact(FactKind.NOT_IN_PROFILE, req.label))
    return RequirementAssessment(req, Status.MET, Fact(FactKind.HELD, req.label), matches)


def _language_key(name: str) -> str:
    normalised = normalise_name(name)
    return _LANGUAGE_ALIASES.get(normalised, normalised)


def _language_of(req: RequirementSpec) -> str:
    # A label may carry the level ("Nederlands C1"); the language is what remains.
    words = [w for w in req.label.split() if w.upper() not in CEFR_LEVELS and w.lower() not in ("niveau", "level")]
    return " ".join(words) or req.label


def _assess_language(req: RequirementSpec, languages: Sequence[LanguageFact]) -> RequirementAssessment:
    name = _language_of(req)
    asked = req.level.upper() if req.level.upper() in CEFR_LEVELS else ""
    if not languages:
        return _unknown(req)
    held = next((lang for lang in languages if _language_key(lang.language) == _language_key(name)), None)
    if held is None:
        return RequirementAssessment(req, Status.UNMET, Fact(FactKind.LANGUAGE_MISSING, name, asked=asked or "-"))
    fact = Fact(FactKind.LANGUAGE_LEVEL, name, held=held.level, asked=asked or "-")
    if asked and held.level.upper() in CEFR_LEVELS and CEFR_LEVELS.index(held.level.upper()) < CEFR_LEVELS.index(asked):
        return RequirementAssessment(req, Status.UNMET, fact, (held.language,))
    return RequirementAssessment(req, Status.MET, fact, (held.language,))


def _significant_words(text: str) -> set[str]:
    return {w for w in normalise_name(text).split() if w not in _GENERIC_WORDS and not w.isdigit() and len(w) > 2}


def _relevant(experience: ExperienceFact, wanted: set[str]) -> bool:
    if not wanted:
        return True
    held = _significant_words(f"{experience.role} {experience.sector}")
    # Words of 5+ letters match on their first five, so "verpleegkundige" matches "verpleegkunde".
    return any(h == w or (min(len(h), len(w)) >= 5 and h[:5] == w[:5]) for h in held for w in wanted)


def _assess_experience(req: RequirementSpec, experiences: Sequence[ExperienceFact]) -> RequirementAssessment:
    if not experiences or req.years is None:
        return _unknown(req)
    wanted = _significant_words(req.label)
    relevant = [e for e in experiences if _relevant(e, wanted)]
    total = sum((Decimal(str(e.years)) for e in relevant), Decimal(0))
    fact = Fact(FactKind.EXPERIENCE_YEARS, req.label, held=_years(total), asked=str(req.years))
    status = Status.MET if total >= req.years else Status.UNMET
    return RequirementAssessment(req, status, fact, tuple(e.role for e in relevant))


def _years(value: Decimal) -> str:
    return str(int(value)) if value == value.to_integral_value() else str(value.normalize())


def _assess_education(req: RequirementSpec, held: str) -> RequirementAssessment:
    asked = req.level.lower()
    if not held or asked not in EDUCATION_LEVELS or held.lower() not in EDUCATION_LEVELS:
        return _unknown(req)
    fact = Fact(FactKind.EDUCATION, req.label, held=held.lower(), asked=asked)
    met = EDUCATION_LEVELS.index(held.lower()) >= EDUCATION_LEVELS.index(asked)
    return RequirementAssessment(req, Status.MET if met else Status.UNMET, fact)
