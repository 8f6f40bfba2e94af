"""Reads of vacancies with the access rules: who may see which vacancy."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from nagesprek.applications.constants import ApplicationStatus
from nagesprek.organisations.constants import Role
from nagesprek.organisations.selectors import Actor
from nagesprek.vacancies.models import Vacancy

# Roles that see every vacancy of their organisation.
ALL_VACANCY_ROLES = (Role.RECRUITER, Role.HR_LEAD, Role.ORG_ADMIN, Role.ADVISOR)
VACANCY_ROLES = (*ALL_VACANCY_ROLES, Role.EVALUATOR)


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
        .prefetch_related("requirements", "stages", "recruiters")
        .filter(pk=vacancy_id)
        .first()
    )
    if vacancy is None:
        raise Http404
    return vacancy
