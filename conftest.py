"""Shared pytest fixtures: factories live in nagesprek/<app>/tests/factories.py; helpers here."""

import pytest


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MAILERS = {
        "default": {
            "BACKEND": "nagesprek.emails.backends.LocalOutboxBackend",
            "OPTIONS": {"directory": str(tmp_path / "mail")},
        }
    }


@pytest.fixture
def run_tasks(transactional_db):
    """Drain the django-tasks-db queue in this process, the way ``nagesprek worker --batch`` does.

    Returns a function: each call runs every task that is due now (and any due
    task those tasks enqueue) through the real ``db_worker`` Worker and the
    DatabaseBackend, and returns how many ran. A task that raised makes the call
    fail with its traceback, unless ``raise_failures=False``.

    Tests using it run with real commits (``transactional_db``): the worker claims
    each task in a transaction of its own and calls ``close_old_connections()``
    like production, which a test wrapped in one big transaction would break; and
    ``transaction.on_commit`` callbacks (which enqueue the tasks) fire as in
    production, so no ``django_capture_on_commit_callbacks`` is needed.
    """
    from django.tasks import task_backends
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    assert isinstance(task_backends["default"], DatabaseBackend), "run_tasks needs the django-tasks-db backend"

    def drain(*, queue_names=("*",), raise_failures=True) -> int:
        before = set(DBTaskResult.objects.finished().values_list("id", flat=True))
        worker = Worker(
            queue_names=list(queue_names),
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id="pytest-run-tasks",
            excluded_queue_names=[],
        )
        worker.run()
        finished = DBTaskResult.objects.finished().exclude(id__in=before)
        failed = [f"{result.task_path}: {result.traceback}" for result in finished.failed()]
        if raise_failures and failed:
            raise AssertionError("task(s) failed:\n" + "\n".join(failed))
        return finished.count()

    return drain
