"""Reads of the route catalogue. Recruiters and HR leads manage it; advice reads the active routes."""

from __future__ import annotations

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404

from nagesprek.organisations.constants import Role
from nagesprek.organisations.models import Organisation
from nagesprek.organisations.selectors import Actor
from nagesprek.routes.models import Route, RouteTarget

MANAGE_ROLES = (Role.RECRUITER, Role.HR_LEAD)


def list_routes_for_actor(
    *, actor: Actor, kind: str = "", active: bool | None = None, query: str = ""
) -> QuerySet[Route]:
    """The organisation's routes with what they close, optionally filtered; 404 for roles that do not manage them."""
    if not actor.has_role(*MANAGE_ROLES):
        raise Http404
    routes = Route.objects.filter(organisation=actor.organisation).prefetch_related("targets")
    if kind:
        routes = routes.filter(kind=kind)
    if active is not None:
        routes = routes.filter(is_active=active)
    if query:
        routes = routes.filter(Q(title__icontains=query) | Q(provider__icontains=query))
    return routes


def get_route_for_actor(*, actor: Actor, route_id: int) -> Route:
    """One route of the actor's organisation for a recruiter or HR lead; 404 otherwise (other organisation too)."""
    if not actor.has_role(*MANAGE_ROLES):
        raise Http404
    try:
        return Route.objects.prefetch_related("targets").get(pk=route_id, organisation=actor.organisation)
    except Route.DoesNotExist:
        raise Http404 from None


def list_active_routes(*, organisation: Organisation | int) -> QuerySet[Route]:
    """The organisation's active routes with their targets (two queries): what advice may propose."""
    return Route.objects.filter(organisation=organisation, is_active=True).prefetch_related(
        Prefetch("targets", queryset=RouteTarget.objects.order_by("pk"))
    )
