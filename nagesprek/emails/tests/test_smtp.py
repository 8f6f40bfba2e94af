"""Delivery through a real SMTP server on loopback (aiosmtpd), as in production."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from nagesprek.emails import services
from nagesprek.emails.constants import OutboxStatus
from nagesprek.emails.tasks import deliver_outbox_message
from nagesprek.emails.tests.support import free_port, make_due, pending_tasks

RESET_URL = "https://nagesprek.example/accounts/reset/MQ/abc-123/"


def queue(language="en"):
    return services.queue_email(
        key="smtp-test:1",
        to="anne@example.org",
        template="password_reset",
        context={"name": "Anne", "reset_url": RESET_URL},
        language=language,
    )


def test_message_arrives_at_the_smtp_server_once(run_tasks, smtp_server):
    message = queue()

    assert run_tasks() == 1

    (received,) = smtp_server.messages
    assert received["To"] == "anne@example.org"
    assert received["Subject"] == message.subject
    assert received["Message-ID"] == message.message_id
    assert received["Content-Language"] == "en"
    assert received["From"] == "Nagesprek <noreply@nagesprek.localhost>"
    text = received.get_body(preferencelist=("plain",)).get_content()
    html = received.get_body(preferencelist=("html",)).get_content()
    assert RESET_URL in text and "<" not in text
    assert '<html lang="en">' in html and f'href="{RESET_URL}"' in html
    assert smtp_server.handler.envelopes[0].rcpt_tos == ["anne@example.org"]
    message.refresh_from_db()
    assert message.status == OutboxStatus.SENT

    # Running the task again (a duplicate, a retry, a second worker) delivers no second copy.
    deliver_outbox_message.enqueue(message.pk)
    assert run_tasks() == 1
    assert len(smtp_server.messages) == 1


def test_refused_delivery_backs_off_and_ends_failed_after_the_last_attempt(run_tasks, smtp_server, settings):
    settings.EMAIL_MAX_ATTEMPTS = 3
    smtp_server.handler.refuse = "550 5.1.1 Mailbox does not exist"
    message = queue()

    for attempt, back_off in ((1, 30), (2, 60)):
        before = timezone.now()
        assert run_tasks() == 1
        message.refresh_from_db()
        assert message.status == OutboxStatus.QUEUED
        assert message.attempts == attempt
        assert "SMTPRecipientsRefused" in message.last_error and "Mailbox does not exist" in message.last_error
        # The retry waits: the message and its task are due after the back-off, not now.
        wait = timedelta(seconds=back_off)
        assert before + wait <= message.send_after <= timezone.now() + wait
        (retry,) = pending_tasks()
        assert retry.run_after == message.send_after
        assert run_tasks() == 0
        make_due(message)

    assert run_tasks() == 1
    message.refresh_from_db()
    assert message.status == OutboxStatus.FAILED
    assert message.attempts == 3
    assert "Mailbox does not exist" in message.last_error
    assert pending_tasks() == []
    assert smtp_server.messages == []
    assert not DBTaskResult.objects.failed().exists()  # the failure is the message's, not the task's


def test_a_server_that_is_down_counts_as_a_failed_attempt(run_tasks, settings):
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            # A free port of this suite's range that nothing listens on: connection refused.
            "OPTIONS": {"host": "127.0.0.1", "port": free_port(), "timeout": 2},
        }
    }
    message = queue()

    run_tasks()

    message.refresh_from_db()
    assert message.status == OutboxStatus.QUEUED
    assert message.attempts == 1
    assert "Connection" in message.last_error or "refused" in message.last_error.lower()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_html_part_names_the_recipients_language(run_tasks, smtp_server, language):
    queue(language=language)
    run_tasks()

    (received,) = smtp_server.messages
    assert f'<html lang="{language}">' in received.get_body(preferencelist=("html",)).get_content()
    assert received["Content-Language"] == language
