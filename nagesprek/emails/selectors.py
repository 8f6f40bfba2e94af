from django.db.models import QuerySet
from django.http import Http404

from nagesprek.emails.models import OutboxMessage
from nagesprek.organisations.constants import Role
from nagesprek.organisations.selectors import Actor

OUTBOX_ROLES = (Role.ORG_ADMIN, Role.PRIVACY_OFFICER)


def list_outbox_for_actor(*, actor: Actor, status: str | None = None) -> QuerySet[OutboxMessage]:
    """The organisation's sent and queued e-mail; organisation admins and privacy officers."""
    if not actor.has_role(*OUTBOX_ROLES):
        raise Http404
    messages = OutboxMessage.objects.filter(organisation=actor.organisation)
    if status:
        messages = messages.filter(status=status)
    return messages.order_by("-created_at", "-id")


def get_outbox_message_for_actor(*, actor: Actor, message_id: int) -> OutboxMessage:
    message = list_outbox_for_actor(actor=actor).filter(pk=message_id).first()
    if message is None:
        raise Http404
    return message
