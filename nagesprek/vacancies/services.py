"""Writes to vacancies: set-up, requirements (versioned once frozen), the pipeline of stages and criteria.

Vacancies hold no personal data, so these writes are not in the audit log; requirement changes after
the freeze are logged in RequirementChange instead (Besluit werving en selectie art. 18).
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, ProtectedError
from django.utils import timezone
from django.utils.translation import gettext as _

from nagesprek.accounts.models import User
from nagesprek.applications.models import StageChange
from nagesprek.organisations.constants import Role
from nagesprek.organisations.models import Department, Membership, Organisation
from nagesprek.organisations.selectors import Actor
from nagesprek.vacancies.constants import RequirementKind, StageKind, VacancyStatus
from nagesprek.vacancies.models import Criterion, JobFamily, Requirement, RequirementChange, Stage, Vacancy
from nagesprek.vacancies.requirement_rules import check_requirement_fields, describe_requirement

# Positions are unique per vacancy, so a swap parks one stage here for a moment.
_PARKING_POSITION = 32000


@dataclass(frozen=True)
class VacancyDetails:
    """Everything the vacancy form edits. A department or job family given as text is created."""

    reference: str
    title: str
    department: Department | str
    job_family: JobFamily | str
    description: str
    location: str
    hours_min: int
    hours_max: int
    closing_date: datetime.date
    status: str
    recruiters: Sequence[User] = field(default_factory=tuple)
    evaluators: Sequence[User] = field(default_factory=tuple)


@dataclass(frozen=True)
class RequirementData:
    """One requirement as it should be. ``replaces`` is the current row it edits; None for a new one."""

    kind: str
    label: str
    description: str = ""
    is_must_have: bool = True
    level: str = ""
    years: int | None = None
    replaces: Requirement | None = None

    def differs_from(self, requirement: Requirement) -> bool:
        return (self.kind, self.label, self.description, self.is_must_have, self.level, self.years) != (
            requirement.kind,
            requirement.label,
            requirement.description,
            requirement.is_must_have,
            requirement.level,
            requirement.years,
        )


# --- vacancies -------------------------------------------------------------------------------------


def default_stages() -> list[tuple[str, str]]:
    """The pipeline a new vacancy starts with; the recruiter adapts it on the pipeline page."""
    return [
        (StageKind.CV_SCREENING, _("CV screening")),
        (StageKind.INTERVIEW, _("First interview")),
        (StageKind.OFFER, _("Offer")),
    ]


@transaction.atomic
def create_vacancy(*, actor: Actor, details: VacancyDetails) -> Vacancy:
    """Create a vacancy in the actor's organisation with the default pipeline of stages.

    Raises ValidationError (nothing saved) for a taken reference, hours out of order, or
    recruiters/evaluators who do not hold that role in the organisation.
    """
    vacancy = Vacancy(organisation=actor.organisation)
    _apply_details(vacancy, details, actor=actor)
    for position, (kind, name) in enumerate(default_stages()):
        Stage.objects.create(vacancy=vacancy, kind=kind, name=name, position=position)
    return vacancy


@transaction.atomic
def update_vacancy(*, actor: Actor, vacancy: Vacancy, details: VacancyDetails) -> Vacancy:
    """Change a vacancy's details, status and team. Requirements and stages have their own services."""
    vacancy = Vacancy.objects.select_for_update().get(pk=vacancy.pk, organisation=actor.organisation)
    _apply_details(vacancy, details, actor=actor)
    return vacancy


def _apply_details(vacancy: Vacancy, details: VacancyDetails, *, actor: Actor) -> None:
    organisation = actor.organisation
    reference = details.reference.strip()
    taken = Vacancy.objects.filter(organisation=organisation, reference__iexact=reference).exclude(pk=vacancy.pk)
    if taken.exists():
        raise ValidationError({"reference": _("Another vacancy already has this reference.")})
    _check_team(organisation_id=organisation.pk, users=details.recruiters, role=Role.RECRUITER, field="recruiters")
    _check_team(organisation_id=organisation.pk, users=details.evaluators, role=Role.EVALUATOR, field="evaluators")
    vacancy.reference = reference
    vacancy.title = details.title.strip()
    vacancy.department = _department(organisation, details.department)
    vacancy.job_family = _job_family(organisation, details.job_family)
    vacancy.description = details.description.strip()
    vacancy.location = details.location.strip()
    vacancy.hours_min, vacancy.hours_max = details.hours_min, details.hours_max
    vacancy.closing_date = details.closing_date
    vacancy.status = VacancyStatus(details.status)
    if vacancy.status == VacancyStatus.OPEN and vacancy.published_at is None:
        vacancy.published_at = timezone.now()
    if vacancy.hours_max < vacancy.hours_min:
        raise ValidationError({"hours_max": _("The maximum hours cannot be lower than the minimum.")})
    vacancy.full_clean()
    vacancy.save()
    vacancy.recruiters.set(details.recruiters)
    vacancy.evaluators.set(details.evaluators)


def _check_team(*, organisation_id: int, users: Sequence[User], role: str, field: str) -> None:
    wanted = {user.pk for user in users}
    holding = set(
        Membership.objects.filter(organisation_id=organisation_id, role=role, user_id__in=wanted).values_list(
            "user_id", flat=True
        )
    )
    if wanted - holding:
        raise ValidationError({field: _("Choose only people who hold this role in the organisation.")})


def _department(organisation: Organisation, value: Department | str) -> Department:
    if isinstance(value, Department):
        if value.organisation_id != organisation.pk:
            raise ValidationError({"department": _("Choose a department of your organisation.")})
        return value
    department, _created = Department.objects.get_or_create(organisation=organisation, name=value.strip())
    return department


def _job_family(organisation: Organisation, value: JobFamily | str) -> JobFamily:
    if isinstance(value, JobFamily):
        if value.organisation_id != organisation.pk:
            raise ValidationError({"job_family": _("Choose a job family of your organisation.")})
        return value
    family, _created = JobFamily.objects.get_or_create(organisation=organisation, name=value.strip())
    return family


# --- requirements ----------------------------------------------------------------------------------


def freeze_requirements(*, vacancy: Vacancy) -> Vacancy:
    """Freeze the vacancy's requirements: from now on a change makes a new, logged version.

    Idempotent and safe under concurrency: only the first call sets ``requirements_frozen_at``.
    Called when the first scorecard of the vacancy is submitted.
    """
    Vacancy.objects.filter(pk=vacancy.pk, requirements_frozen_at__isnull=True).update(
        requirements_frozen_at=timezone.now()
    )
    vacancy.refresh_from_db(fields=["requirements_frozen_at"])
    return vacancy


@transaction.atomic
def change_requirements(
    *, actor: Actor, vacancy: Vacancy, requirements: Sequence[RequirementData], reason: str = ""
) -> Vacancy:
    """Make the vacancy's current requirements exactly ``requirements``, in that order.

    Before the freeze rows are edited in place. After it, every changed or removed requirement is
    retired (``retired_in_version``), changed and new ones are added in the next version, the version
    is bumped and a RequirementChange records who, when, why and what; criteria follow a changed
    requirement to its successor, and stay (flagged) on a removed one. ``reason`` is required then.
    Raises ValidationError and changes nothing on bad input. Locks the vacancy row.
    """
    vacancy = Vacancy.objects.select_for_update().get(pk=vacancy.pk, organisation=actor.organisation)
    current = {r.pk: r for r in Requirement.current.filter(vacancy=vacancy)}
    _validate_requirement_data(requirements, current)
    if vacancy.requirements_frozen_at is None:
        _edit_requirements_in_place(vacancy, requirements, current)
    else:
        _version_requirements(vacancy, requirements, current, actor=actor, reason=reason)
    return vacancy


def _validate_requirement_data(requirements: Sequence[RequirementData], current: dict[int, Requirement]) -> None:
    seen: set[int] = set()
    for data in requirements:
        if data.replaces is not None:
            if data.replaces.pk not in current or data.replaces.pk in seen:
                raise ValidationError(_("A requirement was changed by someone else meanwhile. Reload the page."))
            seen.add(data.replaces.pk)
        if data.kind not in RequirementKind.values:
            raise ValidationError(_("Choose a kind for every requirement."))
        if not data.label.strip():
            raise ValidationError(_("Every requirement needs a name."))
        problems = check_requirement_fields(kind=data.kind, level=data.level, years=data.years)
        if problems:
            raise ValidationError(
                _("%(requirement)s: %(problem)s"),
                params={"requirement": data.label, "problem": next(iter(problems.values()))},
            )


def _edit_requirements_in_place(
    vacancy: Vacancy, requirements: Sequence[RequirementData], current: dict[int, Requirement]
) -> None:
    kept = {data.replaces.pk for data in requirements if data.replaces is not None}
    for requirement in current.values():
        if requirement.pk not in kept:
            _delete_unused_requirement(requirement)
    for position, data in enumerate(requirements):
        requirement = data.replaces or Requirement(vacancy=vacancy, introduced_in_version=vacancy.requirements_version)
        _fill_requirement(requirement, data, position)


def _delete_unused_requirement(requirement: Requirement) -> None:
    criterion = requirement.criteria.select_related("stage").first()
    if criterion is not None:
        raise ValidationError(
            _(
                "“%(requirement)s” cannot be removed: the stage “%(stage)s” uses it as a criterion. "
                "Remove or change that criterion first."
            ),
            params={"requirement": requirement.label, "stage": criterion.stage.name},
        )
    try:
        with transaction.atomic():
            requirement.delete()
    except ProtectedError as error:
        raise ValidationError(
            _("“%(requirement)s” cannot be removed: a rejection reason refers to it."),
            params={"requirement": requirement.label},
        ) from error


def _fill_requirement(requirement: Requirement, data: RequirementData, position: int) -> Requirement:
    requirement.kind = data.kind
    requirement.label = data.label.strip()
    requirement.description = data.description.strip()
    requirement.is_must_have = data.is_must_have
    requirement.level = data.level
    requirement.years = data.years
    requirement.position = position
    requirement.full_clean()
    requirement.save()
    return requirement


def _version_requirements(
    vacancy: Vacancy,
    requirements: Sequence[RequirementData],
    current: dict[int, Requirement],
    *,
    actor: Actor,
    reason: str,
) -> None:
    version = vacancy.requirements_version + 1
    kept = {data.replaces.pk for data in requirements if data.replaces is not None}
    removed = [r for r in current.values() if r.pk not in kept]
    changed = [d for d in requirements if d.replaces is not None and d.differs_from(d.replaces)]
    added = [d for d in requirements if d.replaces is None]
    changed_ids = {id(d) for d in changed}
    if not (removed or changed or added):
        _reorder_only(requirements)
        return
    if not reason.strip():
        raise ValidationError({"reason": _("The requirements are frozen: explain why they change.")})
    summary = _change_summary(removed=removed, changed=changed, added=added)
    for requirement in removed:
        requirement.retired_in_version = version
        requirement.save(update_fields=["retired_in_version"])
    for position, data in enumerate(requirements):
        if data.replaces is not None and id(data) not in changed_ids:
            data.replaces.position = position
            data.replaces.save(update_fields=["position"])
            continue
        successor = _fill_requirement(Requirement(vacancy=vacancy, introduced_in_version=version), data, position)
        if data.replaces is not None:
            data.replaces.retired_in_version = version
            data.replaces.save(update_fields=["retired_in_version"])
            # The criterion measures the same thing under the new wording; its earlier ratings stay.
            Criterion.objects.filter(requirement=data.replaces).update(requirement=successor)
    vacancy.requirements_version = version
    vacancy.save(update_fields=["requirements_version"])
    RequirementChange.objects.create(
        vacancy=vacancy, version=version, changed_by=actor.user, reason=reason.strip(), summary=summary
    )


def _reorder_only(requirements: Sequence[RequirementData]) -> None:
    for position, data in enumerate(requirements):
        assert data.replaces is not None
        if data.replaces.position != position:
            data.replaces.position = position
            data.replaces.save(update_fields=["position"])


def _change_summary(
    *, removed: Sequence[Requirement], changed: Sequence[RequirementData], added: Sequence[RequirementData]
) -> str:
    lines = []
    for data in changed:
        assert data.replaces is not None
        before, after = describe_requirement(data.replaces), describe_requirement(data)
        lines.append(_("Changed: %(before)s → %(after)s") % {"before": before, "after": after})
        if data.description.strip() != data.replaces.description:
            lines.append(
                _("New description of %(requirement)s: %(description)s")
                % {"requirement": after, "description": data.description.strip() or "–"}  # noqa: RUF001 - typographic dash
            )
    lines += [_("Added: %(after)s") % {"after": describe_requirement(data)} for data in added]
    lines += [_("Removed: %(before)s") % {"before": describe_requirement(r)} for r in removed]
    return "\n".join(lines)


# --- stages ----------------------------------------------------------------------------------------


@transaction.atomic
def add_stage(*, actor: Actor, vacancy: Vacancy, kind: str, name: str) -> Stage:
    """Append a stage at the end of the vacancy's pipeline."""
    vacancy = Vacancy.objects.select_for_update().get(pk=vacancy.pk, organisation=actor.organisation)
    last = vacancy.stages.aggregate(last=Max("position"))["last"]
    stage = Stage(vacancy=vacancy, kind=kind, name=name.strip(), position=0 if last is None else last + 1)
    stage.full_clean()
    stage.save()
    return stage


@transaction.atomic
def update_stage(*, actor: Actor, stage: Stage, kind: str, name: str) -> Stage:
    """Rename a stage or change its kind; applications in it stay where they are."""
    stage = Stage.objects.select_for_update().get(pk=stage.pk, vacancy__organisation=actor.organisation)
    stage.kind, stage.name = kind, name.strip()
    stage.full_clean()
    stage.save(update_fields=["kind", "name"])
    return stage


@transaction.atomic
def move_stage(*, actor: Actor, stage: Stage, up: bool) -> Stage:
    """Swap a stage with its neighbour before (``up``) or after it. Raises ValidationError at the edge."""
    Vacancy.objects.select_for_update().get(pk=stage.vacancy_id, organisation=actor.organisation)
    stage = Stage.objects.get(pk=stage.pk)
    siblings = Stage.objects.filter(vacancy_id=stage.vacancy_id)
    if up:
        neighbour = siblings.filter(position__lt=stage.position).order_by("-position").first()
    else:
        neighbour = siblings.filter(position__gt=stage.position).order_by("position").first()
    if neighbour is None:
        raise ValidationError(_("This stage cannot move further in that direction."))
    mine, theirs = stage.position, neighbour.position
    Stage.objects.filter(pk=stage.pk).update(position=_PARKING_POSITION)
    Stage.objects.filter(pk=neighbour.pk).update(position=mine)
    Stage.objects.filter(pk=stage.pk).update(position=theirs)
    stage.position = theirs
    return stage


@transaction.atomic
def remove_stage(*, actor: Actor, stage: Stage) -> None:
    """Remove a stage (and its criteria) that no application, history row or scorecard has used.

    Raises ValidationError when it is in use or is the vacancy's only stage.
    """
    Vacancy.objects.select_for_update().get(pk=stage.vacancy_id, organisation=actor.organisation)
    if Stage.objects.filter(vacancy_id=stage.vacancy_id).count() == 1:
        raise ValidationError(_("A vacancy needs at least one stage."))
    in_use = (
        stage.applications.exists() or StageChange.objects.filter(stage=stage).exists() or stage.scorecards.exists()
    )
    if in_use:
        raise ValidationError(
            _("“%(stage)s” has been used by applications, so it stays. You can still rename it."),
            params={"stage": stage.name},
        )
    try:
        with transaction.atomic():
            stage.delete()
    except ProtectedError as error:
        raise ValidationError(
            _("“%(stage)s” has been used by applications, so it stays. You can still rename it."),
            params={"stage": stage.name},
        ) from error


# --- criteria --------------------------------------------------------------------------------------


@transaction.atomic
def add_criterion(
    *, actor: Actor, stage: Stage, requirement: Requirement | None, competency: str = "", description: str = ""
) -> Criterion:
    """Add what evaluators score in a stage: a current requirement of the vacancy, or a named competency."""
    stage = Stage.objects.select_related("vacancy").get(pk=stage.pk, vacancy__organisation=actor.organisation)
    last = stage.criteria.aggregate(last=Max("position"))["last"]
    criterion = Criterion(stage=stage, position=0 if last is None else last + 1)
    return _fill_criterion(criterion, requirement=requirement, competency=competency, description=description)


@transaction.atomic
def update_criterion(
    *, actor: Actor, criterion: Criterion, requirement: Requirement | None, competency: str = "", description: str = ""
) -> Criterion:
    """Change a criterion; the way to re-link one that points at a removed requirement."""
    criterion = Criterion.objects.select_related("stage__vacancy").get(
        pk=criterion.pk, stage__vacancy__organisation=actor.organisation
    )
    return _fill_criterion(criterion, requirement=requirement, competency=competency, description=description)


def _fill_criterion(
    criterion: Criterion, *, requirement: Requirement | None, competency: str, description: str
) -> Criterion:
    competency = competency.strip()
    if (requirement is None) == (not competency):
        raise ValidationError(_("Choose a requirement or name a competency, not both."))
    if requirement is not None:
        is_current = Requirement.current.filter(pk=requirement.pk, vacancy_id=criterion.stage.vacancy_id).exists()
        if not is_current:
            raise ValidationError({"requirement": _("Choose one of the vacancy's current requirements.")})
    criterion.requirement = requirement
    criterion.competency = "" if requirement is not None else competency
    criterion.description = description.strip()
    criterion.full_clean()
    criterion.save()
    return criterion


@transaction.atomic
def remove_criterion(*, actor: Actor, criterion: Criterion) -> None:
    """Remove a criterion nobody has rated yet (drafts count). Raises ValidationError otherwise."""
    criterion = Criterion.objects.get(pk=criterion.pk, stage__vacancy__organisation=actor.organisation)
    if criterion.ratings.exists():
        raise ValidationError(
            _("“%(criterion)s” has been rated already, so it stays."), params={"criterion": criterion.label}
        )
    try:
        with transaction.atomic():
            criterion.delete()
    except ProtectedError as error:
        raise ValidationError(
            _("“%(criterion)s” is referred to by a rejection reason, so it stays."),
            params={"criterion": criterion.label},
        ) from error
