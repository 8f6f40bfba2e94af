"""The sweeps that rescue background work after a crash."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from nagesprek import housekeeping
from nagesprek.emails.constants import OutboxStatus
from nagesprek.emails.models import OutboxMessage
from nagesprek.emails.services import STALE_SENDING_AFTER

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_message_left_sending_by_a_dead_worker_is_delivered_by_the_next_sweep(run_tasks):
    message = OutboxMessage.objects.create(
        key="stuck",
        recipient="sanne@example.net",
        language="nl",
        template="t",
        subject="Onderwerp",
        body_text="Tekst",
        status=OutboxStatus.SENDING,
        attempts=1,
        sending_started_at=timezone.now() - STALE_SENDING_AFTER - timedelta(minutes=1),
    )

    results = housekeeping.run_sweeps()
    run_tasks()

    assert results["outbox"] == 1
    message.refresh_from_db()
    assert message.status == OutboxStatus.SENT


def test_a_failing_sweep_does_not_stop_the_others(monkeypatch):
    def broken() -> int:
        raise RuntimeError("database went away")

    monkeypatch.setattr(housekeeping, "_sweeps", lambda: [("broken", broken), ("fine", lambda: 3)])

    assert housekeeping.run_sweeps() == {"broken": -1, "fine": 3}
    assert not DBTaskResult.objects.exists()
