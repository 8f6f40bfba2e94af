"""The embedded default's mailer: writes each message as an .eml file in a local folder."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.message import EmailMessage


class LocalOutboxBackend(BaseEmailBackend):
    def __init__(self, *, directory: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.directory = Path(directory)

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        self.directory.mkdir(parents=True, exist_ok=True)
        count = 0
        for message in email_messages:
            raw_id = message.extra_headers.get("Message-ID", f"message-{id(message)}")
            name = "".join(ch for ch in raw_id if ch.isalnum() or ch in "-_") or "message"
            (self.directory / f"{name}.eml").write_bytes(message.message().as_bytes())
            count += 1
        return count
