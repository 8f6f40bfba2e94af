"""Small builders for part G's tests: a vacancy with requirements, a candidate with skills, a route."""

from nagesprek.candidates.tests.factories import QualificationFactory, SkillFactory
from nagesprek.routes.constants import RouteKind
from nagesprek.routes.models import Route, RouteTarget
from nagesprek.vacancies.constants import RequirementKind
from nagesprek.vacancies.tests.factories import RequirementFactory, VacancyFactory


def vacancy_asking(organisation, *, skills=(), certificates=(), **fields):
    vacancy = VacancyFactory(organisation=organisation, **fields)
    for name in skills:
        RequirementFactory(vacancy=vacancy, kind=RequirementKind.SKILL, label=name)
    for name in certificates:
        RequirementFactory(vacancy=vacancy, kind=RequirementKind.CERTIFICATE, label=name)
    return vacancy


def give_profile(candidate, *, skills=(), certificates=()):
    for name in skills:
        SkillFactory(candidate=candidate, name=name)
    for name in certificates:
        QualificationFactory(candidate=candidate, name=name)
    return candidate


def route_closing(organisation, certificate, title=None):
    route = Route.objects.create(
        organisation=organisation, kind=RouteKind.PARTIAL_CERTIFICATE, title=title or certificate, provider="NVA"
    )
    RouteTarget.objects.create(route=route, kind=RequirementKind.CERTIFICATE, name=certificate)
    return route
