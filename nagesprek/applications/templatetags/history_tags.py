"""The re-application memory on the application page (see applications/history.py for who sees what)."""

from typing import Any

from django import template

from nagesprek.applications import history
from nagesprek.applications.models import Application
from nagesprek.candidates.models import Candidate

register = template.Library()


@register.inclusion_tag("applications/_history.html", takes_context=True)
def reapplication_memory(context: template.Context, application: Application, candidate: Candidate) -> dict[str, Any]:
    """Renders nothing when the candidate did not apply before; ``candidate`` should have its profile loaded."""
    actor = getattr(context.get("request"), "actor", None)
    if actor is None:
        return {"memory": None}
    memory = history.reapplication_memory(actor=actor, application=application, candidate=candidate)
    return {"memory": memory, "candidate": candidate}
