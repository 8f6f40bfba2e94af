"""The embedded default's mailer: writes each message as an .eml file in a local folder."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.message import EmailMessage


class LocalOutboxBackend(BaseEmailBackend):
    """Deliver to ``<directory>/<message-id>.eml``; any mail program opens these files.

    The file name comes from the Message-ID, so delivering the same message
    again replaces its file instead of adding a copy. Each file is written to a
    temporary name first and then renamed, so a reader never sees half a message.
    """

    def __init__(self, *, directory: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.directory = Path(directory)

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        if not email_messages:
            return 0
        self.directory.mkdir(parents=True, exist_ok=True)
        for message in email_messages:
            path = self.directory / f"{_file_stem(message)}.eml"
            partial = path.with_name(path.name + ".partial")
            partial.write_bytes(message.message().as_bytes())
            partial.replace(path)
        return len(email_messages)


def _file_stem(message: EmailMessage) -> str:
    headers = {name.lower(): value for name, value in message.extra_headers.items()}
    raw_id = str(headers.get("message-id") or uuid.uuid4().hex)
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in raw_id.strip("<>")) or uuid.uuid4().hex
