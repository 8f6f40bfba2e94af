"""Routes for advice tests, made with the routes services' plain data."""

from __future__ import annotations

from decimal import Decimal

from nagesprek.organisations.models import Organisation
from nagesprek.routes.constants import RouteKind
from nagesprek.routes.models import Route, RouteTarget
from nagesprek.routes.targets import parse_targets


def make_route(
    organisation: Organisation, title: str, closes: str = "", *, kind: str = RouteKind.COURSE,
    weeks: int | None = None, cost: str | None = None, active: bool = True, provider: str = "Leerhuis (fictief)",
) -> Route:  # fmt: skip
    route = Route.objects.create(
        organisation=organisation, kind=kind, title=title, provider=provider, duration_weeks=weeks,
        cost_eur=Decimal(cost) if cost is not None else None, is_active=active,
    )  # fmt: skip
    RouteTarget.objects.bulk_create(
        RouteTarget(route=route, kind=t.kind, name=t.name, level=t.level) for t in parse_targets(closes)
    )
    return route


def setting_routes(organisation: Organisation) -> dict[str, Route]:
    """Routes for rejections.tests.factories.make_setting: its BIG registration expired, Dutch B1 of C1."""
    return {
        "big": make_route(
            organisation, "BIG-herregistratie", "registration: BIG-registratie", kind=RouteKind.REGISTRATION,
            weeks=8, cost="110",
        ),
        "dutch": make_route(organisation, "Nederlands C1 schrijven", "language: Nederlands C1", weeks=12, cost="850"),
        "practice": make_route(
            organisation, "Sollicitatietraining", kind=RouteKind.INTERVIEW_PRACTICE, weeks=2, cost="0",
            provider="Loopbaanadviseurs",
        ),
    }  # fmt: skip
