"""For other apps' templates (the conversation's page, the agenda): whether to show the way to the brief."""

from django import template

from nagesprek.advising import selectors
from nagesprek.organisations.selectors import Actor

register = template.Library()


@register.filter
def may_advise(actor: Actor | None) -> bool:
    """Whether the actor may open briefs and notes (career advisors); shows the link, does not enforce it."""
    return actor is not None and selectors.may_advise(actor)
