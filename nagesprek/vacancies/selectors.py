"""Reads of vacancies with the access rules: who may see which vacancy."""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404

from nagesprek.accounts.models import User
from nagesprek.applications.constants import ApplicationStatus
from nagesprek.applications.models import Application, StageChange
from nagesprek.organisations.constants import Role
from nagesprek.organisations.selectors import Actor
from nagesprek.vacancies.models import Criterion, Requirement, RequirementChange, Stage, Vacancy

# Roles that see every vacancy of their organisation.
ALL_VACANCY_ROLES = (Role.RECRUITER, Role.HR_LEAD, Role.ORG_ADMIN, Role.ADVISOR)
VACANCY_ROLES = (*ALL_VACANCY_ROLES, Role.EVALUATOR)
# Roles that set up vacancies: details, requirements, stages and criteria. Everyone else only reads.
VACANCY_EDIT_ROLES = (Role.RECRUITER, Role.ORG_ADMIN)


def _visible_vacancies(actor: Actor) -> QuerySet[Vacancy]:
    vacancies = Vacancy.objects.filter(organisation=actor.organisation)
    if actor.has_role(*ALL_VACANCY_ROLES):
        return vacancies
    if actor.has_role(Role.EVALUATOR):
        return vacancies.filter(evaluators=actor.user)
    return vacancies.none()


def list_vacancies_for_actor(*, actor: Actor, status: str | None = None, query: str = "") -> QuerySet[Vacancy]:
    """Vacancies the actor may see, with their department and application counts (one query)."""
    vacancies = _visible_vacancies(actor)
    if status:
        vacancies = vacancies.filter(status=status)
    if query:
        vacancies = vacancies.filter(Q(title__icontains=query) | Q(reference__icontains=query))
    return (
        vacancies.select_related("department", "job_family")
        .annotate(
            application_count=Count("applications", distinct=True),
            active_count=Count("applications", filter=Q(applications__status=ApplicationStatus.ACTIVE), distinct=True),
        )
        .order_by("-closing_date", "title")
    )


def get_vacancy_for_actor(*, actor: Actor, vacancy_id: int) -> Vacancy:
    """One vacancy, or 404 when it is not the actor's to see (other organisation included)."""
    vacancy = (
        _visible_vacancies(actor)
        .select_related("department", "job_family", "organisation")
        .prefetch_related(
            "requirements",
            "recruiters",
            "evaluators",
            Prefetch(
                "requirements", queryset=Requirement.current.order_by("position", "pk"), to_attr="current_requirements"
            ),
            Prefetch("stages", queryset=_stages_with_criteria()),
        )
        .filter(pk=vacancy_id)
        .first()
    )
    if vacancy is None:
        raise Http404
    return vacancy


def _stages_with_criteria() -> QuerySet[Stage]:
    criteria = Criterion.objects.select_related("requirement").order_by("position", "pk")
    return Stage.objects.order_by("position").prefetch_related(Prefetch("criteria", queryset=criteria))


def can_edit_vacancies(*, actor: Actor) -> bool:
    return actor.has_role(*VACANCY_EDIT_ROLES)


def get_vacancy_for_editor(*, actor: Actor, vacancy_id: int) -> Vacancy:
    """A vacancy the actor may set up (recruiters and organisation admins); 404 for anyone else."""
    if not can_edit_vacancies(actor=actor):
        raise Http404
    vacancy = (
        Vacancy.objects.filter(organisation=actor.organisation, pk=vacancy_id)
        .select_related("department", "job_family")
        .first()
    )
    if vacancy is None:
        raise Http404
    return vacancy


def get_stage_for_editor(*, actor: Actor, stage_id: int) -> Stage:
    """A stage of one of the organisation's vacancies, for a recruiter or organisation admin; 404 otherwise."""
    stage = (
        Stage.objects.filter(vacancy__organisation=actor.organisation, pk=stage_id).select_related("vacancy").first()
    )
    if stage is None or not can_edit_vacancies(actor=actor):
        raise Http404
    return stage


def get_criterion_for_editor(*, actor: Actor, criterion_id: int) -> Criterion:
    """A criterion of one of the organisation's vacancies, for a recruiter or organisation admin; 404 otherwise."""
    criterion = (
        Criterion.objects.filter(stage__vacancy__organisation=actor.organisation, pk=criterion_id)
        .select_related("stage__vacancy", "requirement")
        .first()
    )
    if criterion is None or not can_edit_vacancies(actor=actor):
        raise Http404
    return criterion


def list_current_requirements(*, vacancy: Vacancy) -> QuerySet[Requirement]:
    return Requirement.current.filter(vacancy=vacancy).order_by("position", "pk")


def list_requirement_changes(*, vacancy: Vacancy) -> QuerySet[RequirementChange]:
    """The vacancy's requirement versions after the freeze, newest first."""
    return vacancy.requirement_changes.select_related("changed_by").order_by("-version")


def list_pipeline(*, vacancy: Vacancy) -> QuerySet[Stage]:
    """The vacancy's stages in order, with their criteria and whether anything has used the stage.

    Three queries whatever the number of stages and criteria.
    """
    used = Exists(Application.objects.filter(stage=OuterRef("pk"))) | Exists(
        StageChange.objects.filter(stage=OuterRef("pk"))
    )
    return _stages_with_criteria().filter(vacancy=vacancy).annotate(is_used=used)


def list_team_members(*, actor: Actor, role: str) -> QuerySet[User]:
    """The organisation's people holding ``role``: the choices for a vacancy's recruiters or evaluators."""
    return (
        User.objects.filter(memberships__organisation=actor.organisation, memberships__role=role, is_active=True)
        .distinct()
        .order_by("full_name")
    )


def get_next_stage(*, stage: Stage) -> Stage | None:
    """The stage after this one in its vacancy's pipeline, or None at the end."""
    return Stage.objects.filter(vacancy_id=stage.vacancy_id, position__gt=stage.position).order_by("position").first()
