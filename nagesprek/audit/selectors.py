from django.db.models import QuerySet
from django.http import Http404

from nagesprek.audit.models import AuditEvent
from nagesprek.organisations.constants import Role
from nagesprek.organisations.selectors import Actor


def list_audit_events_for_actor(*, actor: Actor, candidate_id: int | None = None) -> QuerySet[AuditEvent]:
    """The organisation's audit log; privacy officers and organisation admins only."""
    if not actor.has_role(Role.PRIVACY_OFFICER, Role.ORG_ADMIN):
        raise Http404
    events = AuditEvent.objects.filter(organisation=actor.organisation)
    if candidate_id is not None:
        events = events.filter(candidate_id=candidate_id)
    return events.order_by("-created_at", "-id")
