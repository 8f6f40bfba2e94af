"""The bulk rejection block on the vacancy page: the "Reject in bulk" button for recruiters, and recent runs."""

from typing import Any

from django import template

from nagesprek.rejections import bulk_selectors
from nagesprek.vacancies.models import Vacancy

register = template.Library()


@register.inclusion_tag("rejections/bulk_vacancy_actions.html", takes_context=True)
def bulk_rejection_actions(context: template.Context, vacancy: Vacancy) -> dict[str, Any]:
    """Shown to those who may start a bulk rejection (recruiters of the organisation); two queries."""
    actor = getattr(context.get("request"), "actor", None)
    if (
        actor is None
        or not actor.has_role(*bulk_selectors.START_ROLES)
        or actor.organisation.pk != vacancy.organisation_id
    ):
        return {"show": False}
    return {
        "show": True,
        "vacancy": vacancy,
        "rejectable": bulk_selectors.count_rejectable(vacancy=vacancy),
        "earlier": bulk_selectors.list_bulk_rejections_for_vacancy(vacancy=vacancy, limit=3),
    }
