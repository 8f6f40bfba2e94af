"""Helpers for the e-mail tests: a recording SMTP handler, a free port, due-now helpers."""

from __future__ import annotations

import email
import email.policy
import socket
from dataclasses import dataclass, field
from datetime import timedelta

from aiosmtpd.controller import Controller
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
    """A port of SMTP_PORTS that nothing listens on (connections lingering in TIME_WAIT do not count)."""
    for port in SMTP_PORTS:
        with socket.socket() as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as asyncio's servers do
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port for the test SMTP server in {SMTP_PORTS}")


def start_smtp_server(handler: RecordingHandler) -> Controller:
    """Start aiosmtpd on the first port of SMTP_PORTS that can be had (another test run may hold some)."""
    for port in SMTP_PORTS:
        controller = Controller(handler, hostname="127.0.0.1", port=port)
        try:
            controller.start()
        except Exception:  # noqa: S112 - port taken: try the next one
            continue
        return controller
    raise RuntimeError(f"could not start the test SMTP server on any port in {SMTP_PORTS}")


def make_due(message: OutboxMessage) -> None:
    """Pretend the back-off or schedule has passed: the message and its pending tasks are due now."""
    past = timezone.now() - timedelta(seconds=1)
    OutboxMessage.objects.filter(pk=message.pk).update(send_after=past)
    DBTaskResult.objects.filter(status=TaskResultStatus.READY).update(run_after=past)


def pending_tasks() -> list[DBTaskResult]:
    return list(DBTaskResult.objects.filter(status=TaskResultStatus.READY))
