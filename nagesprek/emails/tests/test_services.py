"""Queue and deliver through the outbox with the real DatabaseBackend and the real worker (run_tasks)."""

import contextlib
import io
import threading
from datetime import timedelta
from typing import ClassVar

import pytest
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

from nagesprek.emails import services
from nagesprek.emails.constants import OutboxStatus
from nagesprek.emails.models import OutboxMessage
from nagesprek.emails.tasks import deliver_outbox_message
from nagesprek.emails.tests.support import make_due, pending_tasks

RESET_URL = "https://nagesprek.example/accounts/reset/MQ/abc-123/"


def queue(**overrides):
    arguments = {
        "key": "test:1",
        "to": "anne@example.org",
        "template": "password_reset",
        "context": {"name": "Anne", "reset_url": RESET_URL},
        "language": "nl",
        **overrides,
    }
    return services.queue_email(**arguments)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "en"])
def test_queue_records_the_rendered_message_in_the_recipients_language(language):
    message = queue(language=language)

    message.refresh_from_db()
    assert message.status == OutboxStatus.QUEUED
    assert message.attempts == 0
    assert message.language == language
    assert message.recipient == "anne@example.org"
    assert message.template == "password_reset"
    assert f'<html lang="{language}">' in message.body_html
    assert RESET_URL in message.body_text
    assert message.subject


@pytest.mark.django_db
def test_queue_accepts_a_regional_variant_and_refuses_an_unknown_language():
    assert queue(language="en-gb").language == "en"
    with pytest.raises(ValueError, match="unsupported"):
        queue(key="test:2", language="fr")
    assert OutboxMessage.objects.count() == 1


@pytest.mark.django_db
def test_queue_refuses_an_invalid_address_and_records_nothing():
    with pytest.raises(Exception, match="recipient"):
        queue(to="not an address")
    assert not OutboxMessage.objects.exists()


def test_queuing_the_same_key_twice_is_one_message_and_one_delivery(run_tasks, sent_mail):
    first = queue()
    second = queue(to="someone-else@example.org")

    assert second.pk == first.pk
    assert OutboxMessage.objects.count() == 1
    assert len(pending_tasks()) == 1
    assert run_tasks() == 1
    assert [m.to for m in sent_mail] == [["anne@example.org"]]


def test_a_message_queued_in_a_rolled_back_transaction_is_never_sent(run_tasks, sent_mail):
    with pytest.raises(RuntimeError), transaction.atomic():
        queue()
        raise RuntimeError("the change the e-mail belonged to failed")

    assert not OutboxMessage.objects.exists()
    assert run_tasks() == 0
    assert sent_mail == []


def test_running_the_delivery_task_twice_sends_once(run_tasks, sent_mail):
    message = queue()
    deliver_outbox_message.enqueue(message.pk)  # a duplicate task, as a retry or a second worker would cause

    assert run_tasks() == 2
    assert len(sent_mail) == 1
    message.refresh_from_db()
    assert message.status == OutboxStatus.SENT
    assert message.attempts == 1
    assert message.sent_at is not None
    assert services.deliver_message(message_id=message.pk) is None
    assert len(sent_mail) == 1


def test_delivered_message_carries_the_stable_message_id_and_both_parts(run_tasks, sent_mail):
    message = queue(language="en")
    run_tasks()

    (email,) = sent_mail
    assert email.extra_headers["Message-ID"] == message.message_id
    assert email.extra_headers["Content-Language"] == "en"
    assert email.subject == message.subject
    assert email.body == message.body_text
    assert email.alternatives[0].content == message.body_html


def test_message_id_is_stable_valid_and_does_not_reveal_the_key(db):
    message = queue(key="password-reset:7:secret token@x")
    again = OutboxMessage.objects.get(pk=message.pk)

    assert again.message_id == message.message_id
    assert message.message_id.startswith(f"<outbox.{message.pk}.")
    assert message.message_id.endswith("@nagesprek.localhost>")
    assert "secret" not in message.message_id
    assert message.message_id.count("@") == 1 and " " not in message.message_id


def test_a_scheduled_message_waits_for_its_time(run_tasks, sent_mail):
    message = queue(send_after=timezone.now() + timedelta(hours=1))

    assert run_tasks() == 0
    assert services.deliver_message(message_id=message.pk) is None  # a task that runs early is refused too
    message.refresh_from_db()
    assert message.status == OutboxStatus.QUEUED
    assert message.attempts == 0
    assert sent_mail == []

    make_due(message)
    assert run_tasks() == 1
    assert len(sent_mail) == 1


def test_a_stale_sending_message_is_retried_after_a_worker_died(run_tasks, sent_mail):
    message = queue()
    # The worker claimed it and died mid-send: the row stays SENDING, its task stays RUNNING forever.
    OutboxMessage.objects.filter(pk=message.pk).update(
        status=OutboxStatus.SENDING, attempts=1, sending_started_at=timezone.now() - timedelta(minutes=11)
    )
    for task in pending_tasks():
        task.claim("dead-worker")

    assert run_tasks() == 0
    assert services.requeue_stalled_messages() == 1
    assert run_tasks() == 1

    message.refresh_from_db()
    assert message.status == OutboxStatus.SENT
    assert message.attempts == 2
    assert len(sent_mail) == 1


def test_a_message_being_sent_by_a_live_worker_is_left_alone(run_tasks, sent_mail):
    message = queue()
    run_tasks()
    OutboxMessage.objects.filter(pk=message.pk).update(
        status=OutboxStatus.SENDING, sending_started_at=timezone.now() - timedelta(minutes=5)
    )

    assert services.requeue_stalled_messages() == 0
    assert services.deliver_message(message_id=message.pk) is None
    message.refresh_from_db()
    assert message.status == OutboxStatus.SENDING
    assert len(sent_mail) == 1


def test_a_message_that_died_on_its_last_attempt_ends_failed(run_tasks, sent_mail, settings):
    settings.EMAIL_MAX_ATTEMPTS = 2
    message = queue()
    run_tasks()
    OutboxMessage.objects.filter(pk=message.pk).update(
        status=OutboxStatus.SENDING, attempts=2, sending_started_at=timezone.now() - timedelta(minutes=11)
    )

    services.requeue_stalled_messages()
    run_tasks()

    message.refresh_from_db()
    assert message.status == OutboxStatus.FAILED
    assert "interrupted" in message.last_error
    assert len(sent_mail) == 1


def test_the_sweep_recovers_a_queued_message_whose_task_was_lost(run_tasks, sent_mail):
    message = queue()
    pending_tasks()[0].delete()  # the process died between commit and enqueue
    OutboxMessage.objects.filter(pk=message.pk).update(created_at=timezone.now() - timedelta(minutes=11))

    output = io.StringIO()
    call_command("sweep_outbox", stdout=output)
    assert "1 stalled" in output.getvalue()
    run_tasks()

    message.refresh_from_db()
    assert message.status == OutboxStatus.SENT
    assert len(sent_mail) == 1


def test_the_sweep_leaves_sent_failed_and_fresh_messages_alone(db):
    queue(key="fresh")
    for status in (OutboxStatus.SENT, OutboxStatus.FAILED):
        queue(key=status.value)
        OutboxMessage.objects.filter(key=status.value).update(
            status=status, created_at=timezone.now() - timedelta(hours=1)
        )

    assert services.requeue_stalled_messages() == 0


def test_local_outbox_backend_writes_an_eml_file(run_tasks, mail_dir):
    message = queue(language="en")
    run_tasks()

    (path,) = mail_dir.glob("*.eml")
    content = path.read_text()
    assert f"Message-ID: {message.message_id}" in content
    assert "To: anne@example.org" in content
    assert "text/plain" in content and "text/html" in content
    message.refresh_from_db()
    assert message.status == OutboxStatus.SENT


class CountingBackend(BaseEmailBackend):
    """A mailer that counts deliveries across threads."""

    delivered: ClassVar[list[str]] = []

    def send_messages(self, email_messages):
        self.delivered.extend(m.extra_headers["Message-ID"] for m in email_messages)
        return len(email_messages)


@pytest.mark.skipif(connection.vendor == "sqlite", reason="concurrent connections need PostgreSQL")
def test_two_workers_delivering_the_same_message_at_once_send_it_once(run_tasks, settings, monkeypatch):
    settings.MAILERS = {"default": {"BACKEND": f"{__name__}.CountingBackend"}}
    CountingBackend.delivered.clear()
    message = queue()
    # Widen the race: each worker, having read the row, waits for the other to have read it too. With the
    # row lock the second worker cannot read it yet, so the first one gives up waiting after a second.
    both_read = threading.Barrier(2)
    is_due = services._is_due

    def is_due_after_both_read(*args):
        with contextlib.suppress(threading.BrokenBarrierError):
            both_read.wait(timeout=1)
        return is_due(*args)

    monkeypatch.setattr(services, "_is_due", is_due_after_both_read)
    results = []

    def worker():
        try:
            results.append(services.deliver_message(message_id=message.pk))
        finally:
            connection.close()  # each thread has its own database connection

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert CountingBackend.delivered == [message.message_id]
    assert sorted(r is None for r in results) == [False, True]
    message.refresh_from_db()
    assert message.status == OutboxStatus.SENT and message.attempts == 1
