"""A vacancy with many applications whose records differ, for the bulk rejection test, benchmark and demo.

``build_sample(size=1000, seed=...)`` writes, with ``bulk_create`` (a few
seconds for 10,000 applications on SQLite), one vacancy of a hospital
("Anesthesiemedewerker") with five must-have requirements and a nice-to-have,
three interview criteria, a recruiter and three evaluators, and ``size``
candidates who each applied once. Every record is drawn from a seeded random
stream, and what was drawn is kept beside it (``SampleRecord``), so a test can
check each letter against what its record really says without reading it back
through the code under test:

* qualifications: the BIG registration valid, expired or missing and the
  partial certificate held or not; some candidates recorded no qualifications
  at all (then the record says nothing either way);
* Dutch at a level from A2 to C2 (C1 asked), English only, or no languages;
* years of relevant (care) or unrelated experience, or none recorded;
* an education level (MBO 4 asked), or none;
* CV screening (no scorecards) or the interview, with one or two submitted
  scorecards rating each criterion 1 to 4 with evidence. A few evaluators wrote
  evidence that touches a protected ground (age): the gate must stop those letters.

So that even a small sample has both kinds of exceptions, every ``EVERY``-th
candidate meets all requirements without an interview, and the next one meets
them too but drew the remark about age.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone

from nagesprek.accounts.models import User
from nagesprek.applications.models import Application
from nagesprek.candidates.models import Candidate, Experience, LanguageSkill, Qualification, Skill
from nagesprek.evaluations.models import CriterionRating, Scorecard
from nagesprek.organisations.constants import OrganisationKind, Role
from nagesprek.organisations.models import Department, Membership, Organisation
from nagesprek.rejections.defaults import install_default_gate_rules
from nagesprek.vacancies.constants import RequirementKind, StageKind, VacancyStatus
from nagesprek.vacancies.models import Criterion, JobFamily, Requirement, Stage, Vacancy

BIG = "BIG-registratie"
CERTIFICATE = "Deelcertificaat Anesthesiologie"
DUTCH_LEVELS = ("A2", "B1", "B2", "C1", "C2")
DUTCH_ASKED = "C1"
YEARS_ASKED = 2
EDUCATION_LEVELS = ("mbo3", "mbo4", "hbo")
EDUCATION_ASKED = "mbo4"
COMPETENCIES = ("Plannen en organiseren", "Samenwerken")
AGE_EVIDENCE = "Zij is met haar leeftijd eigenlijk te oud voor ons jonge team."
EVIDENCE = {
    1: (
        "Kon geen voorbeeld geven van een eigen aanpak en bleef bij algemene antwoorden.",
        "Gaf bij de casus geen prioriteiten aan en vroeg niet door.",
        "Liet in de rollenspellen weinig zien van wat de functie vraagt.",
    ),
    2: (
        "Noemde een voorbeeld, maar kon niet uitleggen welke keuzes zij zelf maakte.",
        "Deed een deel van de opdracht goed, miste de overdracht aan collega's.",
        "Gaf twee goede antwoorden en twee die te algemeen bleven.",
    ),
    3: (
        "Gaf een concreet voorbeeld uit het vorige werk en legde de keuzes uit.",
        "Werkte de casus rustig en volledig uit.",
    ),
    4: (
        "Gaf meerdere sterke voorbeelden en liet zien hoe zij anderen meenam.",
        "Werkte de casus foutloos uit en lichtte elke stap toe.",
    ),
}
# Every EVERY-th candidate meets all requirements and was not interviewed (the record supports no reason);
# the next one also meets them but got a remark about age in the interview (the gate stops the letter).
EVERY = 20
PASSWORD = "correct horse battery staple"  # noqa: S105 - the demo and test password of every sample user


@dataclass(frozen=True)
class SampleRecord:
    """What was drawn for one candidate: the truth a letter must agree with."""

    language: str
    big: str  # "valid", "expired", "missing" or "" (no qualifications recorded at all)
    big_expired_on: datetime.date | None
    certificate: bool | None  # None: no qualifications recorded
    dutch: str  # a level, "none" (English only) or "" (no languages recorded)
    years: Decimal | None  # relevant years; None: no experience recorded
    education: str  # a level or ""
    interviewed: bool
    ratings: dict[str, tuple[tuple[int, str], ...]] = field(
        default_factory=dict
    )  # criterion label → (rating, evidence)


@dataclass
class Sample:
    organisation: Organisation
    vacancy: Vacancy
    recruiter: User
    evaluators: list[User]
    cv_screening: Stage
    interview: Stage
    requirements: dict[str, Requirement]  # by label
    criteria: dict[str, Criterion]  # by label
    records: dict[int, SampleRecord]  # by application id

    @property
    def application_ids(self) -> list[int]:
        return sorted(self.records)


def build_sample(
    *, size: int, seed: int = 42, organisation: Organisation | None = None, four_eyes: bool = False
) -> Sample:
    """Write a vacancy with ``size`` applications with varied records (see the module docstring)."""
    rng = random.Random(seed)
    organisation = organisation or _organisation(seed, four_eyes)
    install_default_gate_rules(organisation)
    tag = f"{seed}-{Vacancy.objects.filter(organisation=organisation).count() + 1}"  # a second sample, same seed
    recruiter, evaluators = _staff(organisation, tag)
    vacancy, cv_screening, interview, requirements, criteria = _vacancy(organisation, recruiter, evaluators, tag)
    drawn = [_draw(rng, n) for n in range(size)]
    candidates = Candidate.objects.bulk_create(
        Candidate(
            organisation=organisation,
            email=f"sollicitant{tag}-{n}@example.net",
            full_name=f"Sollicitant {n:05d}",
            language=record.language,
            education_level=record.education,
            cv_text="Anesthesiemedewerker in opleiding.",
        )
        for n, record in enumerate(drawn)
    )
    _profiles(candidates, drawn)
    applied_at = timezone.now() - datetime.timedelta(days=30)
    applications = Application.objects.bulk_create(
        Application(
            organisation=organisation,
            candidate=candidate,
            vacancy=vacancy,
            stage=interview if record.interviewed else cv_screening,
            applied_at=applied_at,
        )
        for candidate, record in zip(candidates, drawn, strict=True)
    )
    drawn = [_with_ratings(rng, record, age_remark=n % EVERY == 1) for n, record in enumerate(drawn)]
    _scorecards(applications, drawn, interview, criteria, evaluators)
    records = {application.pk: record for application, record in zip(applications, drawn, strict=True)}
    return Sample(
        organisation, vacancy, recruiter, evaluators, cv_screening, interview, requirements, criteria, records
    )


def _organisation(seed: int, four_eyes: bool) -> Organisation:
    slug = f"ziekenhuis-{seed}-{Organisation.objects.count() + 1}"
    return Organisation.objects.create(
        slug=slug, name=f"Ziekenhuis {slug}", kind=OrganisationKind.HOSPITAL, four_eyes_review=four_eyes
    )


def _staff(organisation: Organisation, tag: str) -> tuple[User, list[User]]:
    prefix = f"{organisation.slug}-{tag}"
    recruiter = User.objects.create_user(
        email=f"recruiter-{prefix}@example.org", password=PASSWORD, full_name="Rita Recruiter"
    )
    evaluators = [
        User.objects.create_user(email=f"beoordelaar{n}-{prefix}@example.org", password=PASSWORD, full_name=name)
        for n, name in enumerate(("Eva Evers", "Bram Bos", "Noor Nijland"))
    ]
    Membership.objects.bulk_create(
        [Membership(user=recruiter, organisation=organisation, role=Role.RECRUITER)]
        + [Membership(user=user, organisation=organisation, role=Role.EVALUATOR) for user in evaluators]
    )
    return recruiter, evaluators


def _vacancy(organisation: Organisation, recruiter: User, evaluators: list[User], tag: str):
    department, _created = Department.objects.get_or_create(organisation=organisation, name="Operatiekamers")
    family, _created = JobFamily.objects.get_or_create(organisation=organisation, name="Anesthesie en OK")
    vacancy = Vacancy.objects.create(
        organisation=organisation,
        department=department,
        job_family=family,
        reference=f"OK-{tag}",
        title="Anesthesiemedewerker",
        description="Je bereidt anesthesie voor en begeleidt patiënten op de operatiekamer.",
        location="Delft",
        hours_min=28,
        hours_max=36,
        closing_date=timezone.localdate() - datetime.timedelta(days=21),
        status=VacancyStatus.CLOSED,
    )
    vacancy.recruiters.add(recruiter)
    vacancy.evaluators.add(*evaluators)
    specs = [
        (RequirementKind.REGISTRATION, BIG, True, "", None),
        (RequirementKind.CERTIFICATE, CERTIFICATE, True, "", None),
        (RequirementKind.LANGUAGE, "Nederlands", True, DUTCH_ASKED, None),
        (RequirementKind.EXPERIENCE, "Werkervaring in de zorg", True, "", YEARS_ASKED),
        (RequirementKind.EDUCATION_LEVEL, "Opleiding", True, EDUCATION_ASKED, None),
        (RequirementKind.SKILL, "Excel", False, "", None),
    ]
    requirements = {
        label: Requirement.objects.create(
            vacancy=vacancy, kind=kind, label=label, is_must_have=must, level=level, years=years, position=n
        )
        for n, (kind, label, must, level, years) in enumerate(specs)
    }
    cv_screening = Stage.objects.create(vacancy=vacancy, kind=StageKind.CV_SCREENING, name="Cv-selectie", position=0)
    interview = Stage.objects.create(vacancy=vacancy, kind=StageKind.INTERVIEW, name="Eerste gesprek", position=1)
    Stage.objects.create(vacancy=vacancy, kind=StageKind.OFFER, name="Aanbod", position=2)
    criteria = {
        label: Criterion.objects.create(stage=interview, competency=label, position=n)
        for n, label in enumerate(COMPETENCIES)
    }
    criteria["Nederlands"] = Criterion.objects.create(
        stage=interview, requirement=requirements["Nederlands"], position=len(COMPETENCIES)
    )
    vacancy.requirements_frozen_at = timezone.now() - datetime.timedelta(days=20)
    vacancy.save(update_fields=["requirements_frozen_at"])
    return vacancy, cv_screening, interview, requirements, criteria


def _draw(rng: random.Random, n: int) -> SampleRecord:
    if n % EVERY in (0, 1):  # meets every requirement: no reason without a low rating, an exception either way
        return SampleRecord("nl", "valid", None, True, "C1", Decimal(3), "hbo", interviewed=n % EVERY == 1)
    recorded = rng.random() < 0.85
    big = rng.choices(("valid", "expired", "missing"), (6, 2, 2))[0] if recorded else ""
    expired_on = datetime.date(2020, 1, 1) + datetime.timedelta(days=rng.randrange(1500)) if big == "expired" else None
    dutch = rng.choices(("", "none", *DUTCH_LEVELS), (1, 1, 1, 2, 2, 4, 2))[0]
    years = Decimal(rng.choice(("0.5", "1", "1.5", "2", "3", "4", "6"))) if rng.random() < 0.8 else None
    return SampleRecord(
        language=rng.choices(("nl", "en"), (4, 1))[0],
        big=big,
        big_expired_on=expired_on,
        certificate=(rng.random() < 0.7) if recorded else None,
        dutch=dutch,
        years=years,
        education=rng.choices(("", *EDUCATION_LEVELS), (1, 2, 4, 3))[0],
        interviewed=rng.random() < 0.6,
    )


def _profiles(candidates: list[Candidate], drawn: list[SampleRecord]) -> None:
    qualifications, languages, experiences, skills = [], [], [], []
    for candidate, record in zip(candidates, drawn, strict=True):
        if record.big in ("valid", "expired"):
            expires = record.big_expired_on or datetime.date(2031, 6, 1)
            qualifications.append(Qualification(candidate=candidate, kind="registration", name=BIG, expires_on=expires))
        if record.certificate:
            qualifications.append(
                Qualification(
                    candidate=candidate, kind="certificate", name=CERTIFICATE, issued_on=datetime.date(2024, 9, 1)
                )
            )
        if record.big == "missing" and not record.certificate:  # the section is not empty: these are unmet
            qualifications.append(Qualification(candidate=candidate, kind="certificate", name="EHBO"))
        if record.dutch:
            languages.append(LanguageSkill(candidate=candidate, language="Engels", level="B2"))
        if record.dutch in DUTCH_LEVELS:
            languages.append(LanguageSkill(candidate=candidate, language="Nederlands", level=record.dutch))
        if record.years is not None:
            experiences.append(
                Experience(candidate=candidate, role="Anesthesiemedewerker", sector="Zorg", years=record.years)
            )
            experiences.append(
                Experience(candidate=candidate, role="Medewerker klantcontact", sector="Overheid", years=3)
            )
        skills.append(Skill(candidate=candidate, name="Word"))
    Qualification.objects.bulk_create(qualifications)
    LanguageSkill.objects.bulk_create(languages)
    Experience.objects.bulk_create(experiences)
    Skill.objects.bulk_create(skills)


def _with_ratings(rng: random.Random, record: SampleRecord, *, age_remark: bool = False) -> SampleRecord:
    if age_remark:  # one evaluator, and the remark the gate must stop
        fixed: dict[str, tuple[tuple[int, str], ...]] = {
            "Plannen en organiseren": ((3, EVIDENCE[3][0]),),
            "Samenwerken": ((1, AGE_EVIDENCE),),
            "Nederlands": ((4, EVIDENCE[4][0]),),
        }
        return SampleRecord(**{**record.__dict__, "ratings": fixed})
    if not record.interviewed:
        return record
    scorecards = rng.choice((1, 1, 2))
    ratings: dict[str, tuple[tuple[int, str], ...]] = {}
    for label in (*COMPETENCIES, "Nederlands"):
        given = []
        for _n in range(scorecards):
            rating = rng.choices((1, 2, 3, 4), (1, 2, 4, 3))[0]
            evidence = rng.choice(EVIDENCE[rating])
            # A few single-scorecard interviews carry evidence the gate must stop (it is quoted when rated 1).
            if scorecards == 1 and rating == 1 and label == "Samenwerken" and rng.random() < 0.5:
                evidence = AGE_EVIDENCE
            given.append((rating, evidence))
        ratings[label] = tuple(given)
    return SampleRecord(**{**record.__dict__, "ratings": ratings})


def _scorecards(applications, drawn, interview, criteria, evaluators) -> None:
    submitted = timezone.now() - datetime.timedelta(days=10)
    cards, rows = [], []
    for application, record in zip(applications, drawn, strict=True):
        for n in range(len(next(iter(record.ratings.values()), ()))):
            card = Scorecard(application=application, stage=interview, evaluator=evaluators[n], submitted_at=submitted)
            cards.append(card)
            rows.append([(criteria[label], given[n]) for label, given in record.ratings.items()])
    Scorecard.objects.bulk_create(cards)
    CriterionRating.objects.bulk_create(
        CriterionRating(scorecard=card, criterion=criterion, rating=rating, evidence=evidence)
        for card, row in zip(cards, rows, strict=True)
        for criterion, (rating, evidence) in row
    )
