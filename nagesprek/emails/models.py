import hashlib
from email.utils import parseaddr

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from nagesprek.emails.constants import OutboxStatus


class OutboxMessage(models.Model):
    """One e-mail, rendered once, delivered by a background task (see services.py for the guarantee).

    ``key`` makes queuing idempotent: queuing the same logical message twice
    (a retried request, a task run twice) finds the existing row.
    """

    organisation = models.ForeignKey(
        "organisations.Organisation", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    key = models.CharField(_("idempotency key"), max_length=200, unique=True)
    recipient = models.EmailField(_("recipient"))
    language = models.CharField(_("language"), max_length=2)
    template = models.CharField(_("template"), max_length=100)
    subject = models.CharField(_("subject"), max_length=300)
    body_text = models.TextField(_("text"))
    body_html = models.TextField(_("HTML"), blank=True)
    candidate_id = models.BigIntegerField(_("candidate id"), null=True, blank=True, db_index=True)
    status = models.CharField(
        _("status"), max_length=10, choices=OutboxStatus.choices, default=OutboxStatus.QUEUED, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    send_after = models.DateTimeField(_("send after"), null=True, blank=True)
    sending_started_at = models.DateTimeField(_("sending started at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("outbox message")
        verbose_name_plural = _("outbox")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["organisation", "-created_at"], name="outbox_org_recent")]

    def __str__(self) -> str:
        return f"{self.recipient}: {self.subject}"

    @property
    def message_id(self) -> str:
        """Stable Message-ID, the same on every attempt, so a receiver can recognise a repeated delivery.

        Built from the row id and a hash of the key: the key may hold characters a
        Message-ID must not (``:``, ``@``, spaces) or values that do not belong in
        mail server logs.
        """
        digest = hashlib.sha256(self.key.encode()).hexdigest()[:20]
        return f"<outbox.{self.pk}.{digest}@{_message_id_domain()}>"


class OutboxAttachment(models.Model):
    """A file sent with an outbox message (a calendar invitation, say), stored with it so every retry sends the same."""

    message = models.ForeignKey(OutboxMessage, on_delete=models.CASCADE, related_name="attachments")
    filename = models.CharField(_("file name"), max_length=200)
    mimetype = models.CharField(_("content type"), max_length=200)
    content = models.BinaryField(_("content"))

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["message", "pk"]

    def __str__(self) -> str:
        return self.filename


def _message_id_domain() -> str:
    address = parseaddr(str(settings.DEFAULT_FROM_EMAIL))[1]
    return address.rpartition("@")[2] or "nagesprek.localhost"
