"""Bulk rejection of N applications: drafts per record, gate, decision; then every letter sent (target: 10k ≤ 60 s).

Builds N applications with varied records (``nagesprek.rejections.bulk_sample``)
in a fresh database, starts a bulk rejection as the recruiter would and runs
the task queue through the real django-tasks-db worker, in this process.

Sizes: S = 1,000 and M = 10,000 applications on a fresh SQLite file; L = 10,000
on PostgreSQL (``DATABASE_URL``, else ``postgres://postgres@127.0.0.1:5432/nagesprek_partd``;
that database is dropped and created again). ``DATABASE_URL`` also applies to S and M.

Figures:

* **decided**: from the recruiter's click to every application processed (reasons
  drafted from its own record, the gate run, the letter scheduled or set aside
  for the recruiter). This is the bulk rejection itself; the 60 s target
  (PERFORMANCE.md: bulk rejection of 10k applications) applies here, and as a
  throughput (10,000 / 60 ≈ 167 applications/s) to every size.
* **all letters sent**: until every scheduled letter has gone through part B's
  send path (candidate link, rendered letter in the outbox, application closed)
  and the outbox has delivered it (local outbox folder). One letter at a time per
  worker; more ``db_worker`` processes send in parallel on PostgreSQL.
* **baseline**: the naive path, part B's single-rejection services one by one
  (``start_rejection`` then ``submit_rejection`` per application), on a second
  sample of min(N, 1,000) applications; its time for N is extrapolated linearly.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.report import Report

# size: (applications, database, task workers). SQLite serialises writers, so one worker, in this process;
# on PostgreSQL two `db_worker` processes, as production runs them: letters go out while later chunks are decided.
SIZES = {"S": (1_000, "sqlite", 1), "M": (10_000, "sqlite", 1), "L": (10_000, "postgres", 2)}
WORKER_TIMEOUT_SECONDS = 1800
BASELINE_MAX = 1_000
TARGET_SECONDS_10K = 60.0
TARGET_RATE = 10_000 / TARGET_SECONDS_10K
POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/nagesprek_partd"


def run(size: str, seed: int) -> Report:
    count, database, workers = SIZES[size]
    workdir = Path(tempfile.mkdtemp(prefix="nagesprek-bench-bulk-"))
    vendor = _set_up_django(workdir, database)
    workers = workers if vendor == "postgresql" else 1
    report = Report(benchmark="bulk_rejection", size=size, seed=seed)
    bulk_figures = _bulk(count, seed, workers, workdir)
    baseline = _baseline(min(count, BASELINE_MAX), seed + 1)

    decided_target = TARGET_SECONDS_10K * count / 10_000 if count >= 10_000 else None
    report.add("bulk: seconds until every application is decided", bulk_figures["decided_s"], "s", decided_target)
    report.add(
        "bulk: applications decided per second", count / bulk_figures["decided_s"], "app/s", TARGET_RATE, "higher"
    )
    report.add(f"bulk: seconds until all letters sent ({workers} workers)", bulk_figures["sent_s"], "s")
    sent_rate = bulk_figures["sent"] / bulk_figures["sent_s"]
    report.add("bulk: letters sent per second, from the click", sent_rate, "app/s", better="higher")
    rate = baseline["count"] / baseline["seconds"]
    report.add(f"baseline: decided per second (n={baseline['count']})", rate, "app/s", better="higher")
    report.add(f"baseline: seconds to decide {count} (extrapolated)", count / rate, "s")
    report.add("speed-up of bulk over the baseline", (count / bulk_figures["decided_s"]) / rate, "x", better="higher")
    report.details = {
        "applications": count,
        "database": vendor,
        "build_seconds": round(bulk_figures["build_s"], 2),
        "scheduled_then_sent": bulk_figures["sent"],
        "needing_attention": bulk_figures["attention"],
        "baseline_needing_attention": baseline["attention"],
        "chunk_size": bulk_figures["chunk_size"],
        "task_workers": workers,
    }
    from django.db import connections

    connections.close_all()
    shutil.rmtree(workdir, ignore_errors=True)  # the database file and 10,000 letters in the outbox folder
    return report


def _set_up_django(workdir: Path, database: str) -> str:
    os.environ["NAGESPREK_DATA_DIR"] = str(workdir)
    if "DATABASE_URL" not in os.environ:
        url = POSTGRES_URL if database == "postgres" else f"sqlite:///{workdir / 'bench.sqlite3'}"
        os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nagesprek.conf.dev")
    if os.environ["DATABASE_URL"].startswith("postgres"):
        _recreate_postgres_database(os.environ["DATABASE_URL"])

    import django
    from django.core.management import call_command

    django.setup()
    for name in ("django.tasks", "django_tasks_db"):  # one line per task is noise at this size
        logging.getLogger(name).setLevel(logging.WARNING)
    call_command("migrate", verbosity=0)
    from django.db import connection

    return connection.vendor


def _recreate_postgres_database(url: str) -> None:
    import psycopg
    from psycopg import sql

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def _drain() -> None:
    """Run every due task (and the tasks they enqueue) through the real worker, like ``nagesprek worker --batch``."""
    from django_tasks_db.management.commands.db_worker import Worker

    Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="bench",
        excluded_queue_names=[],
    ).run()


def _recruiter(sample):
    from nagesprek.organisations.selectors import get_actor_for_user

    return get_actor_for_user(user=sample.recruiter, organisation_id=sample.organisation.pk)


def _run_workers(count: int, workdir: Path, bulk_id: int) -> None:
    """Run ``count`` db_worker processes until the bulk is done and every letter delivered, then stop them."""
    from nagesprek.emails.constants import OutboxStatus
    from nagesprek.emails.models import OutboxMessage
    from nagesprek.rejections.constants import BulkStatus, RejectionStatus
    from nagesprek.rejections.models import BulkRejection, Rejection

    command = [sys.executable, "-m", "django", "db_worker", "--queue-name", "*", "--interval", "0.2"]
    command += ["--no-reload", "--no-startup-delay", "--verbosity", "0"]
    with (workdir / "workers.log").open("w") as log:
        processes = [
            subprocess.Popen([*command, "--worker-id", f"bench-{n}"], stdout=log, stderr=log)  # noqa: S603
            for n in range(count)
        ]
        try:
            deadline = time.monotonic() + WORKER_TIMEOUT_SECONDS
            while time.monotonic() < deadline:
                done = BulkRejection.objects.filter(pk=bulk_id, status__in=(BulkStatus.DONE, BulkStatus.FAILED))
                waiting = Rejection.objects.filter(bulk_id=bulk_id, status=RejectionStatus.SCHEDULED)
                undelivered = OutboxMessage.objects.filter(status__in=(OutboxStatus.QUEUED, OutboxStatus.SENDING))
                if done.exists() and not waiting.exists() and not undelivered.exists():
                    return
                time.sleep(0.25)
            raise TimeoutError(f"the workers did not finish within {WORKER_TIMEOUT_SECONDS} s; see {log.name}")
        finally:
            for process in processes:
                process.terminate()  # db_worker stops after its current task
            for process in processes:
                process.wait(timeout=60)


def _bulk(count: int, seed: int, workers: int, workdir: Path) -> dict:
    from nagesprek.rejections import bulk
    from nagesprek.rejections.bulk_sample import build_sample
    from nagesprek.rejections.constants import RejectionStatus
    from nagesprek.rejections.models import BulkRejection, Rejection

    started_building = time.perf_counter()
    sample = build_sample(size=count, seed=seed)
    build_seconds = time.perf_counter() - started_building

    actor = _recruiter(sample)
    clicked = time.perf_counter()
    run = bulk.start_bulk_rejection(actor=actor, vacancy=sample.vacancy, application_ids=sample.application_ids)
    if workers > 1:
        _run_workers(workers, workdir, run.pk)
    else:
        _drain()
    all_sent = time.perf_counter()
    run = BulkRejection.objects.get(pk=run.pk)
    assert run.finished_at is not None, f"the bulk rejection did not finish: {run.status} {run.error}"
    decided_seconds = (run.finished_at - run.created_at).total_seconds()
    rejections = Rejection.objects.filter(bulk=run)
    return {
        "build_s": build_seconds,
        "decided_s": decided_seconds,
        "sent_s": all_sent - clicked,
        "sent": rejections.filter(status=RejectionStatus.SENT).count(),
        "attention": rejections.filter(needs_attention=True).count(),
        "chunk_size": bulk.CHUNK_SIZE,
    }


def _baseline(count: int, seed: int) -> dict:
    from nagesprek.applications.models import Application
    from nagesprek.rejections import services
    from nagesprek.rejections.bulk_sample import build_sample
    from nagesprek.rejections.constants import Outcome

    sample = build_sample(size=count, seed=seed)
    actor = _recruiter(sample)
    applications = list(Application.objects.filter(pk__in=sample.application_ids).order_by("pk"))
    attention = 0
    started = time.perf_counter()
    for application in applications:
        rejection = services.start_rejection(actor=actor, application=application, outcome=Outcome.REJECTED)
        try:
            services.submit_rejection(actor=actor, rejection=rejection)
        except services.GateRefused:
            attention += 1
    return {"count": count, "seconds": time.perf_counter() - started, "attention": attention}
