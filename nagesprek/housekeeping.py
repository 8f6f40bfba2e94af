"""Periodic sweeps: background work that survives crashes and lost tasks, and erasure on time.

django-tasks-db runs each task once and has no scheduler, so a worker that dies
mid-task, or a task whose enqueue was lost, needs a sweep that enqueues the work
again. Every sweep here is idempotent: running it from several workers at once,
or twice in a row, never does the work twice (the services claim rows first).
`nagesprek worker` and `nagesprek demo` run them every minute in a daemon thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from django.db import close_old_connections

logger = logging.getLogger(__name__)

INTERVAL_SECONDS = 60


def _sweeps() -> list[tuple[str, Callable[[], int]]]:
    from nagesprek.consultations.services import extend_sessions, send_due_reminders
    from nagesprek.conversations.services import release_expired_proposals, send_proposal_emails
    from nagesprek.conversations.services import send_due_reminders as send_conversation_reminders
    from nagesprek.emails.services import requeue_stalled_messages
    from nagesprek.referrals.sweeps import run_referral_sweeps
    from nagesprek.rejections.services import send_due_rejections
    from nagesprek.retention.services import run_retention

    return [
        ("outbox", lambda: requeue_stalled_messages()),
        ("due rejections", lambda: send_due_rejections()),
        ("conversation reminders", lambda: send_conversation_reminders()),
        ("proposal e-mails", lambda: send_proposal_emails()),
        ("expired proposals", lambda: release_expired_proposals()),
        ("retention", lambda: run_retention()),
        ("consultation reminders", lambda: send_due_reminders()),
        ("consultation dates", lambda: extend_sessions()),
        ("referrals", lambda: run_referral_sweeps()),
    ]


def run_sweeps() -> dict[str, int]:
    """Run every sweep once; a failing sweep is logged and does not stop the others."""
    results = {}
    for name, sweep in _sweeps():
        try:
            results[name] = sweep()
        except Exception:  # keep the other sweeps and the next round going
            logger.exception("Housekeeping sweep %r failed", name)
            results[name] = -1
        finally:
            close_old_connections()
    return results


def start(interval: float = INTERVAL_SECONDS) -> threading.Thread:
    """Run the sweeps every ``interval`` seconds in a daemon thread of this process."""
    stop = threading.Event()

    def loop() -> None:
        while not stop.wait(interval):
            run_sweeps()

    thread = threading.Thread(target=loop, name="nagesprek-housekeeping", daemon=True)
    thread.start()
    return thread
