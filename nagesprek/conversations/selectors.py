"""Reads of conversations with the access rules: advisors see their own agenda; HR leads and org admins all of it.

Everything is scoped to the actor's organisation; anything outside it, or outside the role, is a 404.
Recruiters, evaluators and privacy officers do not read advisors' agendas.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.db.models import QuerySet
from django.http import Http404

from nagesprek.conversations.models import Conversation
from nagesprek.organisations.constants import Role
from nagesprek.organisations.selectors import Actor

AGENDA_ROLES = (Role.ADVISOR, Role.HR_LEAD, Role.ORG_ADMIN)
# Who sees every advisor's agenda of the organisation (load, cover for a colleague), not only their own.
OVERSEER_ROLES = (Role.HR_LEAD, Role.ORG_ADMIN)


def _visible_conversations(actor: Actor) -> QuerySet[Conversation]:
    conversations = Conversation.objects.filter(organisation=actor.organisation)
    if actor.has_role(*OVERSEER_ROLES):
        return conversations
    if actor.has_role(Role.ADVISOR):
        return conversations.filter(advisor=actor.user)
    raise Http404


def list_conversations_for_actor(
    *,
    actor: Actor,
    advisor_id: int | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
    statuses: Iterable[str] | None = None,
) -> QuerySet[Conversation]:
    """The conversations the actor may see, by start time, optionally of one advisor, a period, some statuses.

    Advisors see their own only; HR leads and organisation admins see every advisor's. 404 for other roles.
    Candidate, application, vacancy and advisor come along (select_related), so a list page is one query.
    """
    conversations = _visible_conversations(actor).select_related(
        "candidate", "application__vacancy", "advisor", "offer"
    )
    if advisor_id is not None:
        conversations = conversations.filter(advisor_id=advisor_id)
    if start is not None:
        conversations = conversations.filter(starts_at__gte=start)
    if end is not None:
        conversations = conversations.filter(starts_at__lt=end)
    if statuses is not None:
        conversations = conversations.filter(status__in=list(statuses))
    return conversations.order_by("starts_at", "pk")


def get_conversation_for_actor(*, actor: Actor, conversation_id: int) -> Conversation:
    """One conversation the actor may see (see ``list_conversations_for_actor``); 404 otherwise. Callers audit."""
    conversation = (
        _visible_conversations(actor)
        .select_related("candidate", "application__vacancy", "application__rejection", "advisor", "offer")
        .filter(pk=conversation_id)
        .first()
    )
    if conversation is None:
        raise Http404
    return conversation
