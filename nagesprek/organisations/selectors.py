"""Who is acting, in which organisation, with which roles. Every access rule starts here."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.http import Http404

from nagesprek.accounts.models import User
from nagesprek.organisations.constants import Role
from nagesprek.organisations.models import Department, Membership, Organisation


@dataclass(frozen=True)
class Actor:
    """A signed-in member of staff acting inside one organisation."""

    user: User
    organisation: Organisation
    roles: frozenset[str] = field(default_factory=frozenset)

    def has_role(self, *roles: str) -> bool:
        return bool(self.roles.intersection(roles))


def list_organisations_for_user(*, user: User) -> QuerySet[Organisation]:
    return Organisation.objects.filter(memberships__user=user).distinct().order_by("name")


def get_actor_for_user(*, user: User, organisation_id: int | None = None) -> Actor | None:
    """The user's actor in the chosen organisation, or their first one; None without membership.

    Reads memberships once; the organisation comes along through select_related.
    """
    if not user.is_authenticated or not user.is_active:
        return None
    memberships = list(
        Membership.objects.filter(user=user).select_related("organisation").order_by("organisation__name")
    )
    if not memberships:
        return None
    chosen = next((m.organisation for m in memberships if m.organisation_id == organisation_id), None)
    organisation = chosen or memberships[0].organisation
    roles = frozenset(m.role for m in memberships if m.organisation_id == organisation.pk)
    return Actor(user=user, organisation=organisation, roles=roles)


def get_organisation_for_admin(*, actor: Actor) -> Organisation:
    """The organisation whose settings the actor may edit (org admins only; 404 otherwise)."""
    if not actor.has_role(Role.ORG_ADMIN):
        raise Http404
    return actor.organisation


def list_departments_for_actor(*, actor: Actor) -> QuerySet[Department]:
    return Department.objects.filter(organisation=actor.organisation).order_by("name")


def list_members_for_actor(*, actor: Actor) -> QuerySet[Membership]:
    """Members of the actor's organisation; visible to org admins and HR leads."""
    if not actor.has_role(Role.ORG_ADMIN, Role.HR_LEAD):
        raise Http404
    return (
        Membership.objects.filter(organisation=actor.organisation)
        .select_related("user")
        .order_by("user__full_name", "role")
    )
