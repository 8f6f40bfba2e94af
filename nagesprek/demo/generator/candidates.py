"""Draft the candidates of one organisation and decide which vacancies each applies to.

Most applicants come from the vacancy's own role; some from a related role in the same job
family; a few look in the wrong direction altogether. About one in five also applies to a
second vacancy, so some people have several applications (still one Candidate each).
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, field

from nagesprek.demo.catalogue.people import (
    EMAIL_DOMAINS,
    FIRST_NAMES,
    INTERNATIONAL_FIRST_NAMES,
    INTERNATIONAL_SURNAMES,
    SURNAMES,
)
from nagesprek.demo.catalogue.profiles import PROFILES
from nagesprek.demo.catalogue.types import CvProfile, DemoOrganisation, VacancySpec
from nagesprek.demo.generator.cv import PARTIAL, STRONG, WEAK, Cv, write_cv
from nagesprek.vacancies.constants import VacancyStatus

APPLICANTS_PER_VACANCY = {
    VacancyStatus.OPEN: (5, 9),
    VacancyStatus.CLOSED: (8, 13),
    VacancyStatus.FILLED: (10, 14),
    VacancyStatus.CANCELLED: (6, 8),
}
ENGLISH_SHARE = 0.12
SECOND_APPLICATION_SHARE = 0.2


@dataclass
class CandidateDraft:
    full_name: str
    email: str
    phone: str
    city: str
    language: str
    cv: Cv  # the CV text and the profile recorded from it
    profile: str | None  # None for the hand-written candidates
    fit: int
    applications: list[tuple[str, tuple[int, str] | None]] = field(default_factory=list)  # (vacancy key, forced)


class NameBook:
    """Hands out names and e-mail addresses that are unique within one organisation."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.names: set[str] = set()
        self.emails: set[str] = set()

    def reserve(self, full_name: str, email: str) -> None:
        self.names.add(full_name)
        self.emails.add(email)

    def person(self, language: str) -> tuple[str, str]:
        local_share = 0.2 if language == "en" else 0.8
        for _attempt in range(50):
            first = self.rng.choice(FIRST_NAMES if self.rng.random() < local_share else INTERNATIONAL_FIRST_NAMES)
            last = self.rng.choice(SURNAMES if self.rng.random() < local_share else INTERNATIONAL_SURNAMES)
            full_name = f"{first} {last}"
            if full_name not in self.names:
                break
        email = self._email(first, last)
        self.reserve(full_name, email)
        return full_name, email

    def _email(self, first: str, last: str) -> str:
        local = f"{_ascii(first)}.{_ascii(last)}"
        domain = self.rng.choice(EMAIL_DOMAINS)
        email, n = f"{local}@{domain}", 1
        while email in self.emails:
            n += 1
            email = f"{local}{n}@{domain}"
        return email


def _ascii(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in plain.lower() if ch.isalnum() or ch == "-")


def draft_candidates(spec: DemoOrganisation, rng: random.Random) -> list[CandidateDraft]:
    """Every candidate of the organisation, with the vacancies they apply to, in a fixed order."""
    book = NameBook(rng)
    drafts = [_scripted(spec, book, i) for i in range(len(spec.scripted))]
    profiles = _org_profiles(spec)
    for vacancy in spec.vacancies:
        if vacancy.status == VacancyStatus.DRAFT:
            continue
        for _ in range(rng.randint(*APPLICANTS_PER_VACANCY[vacancy.status])):
            draft = _generated(spec, vacancy, profiles, book, rng)
            draft.applications.append((vacancy.key, None))
            drafts.append(draft)
    _second_applications(spec, drafts, rng)
    return drafts


def _scripted(spec: DemoOrganisation, book: NameBook, index: int) -> CandidateDraft:
    person = spec.scripted[index]
    book.reserve(person.full_name, person.email)
    return CandidateDraft(
        full_name=person.full_name,
        email=person.email,
        phone=person.phone,
        city=person.city,
        language=person.language,
        cv=Cv(
            text=person.cv_text,
            education_level=person.education_level,
            qualifications=list(person.qualifications),
            skills=list(person.skills),
            languages=list(person.languages),
            experiences=list(person.experiences),
        ),
        profile=None,
        fit=WEAK,
        applications=[(a.vacancy, (a.stage, a.status)) for a in person.applications],
    )


def _org_profiles(spec: DemoOrganisation) -> list[CvProfile]:
    return [p for p in PROFILES.values() if p.family in spec.families]


def _generated(
    spec: DemoOrganisation, vacancy: VacancySpec, profiles: list[CvProfile], book: NameBook, rng: random.Random
) -> CandidateDraft:
    profile = _choose_profile(vacancy, profiles, rng)
    fit = rng.choices((STRONG, PARTIAL, WEAK), weights=(35, 40, 25))[0]
    language = "en" if rng.random() < ENGLISH_SHARE else "nl"
    full_name, email = book.person(language)
    return CandidateDraft(
        full_name=full_name,
        email=email,
        phone=f"06-{rng.randint(10_000_000, 99_999_999)}",
        city=rng.choice(spec.cities),
        language=language,
        cv=write_cv(profile, fit, language, rng),
        profile=profile.key,
        fit=fit,
    )


def _choose_profile(vacancy: VacancySpec, profiles: list[CvProfile], rng: random.Random) -> CvProfile:
    roll = rng.random()
    if roll < 0.8:
        return PROFILES[vacancy.role]
    siblings = [p for p in profiles if p.family == vacancy.family and p.key != vacancy.role]
    if roll < 0.92 and siblings:
        return rng.choice(siblings)
    return rng.choice([p for p in profiles if p.family != vacancy.family])


def _second_applications(spec: DemoOrganisation, drafts: list[CandidateDraft], rng: random.Random) -> None:
    """Some generated candidates apply twice: mostly within their own job family."""
    vacancies = [v for v in spec.vacancies if v.status != VacancyStatus.DRAFT]
    for draft in drafts:
        if draft.profile is None or rng.random() >= SECOND_APPLICATION_SHARE:
            continue
        applied = {key for key, _forced in draft.applications}
        family = PROFILES[draft.profile].family
        same_family = [v for v in vacancies if v.family == family and v.key not in applied]
        pool = same_family if same_family and rng.random() < 0.7 else [v for v in vacancies if v.key not in applied]
        draft.applications.append((rng.choice(pool).key, None))


def fit_score(draft: CandidateDraft, vacancy: VacancySpec) -> float:
    """How well a candidate fits a vacancy before luck: their own role counts fully, a related one half."""
    if draft.profile is None or draft.profile == vacancy.role:
        return float(draft.fit)
    if PROFILES[draft.profile].family == vacancy.family:
        return min(draft.fit, PARTIAL) * 0.5
    return 0.0
