"""Write a plausible CV from a role profile, and the structured profile a recruiter would record from it.

Stronger fits hold more of what the vacancies ask for. The recorded names are the
vacancies' own requirement labels, so the requirement assessment can compare them.
Nothing here writes an age, a birth date, a nationality, a religion or a health fact;
languages carry a CEFR level only, as a job requirement would name them.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from nagesprek.candidates.constants import QualificationKind
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
SWITCH = ("Ik wil overstappen naar werk als {title} en leer snel.", "I want to move into work as a {title}.")
INTERNSHIP = ("Stage: {title} bij {employer} (6 maanden)", "Internship: {title} at {employer} (6 months)")
JOB = ("{title} bij {employer} ({years} jaar)", "{title} at {employer} ({years} {unit})")
HEADINGS = (
    ("Profiel", "Werkervaring", "Opleiding", "Certificaten en registraties", "Vaardigheden", "Talen"),
    ("Profile", "Work experience", "Education", "Certificates and registrations", "Skills", "Languages"),
)
LANGUAGE_NAMES_EN = {
    "Nederlands": "Dutch",
    "Engels": "English",
    "Duits": "German",
    "Frans": "French",
    "Spaans": "Spanish",
}


@dataclass
class Cv:
    """The CV text and the profile recorded from it (names in Dutch, the organisation's vocabulary)."""

    text: str = ""
    education_level: str = ""
    qualifications: list[tuple[str, str]] = field(default_factory=list)  # (name, QualificationKind)
    skills: list[str] = field(default_factory=list)
    languages: list[tuple[str, str]] = field(default_factory=list)  # (language, CEFR level)
    experiences: list[tuple[str, str, float]] = field(default_factory=list)  # (role, sector, years)


def write_cv(profile: CvProfile, fit: int, language: str, rng: random.Random) -> Cv:
    """A CV in `language` ("nl" or "en") for someone from `profile` who fits `fit` (STRONG, PARTIAL, WEAK)."""
    en = int(language == "en")
    cv = Cv()
    years = _years(profile, fit, rng)
    title = rng.choice(profile.titles_en if en else profile.titles)
    employer = rng.choice(profile.employers_en if en else profile.employers)
    diploma = _education(cv, profile, fit, en, rng)
    documents = _documents(cv, profile, fit, rng)
    skills = _skills(cv, profile, fit)
    sections = (
        [_summary(title, employer, years, en, rng)],
        _experience(cv, profile, title, employer, years, fit, en, rng),
        [diploma],
        [f"- {name}" for name in documents],
        [f"- {SKILLS_EN.get(skill, skill) if en else skill}" for skill in skills],
        [_languages(cv, en, rng)],
    )
    cv.text = "\n\n".join(
        f"{heading}\n" + "\n".join(lines) for heading, lines in zip(HEADINGS[en], sections, strict=True) if lines
    )
    return cv


def qualification_kind(name: str) -> str:
    """How a recorded document is filed: registration, diploma, licence or (by default) certificate."""
    lowered = name.lower()
    if "registratie" in lowered:
        return QualificationKind.REGISTRATION
    if lowered.startswith(("diploma", "masterdiploma", "artsdiploma", "vmbo-diploma")):
        return QualificationKind.DIPLOMA
    if lowered.startswith(("rijbewijs", "vca")):
        return QualificationKind.LICENCE
    return QualificationKind.CERTIFICATE


def _years(profile: CvProfile, fit: int, rng: random.Random) -> int:
    low, high = profile.years
    if fit == STRONG:
        return rng.randint(low + (high - low) // 3, high)
    if fit == PARTIAL:
        # Without a document to miss, a partial fit falls short on experience instead.
        top = low + (high - low) // 2 if profile.credentials or profile.key_skills else max(low - 1, 0)
        return rng.randint(min(low, top), top)
    return rng.choice((0, 0, max(low - 1, 0)))


def _summary(title: str, employer: str, years: int, en: int, rng: random.Random) -> str:
    motivation = rng.choice(MOTIVATION)[en]
    if years == 0:
        return SWITCH[en].format(title=title.lower()) + " " + motivation
    if en:
        unit = "year" if years == 1 else "years"
        return f"{title} with {years} {unit} of experience at {employer}. {motivation}"
    return f"{title} met {years} jaar ervaring bij {employer}. {motivation}"


def _experience(
    cv: Cv, profile: CvProfile, title: str, employer: str, years: int, fit: int, en: int, rng: random.Random
) -> list[str]:
    duties = profile.duties_en if en else profile.duties
    lines = []
    if years:
        lines.append(
            JOB[en].format(title=title, employer=employer, years=years, unit="year" if years == 1 else "years")
        )
        count = {STRONG: 4, PARTIAL: 3, WEAK: 2}[fit]
        lines += [f"- {duty}" for duty in rng.sample(duties, min(count, len(duties)))]
        cv.experiences.append((title, profile.sector, float(years)))
    elif rng.random() < 0.6:
        lines.append(INTERNSHIP[en].format(title=title.lower(), employer=employer))
        lines.append(f"- {rng.choice(duties)}")
        cv.experiences.append((title, profile.sector, 0.5))
    if rng.random() < 0.6 or not lines:
        role, where, role_en, where_en = rng.choice(EARLIER_JOBS)
        span = rng.randint(1, 4)
        lines.append(JOB[en].format(title=role_en if en else role, employer=where_en if en else where, years=span,
                                    unit="year" if span == 1 else "years"))  # fmt: skip
        cv.experiences.append((role_en if en else role, "", float(span)))
    return lines


def _education(cv: Cv, profile: CvProfile, fit: int, en: int, rng: random.Random) -> str:
    level, dutch, english, recorded = profile.education
    if fit == WEAK and rng.random() < 0.5:
        level = EducationLevel(EducationLevel.values[max(EDUCATION_RANK[level] - 1, 0)])
        dutch, english, recorded = OTHER_EDUCATION[level]
    cv.education_level = level
    cv.qualifications.append((recorded, QualificationKind.DIPLOMA))
    return english if en else dutch


def _documents(cv: Cv, profile: CvProfile, fit: int, rng: random.Random) -> list[str]:
    if fit == WEAK:
        held = [e for e in profile.extras if rng.random() < 0.15]
    else:
        held = list(profile.credentials)
        if fit == PARTIAL and held:
            held.remove(rng.choice(held))
        chance = 0.6 if fit == STRONG else 0.3
        held += [e for e in profile.extras if rng.random() < chance]
    cv.qualifications += [(name, qualification_kind(name)) for name in held]
    return held


def _skills(cv: Cv, profile: CvProfile, fit: int) -> list[str]:
    """Strong fits have every skill; partial ones miss a nice-to-have; weak ones the key skills too."""
    others = profile.skills
    if fit == STRONG:
        held = [*profile.key_skills, *others]
    elif fit == PARTIAL:
        held = [*profile.key_skills, *others[:-1]] if len(others) > 1 else [*profile.key_skills, *others]
    else:
        held = list(others[:2])
    cv.skills = held
    return held


def _languages(cv: Cv, en: int, rng: random.Random) -> str:
    if en:
        cv.languages = [("Engels", "C2"), ("Nederlands", rng.choice(("A2", "B1", "B1", "B2")))]
    else:
        cv.languages = [("Nederlands", rng.choice(("C2", "C2", "C2", "C1", "C1", "B2")))]
        cv.languages.append(("Engels", rng.choice(("B1", "B2", "B2", "C1"))))
        extra = rng.choice((None, None, ("Duits", "B1"), ("Frans", "A2"), ("Spaans", "B1")))
        if extra:
            cv.languages.append(extra)
    return ", ".join(f"{LANGUAGE_NAMES_EN[name] if en else name} ({level})" for name, level in cv.languages)
