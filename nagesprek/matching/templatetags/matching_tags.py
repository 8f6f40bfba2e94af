from django import template

from nagesprek.matching.services import SUGGESTION_ROLES

register = template.Library()


@register.filter
def may_see_suggestions(actor) -> bool:
    """Whether to offer the suggestion pages to this actor (the views enforce it)."""
    return actor is not None and actor.has_role(*SUGGESTION_ROLES)
