"""Reads that feed part G's suggestions: vacancies, the talent pool and routes as plain data.

No access rules here: the services receive objects a selector already checked, and these reads stay
inside that object's organisation.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Prefetch, QuerySet

from nagesprek.candidates.models import Candidate
from nagesprek.candidates.selectors import with_profile
from nagesprek.consents import selectors as consent_selectors
from nagesprek.consents.constants import ConsentPurpose
from nagesprek.matching.suggestion_source import RouteData
from nagesprek.organisations.models import Organisation
from nagesprek.rejections.assessment import RequirementSpec
from nagesprek.rejections.selectors import requirement_spec
from nagesprek.routes import selectors as route_selectors
from nagesprek.vacancies.models import Requirement, Vacancy


def vacancies_to_rank(*, organisation: Organisation, statuses: Iterable[str], exclude_ids: Iterable[int]):
    """The organisation's vacancies in ``statuses`` (minus ``exclude_ids``) with their current requirements."""
    vacancies = Vacancy.objects.filter(organisation=organisation, status__in=list(statuses))
    return list(_with_current_requirements(vacancies.exclude(pk__in=list(exclude_ids))).order_by("title", "pk"))


def _with_current_requirements(vacancies: QuerySet[Vacancy]) -> QuerySet[Vacancy]:
    return vacancies.select_related("department", "organisation").prefetch_related(
        Prefetch("requirements", queryset=Requirement.current.order_by("position", "pk"), to_attr="current_reqs")
    )


def with_requirements(vacancy: Vacancy) -> Vacancy:
    """The same vacancy, fetched again with its current requirements (to rank against it)."""
    return _with_current_requirements(Vacancy.objects.filter(pk=vacancy.pk)).get()


def requirement_specs(vacancy: Vacancy) -> list[RequirementSpec]:
    return [requirement_spec(r) for r in vacancy.current_reqs]


def talent_pool(*, vacancy: Vacancy) -> QuerySet[Candidate]:
    """Candidates with a valid talent-pool consent who have not applied to this vacancy, with their profiles."""
    consented = consent_selectors.list_consented_candidates(
        organisation=vacancy.organisation, purpose=ConsentPurpose.TALENT_POOL
    )
    return with_profile(consented.exclude(applications__vacancy=vacancy))


def routes_as_data(*, organisation: Organisation) -> list[RouteData]:
    """The organisation's active routes and what each closes."""
    return [
        RouteData(route.pk, route.title, tuple((t.kind, t.name) for t in route.targets.all()))
        for route in route_selectors.list_active_routes(organisation=organisation)
    ]
