"""Write a plausible CV from a role profile: stronger fits list more of what the vacancies ask for.

Nothing here writes an age, a birth date, a nationality, a religion or a health fact;
languages are listed with a CEFR level only, as a job requirement would name them.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from nagesprek.demo.catalogue.profiles import EARLIER_JOBS, OTHER_EDUCATION, SKILLS_EN
from nagesprek.demo.catalogue.types import CvProfile
from nagesprek.vacancies.constants import EDUCATION_RANK, EducationLevel

STRONG, PARTIAL, WEAK = 2, 1, 0

MOTIVATION = (
    (
        "Ik zoek een baan met een maatschappelijke opdracht, waarin ik mensen echt verder help.",
        "I am looking for a job with a public purpose, where I can really help people.",
    ),
    (
        "Ik wil me verder ontwikkelen en meer verantwoordelijkheid dragen.",
        "I want to keep developing and take on more responsibility.",
    ),
    (
        "Ik houd van afwisseling en werk graag samen in een hecht team.",
        "I enjoy variety and like working in a close team.",
    ),
    (
        "Ik werk nauwkeurig en houd ook op drukke dagen het overzicht.",
        "I work accurately and keep an overview on busy days as well.",
    ),
)
SWITCH = (
    "Ik wil overstappen naar werk als {title} en leer snel.",
    "I want to move into work as a {title} and learn quickly.",
)
INTERNSHIP = ("Stage: {title} bij {employer} (6 maanden)", "Internship: {title} at {employer} (6 months)")
HEADINGS = {
    "nl": ("Profiel", "Werkervaring", "Opleiding", "Certificaten en registraties", "Vaardigheden", "Talen"),
    "en": ("Profile", "Work experience", "Education", "Certificates and registrations", "Skills", "Languages"),
}


@dataclass(frozen=True)
class Cv:
    text: str
    education_level: EducationLevel


def write_cv(profile: CvProfile, fit: int, language: str, rng: random.Random) -> Cv:
    """A CV in `language` ("nl" or "en") for someone from `profile` who fits `fit` (STRONG, PARTIAL, WEAK)."""
    english = language == "en"
    years = _years(profile, fit, rng)
    title = rng.choice(profile.titles_en if english else profile.titles)
    employer = rng.choice(profile.employers_en if english else profile.employers)
    level, diploma = _education(profile, fit, english, rng)
    headings = HEADINGS["en" if english else "nl"]
    sections = [
        (headings[0], [_summary(title, employer, years, english, rng)]),
        (headings[1], _experience(profile, title, employer, years, fit, english, rng)),
        (headings[2], [diploma]),
        (headings[3], [f"- {item}" for item in _credentials(profile, fit, rng)]),
        (headings[4], [f"- {item}" for item in _skills(profile, fit, english)]),
        (headings[5], [_languages(english, rng)]),
    ]
    text = "\n\n".join(f"{heading}\n" + "\n".join(lines) for heading, lines in sections if lines)
    return Cv(text, level)


def _years(profile: CvProfile, fit: int, rng: random.Random) -> int:
    low, high = profile.years
    if fit == STRONG:
        return rng.randint(low + (high - low) // 3, high)
    if fit == PARTIAL:
        # Without a missing credential to set them apart, partial fits lack experience instead.
        top = low + (high - low) // 2 if profile.credentials else max(low - 1, 0)
        return rng.randint(min(low, top), top)
    return rng.choice((0, 0, max(low - 1, 0)))


def _summary(title: str, employer: str, years: int, english: bool, rng: random.Random) -> str:
    motivation = rng.choice(MOTIVATION)[1 if english else 0]
    if years == 0:
        return SWITCH[1 if english else 0].format(title=title.lower()) + " " + motivation
    if english:
        unit = "year" if years == 1 else "years"
        return f"{title} with {years} {unit} of experience at {employer}. {motivation}"
    return f"{title} met {years} jaar ervaring bij {employer}. {motivation}"


def _experience(
    profile: CvProfile, title: str, employer: str, years: int, fit: int, english: bool, rng: random.Random
) -> list[str]:
    duties = profile.duties_en if english else profile.duties
    lines = []
    if years:
        duration = f"{years} {'year' if years == 1 else 'years'}" if english else f"{years} jaar"
        at = "at" if english else "bij"
        lines.append(f"{title} {at} {employer} ({duration})")
        count = {STRONG: 4, PARTIAL: 3, WEAK: 2}[fit]
        lines += [f"- {d}" for d in rng.sample(duties, min(count, len(duties)))]
    elif rng.random() < 0.6:
        internship = INTERNSHIP[1 if english else 0]
        lines.append(internship.format(title=title.lower(), employer=employer))
        lines.append(f"- {rng.choice(duties)}")
    if rng.random() < 0.6 or not lines:
        earlier = rng.choice(EARLIER_JOBS)[1 if english else 0]
        span = rng.randint(1, 4)
        unit = ("year" if span == 1 else "years") if english else "jaar"
        lines.append(f"{earlier} ({span} {unit})")
    return lines


def _education(profile: CvProfile, fit: int, english: bool, rng: random.Random) -> tuple[EducationLevel, str]:
    level, dutch, in_english = profile.education
    if fit == WEAK and rng.random() < 0.5:
        rank = max(EDUCATION_RANK[level] - 1, 0)
        lower = EducationLevel(EducationLevel.values[rank])
        return lower, OTHER_EDUCATION[lower][1 if english else 0]
    return level, in_english if english else dutch


def _credentials(profile: CvProfile, fit: int, rng: random.Random) -> list[str]:
    if fit == WEAK:
        return [e for e in profile.extras if rng.random() < 0.15]
    held = list(profile.credentials)
    if fit == PARTIAL and held:
        held.remove(rng.choice(held))
    chance = 0.6 if fit == STRONG else 0.3
    return held + [e for e in profile.extras if rng.random() < chance]


def _skills(profile: CvProfile, fit: int, english: bool) -> list[str]:
    keep = {STRONG: len(profile.skills), PARTIAL: max(len(profile.skills) - 1, 1), WEAK: min(2, len(profile.skills))}
    skills = profile.skills[: keep[fit]]
    return [SKILLS_EN.get(skill, skill) for skill in skills] if english else list(skills)


def _languages(english: bool, rng: random.Random) -> str:
    if english:
        dutch = rng.choice(("A2", "B1", "B1", "B2"))
        return f"English (C2), Dutch ({dutch})"
    dutch = rng.choice(("C2", "C2", "C2", "C1", "C1", "B2"))
    english_level = rng.choice(("B1", "B2", "B2", "C1"))
    extra = rng.choice(("", "", ", Duits (B1)", ", Frans (A2)", ", Spaans (B1)"))
    return f"Nederlands ({dutch}), Engels ({english_level}){extra}"
