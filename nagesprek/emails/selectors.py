"""Reads of the outbox, with the access rule: an organisation's admins and privacy officers see its e-mail."""

from django.db.models import QuerySet
from django.http import Http404

from nagesprek.emails.constants import OutboxStatus
from nagesprek.emails.models import OutboxMessage
from nagesprek.organisations.constants import Role
from nagesprek.organisations.selectors import Actor

OUTBOX_ROLES = (Role.ORG_ADMIN, Role.PRIVACY_OFFICER)
# What the list page shows; the bodies stay in the database until a message is opened.
LIST_FIELDS = ("id", "recipient", "subject", "template", "status", "attempts", "created_at", "sent_at")


def list_outbox_for_actor(*, actor: Actor, status: OutboxStatus | None = None) -> QuerySet[OutboxMessage]:
    """The organisation's e-mail, newest first, optionally of one status; 404 for other roles.

    Messages without an organisation (password resets of staff accounts) are never listed.
    """
    if not actor.has_role(*OUTBOX_ROLES):
        raise Http404
    messages = OutboxMessage.objects.filter(organisation=actor.organisation)
    if status:
        messages = messages.filter(status=status)
    return messages.order_by("-created_at", "-id")


def get_outbox_message_for_actor(*, actor: Actor, message_id: int) -> OutboxMessage:
    """One message of the actor's organisation; 404 for another organisation's message or another role."""
    message = list_outbox_for_actor(actor=actor).filter(pk=message_id).first()
    if message is None:
        raise Http404
    return message
