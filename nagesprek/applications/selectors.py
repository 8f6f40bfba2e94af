"""Reads of applications (candidate files) with their access rules."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from nagesprek.applications.models import Application
from nagesprek.organisations.constants import Role
from nagesprek.organisations.selectors import Actor
from nagesprek.vacancies.models import Vacancy

# Roles that may open any candidate file of their organisation. Every opening is audited.
ALL_APPLICATION_ROLES = (Role.RECRUITER, Role.HR_LEAD, Role.PRIVACY_OFFICER)
APPLICATION_ROLES = (*ALL_APPLICATION_ROLES, Role.EVALUATOR)


def _visible_applications(actor: Actor) -> QuerySet[Application]:
    applications = Application.objects.filter(organisation=actor.organisation)
    if actor.has_role(*ALL_APPLICATION_ROLES):
        return applications
    if actor.has_role(Role.EVALUATOR):
        return applications.filter(vacancy__evaluators=actor.user)
    return applications.none()


def list_applications_for_actor(
    *, actor: Actor, vacancy: Vacancy | None = None, status: str | None = None
) -> QuerySet[Application]:
    applications = _visible_applications(actor)
    if vacancy is not None:
        applications = applications.filter(vacancy=vacancy)
    if status:
        applications = applications.filter(status=status)
    return applications.select_related("candidate", "vacancy", "stage").order_by("-applied_at", "-id")


def get_application_for_actor(*, actor: Actor, application_id: int) -> Application:
    """One candidate file, or 404 when it is not the actor's to see. Callers audit the view."""
    application = (
        _visible_applications(actor)
        .select_related("candidate", "vacancy", "vacancy__department", "stage")
        .prefetch_related("stage_changes__stage", "stage_changes__changed_by")
        .filter(pk=application_id)
        .first()
    )
    if application is None:
        raise Http404
    return application
