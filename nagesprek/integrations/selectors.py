"""Reads for the integrations: the API keys page (org admins), and what the HTTP API may read for a key.

Everything the API reads is scoped to the key's organisation: another organisation's vacancy or
application is a 404, exactly like a missing one.
"""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from nagesprek.applications.models import Application
from nagesprek.integrations import keys
from nagesprek.integrations.models import ApiKey
from nagesprek.organisations.constants import Role
from nagesprek.organisations.selectors import Actor
from nagesprek.vacancies.constants import VacancyStatus
from nagesprek.vacancies.models import Requirement, Vacancy

KEY_ROLES = (Role.ORG_ADMIN,)
# What the API lists: vacancies one can apply to. Suggestions for a draft vacancy may still be asked for.
LISTED_STATUSES = (VacancyStatus.OPEN,)


def list_api_keys_for_admin(*, actor: Actor) -> QuerySet[ApiKey]:
    """The organisation's API keys, revoked ones too, newest first; org admins only (404 otherwise)."""
    if not actor.has_role(*KEY_ROLES):
        raise Http404
    return ApiKey.objects.filter(organisation=actor.organisation).select_related("created_by", "revoked_by")


def get_api_key_for_admin(*, actor: Actor, key_id: int) -> ApiKey:
    """One API key of the actor's organisation, for an org admin; 404 otherwise."""
    return get_object_or_404(list_api_keys_for_admin(actor=actor), pk=key_id)


def find_active_key(*, key: str) -> ApiKey | None:
    """The active API key behind ``key``, with its organisation; None for a malformed, unknown or revoked key."""
    prefix = keys.prefix_of(key)
    if prefix is None:
        return None
    found = ApiKey.objects.select_related("organisation").filter(prefix=prefix, revoked_at__isnull=True).first()
    if found is None or not keys.matches(key, found.key_hash):
        return None
    return found


def list_open_vacancies_for_key(*, api_key: ApiKey) -> QuerySet[Vacancy]:
    """The key's organisation's open vacancies with department, job family and current requirements."""
    requirements = Requirement.current.order_by("position", "pk")
    return (
        Vacancy.objects.filter(organisation_id=api_key.organisation_id, status__in=LISTED_STATUSES)
        .select_related("department", "job_family")
        .prefetch_related(Prefetch("requirements", queryset=requirements, to_attr="current_reqs"))
        .order_by("pk")
    )


def get_vacancy_for_key(*, api_key: ApiKey, vacancy_id: int) -> Vacancy:
    """A vacancy of the key's organisation (any status); 404 for anything else."""
    return get_object_or_404(
        Vacancy.objects.select_related("organisation"), pk=vacancy_id, organisation_id=api_key.organisation_id
    )


def get_application_for_key(*, api_key: ApiKey, application_id: int) -> Application:
    """An application of the key's organisation, with its candidate and vacancy; 404 for anything else."""
    return get_object_or_404(
        Application.objects.select_related("organisation", "candidate__organisation", "vacancy"),
        pk=application_id,
        organisation_id=api_key.organisation_id,
    )
