"""Queue and deliver e-mail through the outbox.

Every message is rendered once, in the recipient's language, and recorded as an
``OutboxMessage`` row before anything is sent; a background task
(``emails.tasks.deliver_outbox_message``) delivers it through the ``default``
mailer (the local outbox folder in the embedded default, SMTP in production).

Delivery guarantee, stated honestly:

* **Queuing is idempotent** on ``key``: the same logical message queued twice
  (a retried request, a task run twice) is one row and one delivery.
* **Delivery is claimed under a row lock.** ``deliver_message`` locks the row
  (``SELECT ... FOR UPDATE``; SQLite serialises writers with ``BEGIN IMMEDIATE``),
  moves it from QUEUED to SENDING and commits *before* talking to the mail
  server. Any other worker running the same task sees SENDING (or SENT) and does
  nothing. So two tasks, two workers or a task run twice deliver once.
* **Every attempt carries the same Message-ID** (``OutboxMessage.message_id``),
  so a receiving server or mail client can recognise a repeated delivery.
* **A failure** (server down, recipient refused) records ``last_error``, puts the
  message back to QUEUED with an exponential back-off (30 s, 60 s, 120 s, …) and
  enqueues the retry; after ``EMAIL_MAX_ATTEMPTS`` attempts it ends FAILED, and
  an organisation admin may retry it by hand (``requeue_message``).
* **A crash leaves SENDING behind.** A row in SENDING for longer than
  ``STALE_SENDING_AFTER`` (10 minutes; the SMTP timeout is far shorter) belonged
  to a worker that died; ``requeue_stalled_messages`` (run by the
  ``sweep_outbox`` command every few minutes) enqueues it again, and the claim
  accepts it. The same sweep re-enqueues QUEUED rows whose task was lost (a
  process that died between commit and enqueue).

Together: **exactly once** in every case but one; **at least once** across a
crash between the mail server accepting the message and the SENT update being
committed. In that window the message is delivered a second time, with the same
Message-ID. No message is ever silently dropped: it ends SENT or FAILED.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import MIMEPart
from functools import partial
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, mailers
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from nagesprek.accounts.models import User
from nagesprek.audit.constants import AuditAction
from nagesprek.audit.services import record_event
from nagesprek.emails.constants import OutboxStatus
from nagesprek.emails.models import OutboxAttachment, OutboxMessage
from nagesprek.emails.rendering import render_email
from nagesprek.organisations.models import Organisation
from nagesprek.organisations.selectors import Actor

logger = logging.getLogger(__name__)

# A message left in SENDING longer than this belonged to a worker that died; it may be retried.
# Far longer than the SMTP timeout (EMAIL_TIMEOUT, 20 s by default), so a live attempt is never taken over.
STALE_SENDING_AFTER = timedelta(minutes=10)
# First retry after this long, doubling per attempt.
RETRY_BACKOFF = timedelta(seconds=30)


class OutboxError(Exception):
    """A request on the outbox that cannot be carried out; the message says why, for people."""


@dataclass(frozen=True)
class Attachment:
    """A file to send with a message. ``mimetype`` may carry parameters (``text/calendar; method=REQUEST``)."""

    filename: str
    content: bytes
    mimetype: str


@dataclass(frozen=True)
class _Claim:
    message: OutboxMessage
    attempt: int


@transaction.atomic
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
    attachments: Sequence[Attachment] = (),
) -> OutboxMessage:
    """Render the message now, record it in the outbox and enqueue delivery after commit.

    ``language`` is the recipient's (``nl``, ``en``; regional variants such as
    ``en-gb`` are accepted); an unsupported language raises ValueError.
    ``send_after`` schedules the delivery. Idempotent on ``key``: a second call
    with the same key returns the first message (whatever its other arguments)
    and enqueues nothing. Joins the caller's transaction, so the message exists
    only if the change it belongs to is committed; delivery is enqueued on commit.
    ``attachments`` are stored with the message and sent with every attempt.
    No audit row: the outbox itself is the record of every message, and the
    caller audits the change that caused it.
    """
    existing = OutboxMessage.objects.filter(key=key).first()
    if existing is not None:
        return existing
    language = _supported_language(language)
    rendered = render_email(template=template, context=context, language=language)
    message = OutboxMessage(
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
    message.full_clean(validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():  # a savepoint: a concurrent insert of the same key must not spoil the caller
            message.save(force_insert=True)
    except IntegrityError:
        return OutboxMessage.objects.get(key=key)
    OutboxAttachment.objects.bulk_create(
        OutboxAttachment(message=message, filename=a.filename, mimetype=a.mimetype, content=a.content)
        for a in attachments
    )
    transaction.on_commit(partial(_enqueue_delivery, message.pk, send_after))
    return message


def _supported_language(language: str) -> str:
    try:
        return translation.get_supported_language_variant(language or "")
    except LookupError:
        raise ValueError(f"unsupported e-mail language {language!r}") from None


def _enqueue_delivery(message_id: int, run_after: datetime | None = None) -> None:
    from nagesprek.emails.tasks import deliver_outbox_message  # tasks imports this module

    task = deliver_outbox_message
    # A backend that cannot defer (the immediate backend) runs the task now; the claim then
    # refuses a message that is not yet due and the sweep delivers it later.
    if run_after is not None and run_after > timezone.now() and task.get_backend().supports_defer:
        task = task.using(run_after=run_after)
    task.enqueue(message_id)


def deliver_message(*, message_id: int) -> OutboxMessage | None:
    """Deliver one outbox message through the ``default`` mailer; None when there was nothing to do.

    Safe to call any number of times, from any number of workers: the row is
    claimed under a lock and committed as SENDING before the mail server is
    contacted, and a message that is SENT, FAILED, not yet due or being sent by a
    live worker is left alone. On failure the message goes back to QUEUED with a
    back-off and a retry is enqueued, or to FAILED after EMAIL_MAX_ATTEMPTS.
    Not atomic on purpose: the lock must not be held while talking to SMTP.
    """
    claim = _claim(message_id)
    if claim is None:
        return None
    try:
        accepted = mailers.default.send_messages([_build_email(claim.message)])
        if not accepted:
            raise OutboxError("the mailer accepted no message")
    except Exception as error:  # any delivery failure (network, refusal, configuration): record, back off, retry
        _record_failure(claim, error)
    else:
        _record_sent(claim)
    claim.message.refresh_from_db()
    return claim.message


def _claim(message_id: int) -> _Claim | None:
    """Mark the message SENDING if it is due; None when there is nothing to do."""
    now = timezone.now()
    with transaction.atomic():
        message = OutboxMessage.objects.select_for_update().filter(pk=message_id).first()
        if message is None or not _is_due(message, now):
            return None
        if message.status == OutboxStatus.SENDING and message.attempts >= settings.EMAIL_MAX_ATTEMPTS:
            # The last allowed attempt died mid-send (perhaps the message itself crashes the worker): stop here.
            message.status = OutboxStatus.FAILED
            message.last_error = "Delivery was interrupted; the message may or may not have arrived."
            message.save(update_fields=["status", "last_error"])
            return None
        message.status = OutboxStatus.SENDING
        message.attempts += 1
        message.sending_started_at = now
        message.save(update_fields=["status", "attempts", "sending_started_at"])
    return _Claim(message=message, attempt=message.attempts)


def _is_due(message: OutboxMessage, now: datetime) -> bool:
    if message.status == OutboxStatus.QUEUED:
        return message.send_after is None or message.send_after <= now
    if message.status == OutboxStatus.SENDING:
        started = message.sending_started_at
        return started is None or now - started >= STALE_SENDING_AFTER
    return False


def _build_email(message: OutboxMessage) -> EmailMultiAlternatives:
    email = EmailMultiAlternatives(
        subject=message.subject,
        body=message.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[message.recipient],
        headers={
            "Message-ID": message.message_id,
            "Content-Language": message.language,
            # RFC 3834: tell the receiving side not to send vacation auto-replies back.
            "Auto-Submitted": "auto-generated",
        },
    )
    if message.body_html:
        email.attach_alternative(message.body_html, "text/html")
    for attachment in message.attachments.all():
        email.attach(_attachment_part(attachment))
    return email


def _attachment_part(attachment: OutboxAttachment) -> MIMEPart:
    """One MIME part, keeping the content type's parameters (a calendar program reads ``method=REQUEST``).

    Sent as base64 bytes, text included: the bytes arrive exactly as stored (an .ics keeps its CRLF line ends).
    """
    kind, *parameters = (piece.strip() for piece in attachment.mimetype.split(";"))
    maintype, subtype = kind.split("/", 1)
    params = dict(p.split("=", 1) for p in parameters if "=" in p)
    part = MIMEPart()
    part.set_content(
        bytes(attachment.content), maintype, subtype, filename=attachment.filename, params=params, cte="base64"
    )
    return part


def _this_attempt(claim: _Claim) -> QuerySet[OutboxMessage]:
    # Only the attempt that holds the claim may close it; a sweep may have handed the row to another worker.
    return OutboxMessage.objects.filter(pk=claim.message.pk, status=OutboxStatus.SENDING, attempts=claim.attempt)


def _record_sent(claim: _Claim) -> None:
    if not _this_attempt(claim).update(status=OutboxStatus.SENT, sent_at=timezone.now(), last_error=""):
        logger.warning("Outbox message %s was delivered, but another attempt had taken it over", claim.message.pk)


def _record_failure(claim: _Claim, error: Exception) -> None:
    logger.warning("Delivery of outbox message %s failed (attempt %s): %s", claim.message.pk, claim.attempt, error)
    last_error = f"{type(error).__name__}: {error}"[:500]
    with transaction.atomic():
        if claim.attempt >= settings.EMAIL_MAX_ATTEMPTS:
            _this_attempt(claim).update(status=OutboxStatus.FAILED, last_error=last_error)
            return
        retry_at = timezone.now() + RETRY_BACKOFF * 2 ** (claim.attempt - 1)
        if _this_attempt(claim).update(status=OutboxStatus.QUEUED, last_error=last_error, send_after=retry_at):
            transaction.on_commit(partial(_enqueue_delivery, claim.message.pk, retry_at))


@transaction.atomic
def requeue_message(*, message: OutboxMessage, user: User) -> OutboxMessage:
    """Put a FAILED message back in the queue: a person's explicit retry, with a fresh set of attempts.

    The caller has checked access (``selectors.get_outbox_message_for_actor``).
    Locks the row; raises OutboxError when the message is not FAILED (it is
    queued, being sent or already sent), so a double click retries once.
    Records an audit event; delivery is enqueued on commit.
    """
    locked = OutboxMessage.objects.select_for_update().get(pk=message.pk)
    if locked.status != OutboxStatus.FAILED:
        raise OutboxError(_("Only a message that failed can be sent again."))
    locked.status = OutboxStatus.QUEUED
    locked.attempts = 0
    locked.send_after = None
    locked.save(update_fields=["status", "attempts", "send_after"])
    if locked.organisation_id is not None:
        record_event(
            organisation=locked.organisation,  # type: ignore[arg-type]
            action=AuditAction.UPDATE,
            target=locked,
            candidate_id=locked.candidate_id,
            user=user,
            summary=f"Outbox message {locked.pk} ({locked.template}) queued again after failing",
        )
    transaction.on_commit(partial(_enqueue_delivery, locked.pk))
    return locked


def requeue_stalled_messages(*, limit: int = 500) -> int:
    """Enqueue delivery again for messages whose worker died or whose task was lost; returns how many.

    Picks SENDING rows older than STALE_SENDING_AFTER and QUEUED rows that have
    been due for that long without a delivery. Enqueuing a message that still
    has a pending task is harmless: the claim lets only one of them deliver.
    Run it every few minutes (``manage.py sweep_outbox``); at most ``limit``
    messages per run, oldest first.
    """
    cutoff = timezone.now() - STALE_SENDING_AFTER
    stalled = OutboxMessage.objects.filter(
        Q(status=OutboxStatus.SENDING, sending_started_at__lte=cutoff)
        | Q(status=OutboxStatus.QUEUED, send_after__lte=cutoff)
        | Q(status=OutboxStatus.QUEUED, send_after__isnull=True, created_at__lte=cutoff)
    )
    message_ids = list(stalled.order_by("id").values_list("id", flat=True)[:limit])
    for message_id in message_ids:
        _enqueue_delivery(message_id)
    return len(message_ids)


def record_message_viewed(*, actor: Actor, message: OutboxMessage) -> None:
    """Log that a member of staff read a message about a candidate (a letter is part of their file)."""
    if message.candidate_id is None or message.organisation is None:
        return
    record_event(
        organisation=message.organisation,
        action=AuditAction.VIEW,
        target=message,
        candidate_id=message.candidate_id,
        user=actor.user,
        summary=message.template,
    )
