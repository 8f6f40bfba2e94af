"""The rejection block on the application page: status, delivery and the "Reject" action for those who may."""

from typing import Any

from django import template

from nagesprek.applications.constants import ApplicationStatus
from nagesprek.applications.models import Application
from nagesprek.rejections import selectors

register = template.Library()


@register.inclusion_tag("rejections/_application_section.html", takes_context=True)
def rejection_section(context: template.Context, application: Application) -> dict[str, Any]:
    """Who may do what is decided in ``selectors``; this tag only asks (one query for the rejection)."""
    actor = getattr(context.get("request"), "actor", None)
    rejection = selectors.get_rejection_for_application(application=application)
    may_decide = actor is not None and actor.has_role(*selectors.DECIDER_ROLES)
    return {
        "application": application,
        "rejection": rejection,
        "can_start": may_decide and rejection is None and application.status == ApplicationStatus.ACTIVE,
        "can_edit": may_decide and rejection is not None and rejection.is_draft,
        "can_open": actor is not None and actor.has_role(*selectors.VIEW_ROLES),
        "request": context.get("request"),
    }
