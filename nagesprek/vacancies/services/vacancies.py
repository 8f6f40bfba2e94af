"""Creating and editing a vacancy: details, status and team."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from nagesprek.accounts.models import User
from nagesprek.organisations.constants import Role
from nagesprek.organisations.models import Department, Membership, Organisation
from nagesprek.organisations.selectors import Actor
from nagesprek.vacancies.constants import StageKind, VacancyStatus
from nagesprek.vacancies.models import JobFamily, Stage, Vacancy


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
    _refresh_matching(vacancy)
    return vacancy


@transaction.atomic
def update_vacancy(*, actor: Actor, vacancy: Vacancy, details: VacancyDetails) -> Vacancy:
    """Change a vacancy's details, status and team. Requirements and stages have their own services."""
    vacancy = Vacancy.objects.select_for_update().get(pk=vacancy.pk, organisation=actor.organisation)
    _apply_details(vacancy, details, actor=actor)
    _refresh_matching(vacancy)
    return vacancy


def _refresh_matching(vacancy: Vacancy) -> None:
    # Imported here: matching reads vacancies, not the other way round at import time.
    from nagesprek.matching.index import refresh_vacancy_on_commit

    refresh_vacancy_on_commit(vacancy.pk)


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
