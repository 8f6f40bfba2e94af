"""Queue and deliver e-mail through the outbox: recorded once, delivered at most once."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, mailers
from django.db import IntegrityError, transaction
from django.utils import timezone

from nagesprek.emails.constants import OutboxStatus
from nagesprek.emails.models import OutboxMessage
from nagesprek.emails.rendering import render_email
from nagesprek.organisations.models import Organisation

logger = logging.getLogger(__name__)

# A message left in SENDING longer than this belonged to a worker that died; it may be retried.
STALE_SENDING_AFTER = timedelta(minutes=10)


def queue_email(
    *,
    key: str,
    to: str,
    template: str,
    context: dict[str, Any],
    language: str,
    organisation: Organisation | None = None,
    candidate_id: int | None = None,
    send_after: datetime | None = None,
) -> OutboxMessage:
    """Render the message now, record it in the outbox and enqueue delivery after commit.

    Idempotent on ``key``: a second call with the same key returns the first
    message and enqueues nothing. Must be called inside the caller's
    transaction when the message belongs to a change (it joins it).
    """
    existing = OutboxMessage.objects.filter(key=key).first()
    if existing is not None:
        return existing
    rendered = render_email(template=template, context=context, language=language)
    try:
        with transaction.atomic():
            message = OutboxMessage.objects.create(
                key=key,
                organisation=organisation,
                recipient=to,
                language=language,
                template=template,
                subject=rendered.subject[:300],
                body_text=rendered.text,
                body_html=rendered.html,
                candidate_id=candidate_id,
                send_after=send_after,
            )
    except IntegrityError:
        return OutboxMessage.objects.get(key=key)
    transaction.on_commit(lambda: _enqueue_delivery(message.pk, send_after))
    return message


def _enqueue_delivery(message_id: int, run_after: datetime | None = None) -> None:
    from nagesprek.emails.tasks import deliver_outbox_message

    task = deliver_outbox_message.using(run_after=run_after) if run_after else deliver_outbox_message
    task.enqueue(message_id)


def _claim(message_id: int) -> OutboxMessage | None:
    """Mark the message SENDING if it still needs delivery; None when there is nothing to do."""
    now = timezone.now()
    with transaction.atomic():
        message = OutboxMessage.objects.select_for_update().filter(pk=message_id).first()
        if message is None or message.status in (OutboxStatus.SENT, OutboxStatus.FAILED):
            return None
        if message.status == OutboxStatus.SENDING and message.sending_started_at and (
            now - message.sending_started_at < STALE_SENDING_AFTER
        ):
            return None
        if message.send_after and message.send_after > now:
            return None
        message.status = OutboxStatus.SENDING
        message.attempts += 1
        message.sending_started_at = now
        message.save(update_fields=["status", "attempts", "sending_started_at"])
    return message


def deliver_message(*, message_id: int) -> OutboxMessage | None:
    """Deliver one outbox message through the configured mailer.

    Safe to call any number of times, from any number of workers: the row is
    claimed under a lock first, and a message already SENT (or being sent) is
    left alone. On failure the message goes back to QUEUED with a back-off, or
    to FAILED after EMAIL_MAX_ATTEMPTS.
    """
    message = _claim(message_id)
    if message is None:
        return None
    email = EmailMultiAlternatives(
        subject=message.subject,
        body=message.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[message.recipient],
        headers={"Message-ID": message.message_id},
        connection=mailers.default,
    )
    if message.body_html:
        email.attach_alternative(message.body_html, "text/html")
    try:
        email.send()
    except Exception as error:  # any delivery failure: record, back off, retry
        _record_failure(message, error)
        return message
    message.status = OutboxStatus.SENT
    message.sent_at = timezone.now()
    message.last_error = ""
    message.save(update_fields=["status", "sent_at", "last_error"])
    return message


def _record_failure(message: OutboxMessage, error: Exception) -> None:
    logger.warning("Delivery of outbox message %s failed: %s", message.pk, error)
    message.last_error = f"{type(error).__name__}: {error}"[:500]
    if message.attempts >= settings.EMAIL_MAX_ATTEMPTS:
        message.status = OutboxStatus.FAILED
        message.save(update_fields=["status", "last_error"])
        return
    message.status = OutboxStatus.QUEUED
    message.save(update_fields=["status", "last_error"])
    retry_at = timezone.now() + timedelta(seconds=30 * 2 ** (message.attempts - 1))
    _enqueue_delivery(message.pk, retry_at)


def requeue_message(*, message_id: int) -> OutboxMessage:
    """Put a FAILED message back in the queue (an admin's explicit retry)."""
    with transaction.atomic():
        message = OutboxMessage.objects.select_for_update().get(pk=message_id)
        if message.status == OutboxStatus.FAILED:
            message.status = OutboxStatus.QUEUED
            message.attempts = 0
            message.save(update_fields=["status", "attempts"])
            transaction.on_commit(lambda: _enqueue_delivery(message.pk))
    return message
