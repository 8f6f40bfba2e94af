"""The shapes of the demo catalogue: plain, frozen data, no Django models."""

from __future__ import annotations

from dataclasses import dataclass, field

from nagesprek.vacancies.constants import EducationLevel, RequirementKind, StageKind, VacancyStatus


@dataclass(frozen=True)
class RequirementSpec:
    kind: RequirementKind
    label: str
    description: str
    must: bool = True
    level: str = ""
    years: int | None = None


@dataclass(frozen=True)
class VacancySpec:
    """One vacancy. `closes` is the closing date in days from today (negative: in the past).

    `at_stage` is the index of the stage a closed or cancelled procedure has reached; the
    generator places every earlier decision in the past and every later one in the future.
    """

    key: str
    title: str
    department: str
    family: str
    role: str  # the CV profile whose candidates fit this vacancy best
    location: str
    hours: tuple[int, int]
    scale: str
    intro: str
    tasks: str
    requirements: tuple[RequirementSpec, ...]
    pipeline: str
    status: VacancyStatus
    closes: int
    at_stage: int = 0


@dataclass(frozen=True)
class DepartmentSpec:
    name: str
    about: str  # a short paragraph about the team, used in the vacancy text


@dataclass(frozen=True)
class StaffSpec:
    full_name: str
    mailbox: str
    roles: tuple[str, ...]
    login: bool = False  # printed by `nagesprek demo`
    departments: tuple[str, ...] = ()  # evaluators: the departments whose vacancies they assess
    language: str = "nl"


@dataclass(frozen=True)
class ScriptedApplication:
    """An application whose path is fixed: it reaches `stage` and ends there with `status`."""

    vacancy: str
    stage: int
    status: str


@dataclass(frozen=True)
class ScriptedCandidate:
    """A hand-written candidate from the article's stories; the rest are generated."""

    full_name: str
    email: str
    phone: str
    city: str
    language: str
    education_level: EducationLevel
    cv_text: str
    applications: tuple[ScriptedApplication, ...]
    # The profile as the recruiter recorded it from the CV.
    qualifications: tuple[tuple[str, str], ...] = ()  # (name, QualificationKind)
    skills: tuple[str, ...] = ()
    languages: tuple[tuple[str, str], ...] = ()  # (language, CEFR level)
    experiences: tuple[tuple[str, str, float], ...] = ()  # (role, sector, years)


@dataclass(frozen=True)
class DemoOrganisation:
    slug: str
    name: str
    kind: str
    brand_colour: str
    domain: str
    reference_prefix: str
    about: str  # one paragraph about the employer, first in every vacancy text
    offer: str  # "what we offer", with {scale} and {location}
    staff: tuple[StaffSpec, ...]
    departments: tuple[DepartmentSpec, ...]
    families: tuple[str, ...]
    vacancies: tuple[VacancySpec, ...]
    scripted: tuple[ScriptedCandidate, ...] = ()
    cities: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class CvProfile:
    """What someone in a role has done: the raw material of generated CVs (Dutch and English)."""

    key: str
    family: str
    titles: tuple[str, ...]
    titles_en: tuple[str, ...]
    employers: tuple[str, ...]
    employers_en: tuple[str, ...]
    duties: tuple[str, ...]
    duties_en: tuple[str, ...]
    education: tuple[EducationLevel, str, str, str]  # level, Dutch CV line, English CV line, diploma as recorded
    credentials: tuple[str, ...]  # documents the must-haves ask for, beyond the diploma: certificates, registrations
    extras: tuple[str, ...]  # documents the nice-to-haves ask for
    key_skills: tuple[str, ...]  # skills the must-haves ask for, by the requirement's own label
    skills: tuple[str, ...]  # other skills, the ones nice-to-haves ask for last
    sector: str  # the field of work, recorded with the experience so experience requirements can match it
    years: tuple[int, int]  # experience of a candidate who fits well


PIPELINES: dict[str, tuple[tuple[StageKind, str], ...]] = {
    "kort": (
        (StageKind.CV_SCREENING, "Cv-selectie"),
        (StageKind.INTERVIEW, "Eerste gesprek"),
        (StageKind.OFFER, "Aanbod"),
    ),
    "twee_gesprekken": (
        (StageKind.CV_SCREENING, "Cv-selectie"),
        (StageKind.INTERVIEW, "Eerste gesprek"),
        (StageKind.INTERVIEW, "Tweede gesprek"),
        (StageKind.OFFER, "Aanbod"),
    ),
    "volledig": (
        (StageKind.CV_SCREENING, "Cv-selectie"),
        (StageKind.INTERVIEW, "Eerste gesprek"),
        (StageKind.INTERVIEW, "Tweede gesprek"),
        (StageKind.ASSESSMENT, "Assessment"),
        (StageKind.OFFER, "Aanbod"),
    ),
    "technisch": (
        (StageKind.CV_SCREENING, "Cv-selectie"),
        (StageKind.INTERVIEW, "Eerste gesprek"),
        (StageKind.ASSESSMENT, "Technische opdracht"),
        (StageKind.INTERVIEW, "Tweede gesprek"),
        (StageKind.OFFER, "Aanbod"),
    ),
    "rollenspel": (
        (StageKind.CV_SCREENING, "Cv-selectie"),
        (StageKind.INTERVIEW, "Eerste gesprek"),
        (StageKind.ASSESSMENT, "Rollenspel klantgesprek"),
        (StageKind.OFFER, "Aanbod"),
    ),
    "meeloopdag": (
        (StageKind.CV_SCREENING, "Cv-selectie"),
        (StageKind.INTERVIEW, "Kennismakingsgesprek"),
        (StageKind.ASSESSMENT, "Meeloopdag"),
        (StageKind.OFFER, "Aanbod"),
    ),
}
