"""Fixtures for the e-mail tests: a real SMTP server on loopback, a counting mailer, the local outbox folder."""

from pathlib import Path

import pytest

from nagesprek.emails.tests.support import RecordingHandler, SmtpServer, start_smtp_server


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server (aiosmtpd) on 127.0.0.1; the ``default`` mailer is Django's SMTP backend pointing at it."""
    handler = RecordingHandler()
    controller = start_smtp_server(handler)
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": controller.port, "timeout": 5},
        }
    }
    yield SmtpServer(port=controller.port, handler=handler)
    controller.stop()


@pytest.fixture
def sent_mail(settings, mailoutbox):
    """Count deliveries: the ``default`` mailer keeps messages in memory (django.core.mail.outbox)."""
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    return mailoutbox


@pytest.fixture
def mail_dir(settings) -> Path:
    """Where the embedded default's LocalOutboxBackend writes .eml files in this test."""
    return Path(settings.MAILERS["default"]["OPTIONS"]["directory"])
