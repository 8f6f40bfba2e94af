"""Referral pieces on other apps' pages: the invite button (talent pool), the origin of an application."""

from typing import Any

from django import template

from nagesprek.applications.models import Application
from nagesprek.referrals.constants import RECEIVING_ROLES

register = template.Library()


@register.filter
def may_invite(actor) -> bool:
    """Whether to offer "invite to apply" to this actor (the view enforces it)."""
    return actor is not None and actor.has_role(*RECEIVING_ROLES)


@register.inclusion_tag("referrals/_application_origin.html")
def application_origin(application: Application) -> dict[str, Any]:
    """Where an application came from, when a referral or a talent-pool invitation started it (one query)."""
    origin = (
        Application.objects.filter(pk=application.pk)
        .select_related("referral__advisor", "referral__origin_application__vacancy", "invitation__invited_by")
        .first()
    )
    return {
        "referral": getattr(origin, "referral", None),
        "invitation": getattr(origin, "invitation", None),
    }
