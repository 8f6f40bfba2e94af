"""Write one demo organisation to the database: staff, vacancies, candidates, applications.

Everything is created with bulk_create so a first `nagesprek demo` start stays fast on
SQLite. `OrganisationData` is returned so later steps (scorecards, rejections, ...) can
build on what was made here without querying it back.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field
from decimal import Decimal

from nagesprek.accounts.models import User
from nagesprek.applications.constants import CLOSED_STATUSES, ApplicationStatus
from nagesprek.applications.models import Application, StageChange
from nagesprek.candidates.models import Candidate, Experience, LanguageSkill, Qualification, Skill
from nagesprek.demo.catalogue.types import PIPELINES, DemoOrganisation, StaffSpec, VacancySpec
from nagesprek.demo.generator.candidates import CandidateDraft, draft_candidates, fit_score
from nagesprek.demo.generator.clock import DemoClock
from nagesprek.demo.generator.criteria import criteria_for
from nagesprek.demo.generator.procedures import Applicant, Path, Procedure, plan_applications, plan_timeline
from nagesprek.organisations.constants import Role
from nagesprek.organisations.models import Department, Membership, Organisation
from nagesprek.vacancies.constants import VacancyStatus
from nagesprek.vacancies.models import Criterion, JobFamily, Requirement, Stage, Vacancy


@dataclass
class OrganisationData:
    organisation: Organisation
    spec: DemoOrganisation
    staff: dict[str, User] = field(default_factory=dict)  # by mailbox
    departments: dict[str, Department] = field(default_factory=dict)
    job_families: dict[str, JobFamily] = field(default_factory=dict)
    vacancies: dict[str, Vacancy] = field(default_factory=dict)  # by catalogue key
    stages: dict[str, list[Stage]] = field(default_factory=dict)  # by vacancy key, in order
    owners: dict[str, User] = field(default_factory=dict)  # the recruiter who runs each vacancy, by key
    candidates: list[Candidate] = field(default_factory=list)
    applications: list[Application] = field(default_factory=list)


def build_organisation(
    *, spec: DemoOrganisation, password_hash: str, clock: DemoClock, rng: random.Random
) -> OrganisationData:
    """Create one organisation with everything in it. Runs inside the caller's transaction."""
    organisation = Organisation.objects.create(
        slug=spec.slug,
        name=spec.name,
        kind=spec.kind,
        brand_colour=spec.brand_colour,
        contact_email=f"werkenbij@{spec.domain}",
    )
    data = OrganisationData(organisation=organisation, spec=spec)
    _create_staff(data, password_hash)
    _create_structure(data)
    timelines = _create_vacancies(data, clock, rng)
    _assign_staff(data)
    drafts = draft_candidates(spec, rng)
    _create_candidates(data, drafts)
    _create_applications(data, drafts, timelines, clock, rng)
    return data


def _create_staff(data: OrganisationData, password_hash: str) -> None:
    # One password hash for every demo user: hashing is deliberately slow, and the demo
    # password is public anyway.
    users = [
        User(
            email=f"{person.mailbox}@{data.spec.domain}",
            full_name=person.full_name,
            language=person.language,
            password=password_hash,
        )
        for person in data.spec.staff
    ]
    User.objects.bulk_create(users)
    data.staff = {person.mailbox: user for person, user in zip(data.spec.staff, users, strict=True)}
    Membership.objects.bulk_create(
        Membership(user=data.staff[person.mailbox], organisation=data.organisation, role=role)
        for person in data.spec.staff
        for role in person.roles
    )


def _create_structure(data: OrganisationData) -> None:
    departments = [Department(organisation=data.organisation, name=d.name) for d in data.spec.departments]
    families = [JobFamily(organisation=data.organisation, name=name) for name in data.spec.families]
    Department.objects.bulk_create(departments)
    JobFamily.objects.bulk_create(families)
    data.departments = {d.name: d for d in departments}
    data.job_families = {f.name: f for f in families}


def _create_vacancies(data: OrganisationData, clock: DemoClock, rng: random.Random) -> dict[str, Procedure]:
    timelines: dict[str, Procedure] = {}
    for number, spec in enumerate(data.spec.vacancies, start=101):
        names = tuple(name for _kind, name in PIPELINES[spec.pipeline])
        if spec.status != VacancyStatus.DRAFT:
            timelines[spec.key] = plan_timeline(
                status=spec.status, stage_names=names, closes=spec.closes, at_stage=spec.at_stage, rng=rng
            )
        published = timelines[spec.key].published if spec.key in timelines else None
        data.vacancies[spec.key] = Vacancy(
            organisation=data.organisation,
            department=data.departments[spec.department],
            job_family=data.job_families[spec.family],
            reference=f"{data.spec.reference_prefix}-{clock.today.year}-{number}",
            title=spec.title,
            description=_description(data.spec, spec),
            location=spec.location,
            hours_min=spec.hours[0],
            hours_max=spec.hours[1],
            closing_date=clock.date(spec.closes),
            status=spec.status,
            published_at=clock.at(published, rng, (8, 11)) if published is not None else None,
        )
    Vacancy.objects.bulk_create(data.vacancies.values())
    _backdate_vacancies(data, clock)
    _create_requirements_and_stages(data)
    return timelines


def _description(org: DemoOrganisation, spec: VacancySpec) -> str:
    about = next(d.about for d in org.departments if d.name == spec.department)
    return "\n\n".join(
        (
            spec.intro,
            f"Wat ga je doen?\n{spec.tasks}",
            f"Waar kom je te werken?\n{about} {org.about}",
            org.offer.format(scale=spec.scale, location=spec.location),
        )
    )


def _backdate_vacancies(data: OrganisationData, clock: DemoClock) -> None:
    """A vacancy was written a few days before it was published (drafts: today)."""
    for vacancy in data.vacancies.values():
        if vacancy.published_at is not None:
            vacancy.created_at = vacancy.published_at - datetime.timedelta(days=3)
    Vacancy.objects.bulk_update([v for v in data.vacancies.values() if v.published_at], ["created_at"])


def _create_requirements_and_stages(data: OrganisationData) -> None:
    requirements: dict[str, list[Requirement]] = {}
    for spec in data.spec.vacancies:
        vacancy = data.vacancies[spec.key]
        requirements[spec.key] = [
            Requirement(
                vacancy=vacancy,
                kind=r.kind,
                label=r.label,
                description=r.description,
                is_must_have=r.must,
                level=r.level,
                years=r.years,
                position=position,
            )
            for position, r in enumerate(spec.requirements)
        ]
        data.stages[spec.key] = [
            Stage(vacancy=vacancy, kind=kind, name=name, position=position)
            for position, (kind, name) in enumerate(PIPELINES[spec.pipeline])
        ]
    Requirement.objects.bulk_create(r for rows in requirements.values() for r in rows)
    Stage.objects.bulk_create(s for stages in data.stages.values() for s in stages)
    Criterion.objects.bulk_create(
        criterion
        for key, stages in data.stages.items()
        for stage in stages
        for criterion in criteria_for(stage, requirements[key])
    )


def _assign_staff(data: OrganisationData) -> None:
    """Recruiters take turns (the login recruiter owns every other vacancy and the article's cases);
    evaluators assess the vacancies of their own departments."""
    people = data.spec.staff
    login_recruiter = next(p for p in people if p.login and Role.RECRUITER in p.roles)
    others = [p for p in people if not p.login and Role.RECRUITER in p.roles]
    story_vacancies = {a.vacancy for person in data.spec.scripted for a in person.applications}
    recruiter_rows, evaluator_rows = [], []
    for index, spec in enumerate(data.spec.vacancies):
        vacancy = data.vacancies[spec.key]
        owner = login_recruiter if index % 2 == 0 or spec.key in story_vacancies else others[index // 2 % len(others)]
        data.owners[spec.key] = data.staff[owner.mailbox]
        recruiter_rows.append(Vacancy.recruiters.through(vacancy=vacancy, user=data.owners[spec.key]))
        helper = others[(index // 2 + 1) % len(others)]
        if index % 4 == 1 and helper is not owner:  # some vacancies are run by two recruiters
            recruiter_rows.append(Vacancy.recruiters.through(vacancy=vacancy, user=data.staff[helper.mailbox]))
        evaluator_rows += [
            Vacancy.evaluators.through(vacancy=vacancy, user=data.staff[p.mailbox])
            for p in _evaluators(people, spec.department)
        ]
    Vacancy.recruiters.through.objects.bulk_create(recruiter_rows)
    Vacancy.evaluators.through.objects.bulk_create(evaluator_rows)


def _evaluators(people: tuple[StaffSpec, ...], department: str) -> list[StaffSpec]:
    found = [p for p in people if Role.EVALUATOR in p.roles and department in p.departments]
    if not found:
        raise ValueError(f"no evaluator for department {department!r} in the demo catalogue")
    return found


def _create_candidates(data: OrganisationData, drafts: list[CandidateDraft]) -> None:
    data.candidates = [
        Candidate(
            organisation=data.organisation,
            email=d.email,
            full_name=d.full_name,
            phone=d.phone,
            city=d.city,
            language=d.language,
            education_level=d.cv.education_level,
            cv_text=d.cv.text,
        )
        for d in drafts
    ]
    Candidate.objects.bulk_create(data.candidates)
    _create_profiles(data, drafts)


def _create_profiles(data: OrganisationData, drafts: list[CandidateDraft]) -> None:
    """The qualifications, skills, languages and experience a recruiter recorded from each CV."""
    pairs = list(zip(data.candidates, (d.cv for d in drafts), strict=True))
    Qualification.objects.bulk_create(
        Qualification(candidate=c, name=name, kind=kind) for c, cv in pairs for name, kind in cv.qualifications
    )
    Skill.objects.bulk_create(Skill(candidate=c, name=name) for c, cv in pairs for name in cv.skills)
    LanguageSkill.objects.bulk_create(
        LanguageSkill(candidate=c, language=name, level=level) for c, cv in pairs for name, level in cv.languages
    )
    Experience.objects.bulk_create(
        Experience(candidate=c, role=role, sector=sector, years=Decimal(str(years)))
        for c, cv in pairs
        for role, sector, years in cv.experiences
    )


def _create_applications(
    data: OrganisationData,
    drafts: list[CandidateDraft],
    timelines: dict[str, Procedure],
    clock: DemoClock,
    rng: random.Random,
) -> None:
    applicants: dict[str, list[Applicant]] = {key: [] for key in timelines}
    for index, draft in enumerate(drafts):
        for key, forced in draft.applications:
            spec = next(v for v in data.spec.vacancies if v.key == key)
            applicants[key].append(Applicant(index, fit_score(draft, spec), forced))
    histories: list[tuple[Application, list[StageChange]]] = []
    for key, procedure in timelines.items():
        for path in plan_applications(procedure, applicants[key], rng):
            histories.append(_application(data, key, path, data.owners[key], clock, rng))
    data.applications = [application for application, _changes in histories]
    Application.objects.bulk_create(data.applications)
    for application, changes in histories:
        for change in changes:
            change.application = application
    StageChange.objects.bulk_create(change for _application, changes in histories for change in changes)
    _backdate_candidates(data)
    evaluated = (ApplicationStatus.ACTIVE, ApplicationStatus.REJECTED, ApplicationStatus.HIRED)
    decisions = [c for _application, changes in histories for c in changes[1:] if c.status in evaluated]
    _freeze_requirements(data, decisions)


def _application(
    data: OrganisationData, key: str, path: Path, recruiter: User, clock: DemoClock, rng: random.Random
) -> tuple[Application, list[StageChange]]:
    stages = data.stages[key]
    moments = [clock.at(path.applied_day, rng, (7, 22))] + [clock.at(step.day, rng) for step in path.steps[1:]]
    last = path.last
    application = Application(
        organisation=data.organisation,
        candidate=data.candidates[path.candidate],
        vacancy=data.vacancies[key],
        stage=stages[last.stage],
        status=last.status,
        applied_at=moments[0],
        closed_at=moments[-1] if last.status in CLOSED_STATUSES else None,
    )
    changes = [
        StageChange(
            stage=stages[step.stage],
            status=step.status,
            changed_by=recruiter if step.by_staff else None,
            changed_at=moment,
            note=step.note,
        )
        for step, moment in zip(path.steps, moments, strict=True)
    ]
    return application, changes


def _backdate_candidates(data: OrganisationData) -> None:
    """A candidate's record dates from their first application."""
    first: dict[int, datetime.datetime] = {}
    for application in data.applications:
        pk = application.candidate.pk
        first[pk] = min(first.get(pk, application.applied_at), application.applied_at)
    for candidate in data.candidates:
        candidate.created_at = first[candidate.pk]
    Candidate.objects.bulk_update(data.candidates, ["created_at"], batch_size=500)


def _freeze_requirements(data: OrganisationData, decisions: list[StageChange]) -> None:
    """Requirements are frozen from the first decision about a candidate (Besluit werving en selectie art. 18)."""
    first: dict[int, datetime.datetime] = {}
    for change in decisions:
        vacancy_id = change.application.vacancy_id
        first[vacancy_id] = min(first.get(vacancy_id, change.changed_at), change.changed_at)
    frozen = [v for v in data.vacancies.values() if v.pk in first]
    for vacancy in frozen:
        vacancy.requirements_frozen_at = first[vacancy.pk]
    Vacancy.objects.bulk_update(frozen, ["requirements_frozen_at"])
