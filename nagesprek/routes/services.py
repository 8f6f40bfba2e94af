"""Writes to the route catalogue: create, change, (de)activate, and the all-or-nothing CSV import."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from nagesprek.audit.constants import AuditAction
from nagesprek.audit.services import record_event
from nagesprek.organisations.selectors import Actor
from nagesprek.routes import selectors
from nagesprek.routes.constants import DeliveryMode, RouteLanguage
from nagesprek.routes.models import Route, RouteTarget
from nagesprek.routes.targets import TargetSpec


@dataclass(frozen=True)
class RouteData:
    """A route's fields as a form or a CSV row gives them."""

    kind: str
    title: str
    provider: str
    targets: tuple[TargetSpec, ...] = ()
    duration_weeks: int | None = None
    duration_text: str = ""
    cost_eur: Decimal | None = None
    level: str = ""
    language: str = RouteLanguage.DUTCH
    delivery_mode: str = DeliveryMode.CLASSROOM
    link: str = ""
    description: str = ""
    is_active: bool = True


_FIELDS = (
    "kind", "title", "provider", "duration_weeks", "duration_text", "cost_eur", "level", "language",
    "delivery_mode", "link", "description", "is_active",
)  # fmt: skip


def _require_manager(actor: Actor) -> None:
    if not actor.has_role(*selectors.MANAGE_ROLES):
        raise PermissionDenied


def _apply(route: Route, data: RouteData) -> Route:
    for name in _FIELDS:
        setattr(route, name, getattr(data, name))
    route.full_clean()
    return route


def _set_targets(route: Route, targets: Sequence[TargetSpec]) -> None:
    route.targets.all().delete()
    rows = [RouteTarget(route=route, kind=t.kind, name=t.name, level=t.level) for t in targets]
    for row in rows:
        row.full_clean(exclude=["route"])
    RouteTarget.objects.bulk_create(rows)


def _catalogue_changed(organisation_id: int) -> None:
    """After commit: the matching index names routes in its near-misses, so it is rebuilt on next use."""

    def forget() -> None:
        from nagesprek.matching import index  # matching reads routes; import late to keep the apps apart

        index.forget(organisation_id)

    transaction.on_commit(forget)


def _audit(actor: Actor, route: Route, action: AuditAction, summary: str) -> None:
    record_event(
        organisation=actor.organisation, action=action, target=route, candidate_id=None, user=actor.user,
        summary=summary,
    )  # fmt: skip


@transaction.atomic
def create_route(*, actor: Actor, data: RouteData) -> Route:
    """Add a route to the actor's organisation's catalogue (recruiters, HR leads). Raises ValidationError."""
    _require_manager(actor)
    route = _apply(Route(organisation=actor.organisation), data)
    route.save()
    _set_targets(route, data.targets)
    _audit(actor, route, AuditAction.CREATE, f"Route added: {route.title}")
    _catalogue_changed(actor.organisation.pk)
    return route


@transaction.atomic
def update_route(*, actor: Actor, route: Route, data: RouteData) -> Route:
    """Change a route and replace what it closes. Advice already drafted keeps pointing at it."""
    _require_manager(actor)
    route = Route.objects.select_for_update().get(pk=route.pk, organisation=actor.organisation)
    _apply(route, data).save()
    _set_targets(route, data.targets)
    _audit(actor, route, AuditAction.UPDATE, f"Route changed: {route.title}")
    _catalogue_changed(actor.organisation.pk)
    return route


@transaction.atomic
def set_route_active(*, actor: Actor, route: Route, active: bool) -> Route:
    """Switch a route off (no new advice uses it) or on again. Advice items that name it keep it."""
    _require_manager(actor)
    route = Route.objects.select_for_update().get(pk=route.pk, organisation=actor.organisation)
    route.is_active = active
    route.save(update_fields=["is_active", "updated_at"])
    _audit(actor, route, AuditAction.UPDATE, "Route activated" if active else "Route deactivated")
    _catalogue_changed(actor.organisation.pk)
    return route


@transaction.atomic
def import_routes(*, actor: Actor, rows: Sequence[RouteData]) -> list[Route]:
    """Add every row as a route, or none: any invalid row or clash with the catalogue raises ValidationError.

    The caller has parsed and checked the rows (``csv_import.parse_routes_csv``); this checks them again
    against the database inside the transaction, so two imports at once cannot add a duplicate.
    """
    _require_manager(actor)
    existing = set(Route.objects.filter(organisation=actor.organisation).values_list("title", "provider"))
    routes = []
    for number, data in enumerate(rows, start=1):
        if (data.title, data.provider) in existing:
            raise ValidationError(
                _("Route %(number)s (“%(title)s”, %(provider)s) is already in the catalogue.")
                % {"number": number, "title": data.title, "provider": data.provider}
            )
        existing.add((data.title, data.provider))
        route = _apply(Route(organisation=actor.organisation), data)
        route.save()
        _set_targets(route, data.targets)
        routes.append(route)
    record_event(
        organisation=actor.organisation, action=AuditAction.CREATE, target=actor.organisation, candidate_id=None,
        user=actor.user, summary=f"Routes imported from CSV: {len(routes)}",
    )  # fmt: skip
    _catalogue_changed(actor.organisation.pk)
    return routes
