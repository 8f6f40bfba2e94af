"""The reminder 24 hours before a conversation: exactly once, however often and wherever the sweep runs."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from nagesprek.conversations.constants import REMINDER_BEFORE, ConversationStatus
from nagesprek.conversations.invitations import send_reminder_email
from nagesprek.conversations.models import Conversation


def send_due_reminders(*, now: datetime | None = None, limit: int = 500) -> int:
    """Send the reminder for every booked conversation starting within 24 hours; returns how many were sent.

    Run by the housekeeping sweep every minute (``nagesprek/housekeeping.py``). A conversation booked
    (or moved) less than 24 hours before its start gets no reminder: its confirmation has just gone out.
    Safe to run twice or from several workers at once: each reminder is claimed first (see ``send_reminder``).
    """
    now = now or timezone.now()
    due = Conversation.objects.filter(
        status=ConversationStatus.BOOKED,
        reminder_sent_at__isnull=True,
        starts_at__gt=now,
        starts_at__lte=now + REMINDER_BEFORE,
        booked_at__lte=F("starts_at") - REMINDER_BEFORE,
    )
    ids = list(due.order_by("starts_at").values_list("pk", flat=True)[:limit])
    return sum(send_reminder(conversation_id=pk, now=now) for pk in ids)


@transaction.atomic
def send_reminder(*, conversation_id: int, now: datetime | None = None) -> bool:
    """Claim the conversation's reminder and queue it; False when another run claimed it (or it is not booked).

    The claim is one conditional UPDATE (``reminder_sent_at`` still empty): a second, concurrent run
    waits for the first's row lock and then finds it set, so it sends nothing. The e-mail's idempotency
    key (conversation and start time) guards the same once more. A move clears the claim: a new time
    gets a new reminder.
    """
    now = now or timezone.now()
    claimed = Conversation.objects.filter(
        pk=conversation_id, status=ConversationStatus.BOOKED, reminder_sent_at__isnull=True
    ).update(reminder_sent_at=now)
    if not claimed:
        return False
    conversation = Conversation.objects.select_related(
        "organisation", "candidate", "advisor", "application__vacancy", "offer"
    ).get(pk=conversation_id)
    send_reminder_email(conversation)
    return True
