"""Helpers for the e-mail tests: a recording SMTP handler, a free port, due-now helpers."""

from __future__ import annotations

import email
import email.policy
import socket
from dataclasses import dataclass, field
from datetime import timedelta

from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from nagesprek.emails.models import OutboxMessage

# Ports this suite may use for its SMTP server (agreed per engineer; see the task brief).
SMTP_PORTS = range(8025, 8036)


class RecordingHandler:
    """aiosmtpd handler: keeps every accepted message; refuses recipients while ``refuse`` is set."""

    def __init__(self) -> None:
        self.envelopes: list = []
        self.refuse: str | None = None

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse:
            return self.refuse
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"


@dataclass
class SmtpServer:
    port: int
    handler: RecordingHandler = field(repr=False)

    @property
    def messages(self) -> list[email.message.EmailMessage]:
        return [email.message_from_bytes(e.content, policy=email.policy.default) for e in self.handler.envelopes]


def free_port() -> int:
    for port in SMTP_PORTS:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port for the test SMTP server in {SMTP_PORTS}")


def make_due(message: OutboxMessage) -> None:
    """Pretend the back-off or schedule has passed: the message and its pending tasks are due now."""
    past = timezone.now() - timedelta(seconds=1)
    OutboxMessage.objects.filter(pk=message.pk).update(send_after=past)
    DBTaskResult.objects.filter(status=TaskResultStatus.READY).update(run_after=past)


def pending_tasks() -> list[DBTaskResult]:
    return list(DBTaskResult.objects.filter(status=TaskResultStatus.READY))
