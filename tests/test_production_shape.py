"""Production as deployed: gunicorn (`nagesprek serve`) and two `nagesprek worker` processes on one PostgreSQL.

Runs only against PostgreSQL (CI sets DATABASE_URL); it makes its own database next to the test
database and drops it afterwards.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import socket
import subprocess
import time
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from django.conf import settings

from tests import nagesprek_command
from tests.nagesprek_command import PRODUCTION_SECRET_KEY

pytestmark = pytest.mark.skipif(
    not settings.DATABASES["default"]["ENGINE"].endswith("postgresql"),
    reason="needs PostgreSQL: run with DATABASE_URL=postgres://... (CI does)",
)

MESSAGES = 12
WAIT_SECONDS = 90

QUEUE_EMAILS = f"""
from nagesprek.emails import services
ids = [
    services.queue_email(
        key=f"shape-{{n}}", to=f"kandidaat{{n}}@example.nl", template="password_reset",
        context={{"name": "Kandidaat", "reset_url": "http://127.0.0.1/reset"}}, language="nl",
    ).pk
    for n in range({MESSAGES})
]
print("QUEUED", *ids)
"""


def _admin_connection() -> Any:
    import psycopg

    database = settings.DATABASES["default"]
    return psycopg.connect(
        host=database["HOST"] or None,
        port=database["PORT"] or None,
        user=database["USER"] or None,
        password=database["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )


@pytest.fixture
def database_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database for this test only."""
    name = f"nagesprek_ci_shape_{uuid.uuid4().hex[:12]}"
    with _admin_connection() as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    database = settings.DATABASES["default"]
    credentials = quote(database["USER"] or "") + (f":{quote(database['PASSWORD'])}" if database["PASSWORD"] else "")
    try:
        yield f"postgres://{credentials}@{database['HOST']}:{database['PORT'] or 5432}/{name}"
    finally:
        with _admin_connection() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def _running(*arguments: str, env: dict[str, str], log: Path) -> Iterator[subprocess.Popen[bytes]]:
    """Start a `nagesprek` process in its own process group; always stop the whole group."""
    with log.open("wb") as output:
        process = subprocess.Popen(  # noqa: S603 - our own command
            [*nagesprek_command.command(), *arguments],
            env=env,
            cwd=nagesprek_command.PROJECT_DIR,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            yield process
        finally:
            _stop(process)


def _stop(process: subprocess.Popen[bytes]) -> None:
    for sig, grace in ((signal.SIGTERM, 15), (signal.SIGKILL, 5)):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=grace)
            return


def _wait_for(condition: Callable[[], bool], what: str, processes: dict[Path, subprocess.Popen[bytes]]) -> None:
    """Poll until ``condition`` holds; fail at once when one of the processes has ended."""
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        if condition():
            return
        ended = [log.stem for log, process in processes.items() if process.poll() is not None]
        if ended:
            _fail(f"{', '.join(ended)} ended while waiting for {what}", processes)
        time.sleep(0.2)
    _fail(f"gave up after {WAIT_SECONDS} s waiting for {what}", processes)


def _fail(message: str, processes: dict[Path, subprocess.Popen[bytes]]) -> None:
    tails = "\n".join(f"--- {log.name}\n{log.read_text(errors='replace')[-3000:]}" for log in processes)
    pytest.fail(f"{message}\n{tails}")


def _get(url: str) -> tuple[int, dict[str, str], str]:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback only
        return response.status, dict(response.headers.items()), response.read().decode()


def _answers(url: str) -> bool:
    try:
        return _get(url)[0] == 200
    except OSError:
        return False


def _run(*arguments: str, env: dict[str, str]) -> str:
    result = nagesprek_command.run(*arguments, env=env)
    assert result.returncode == 0, f"nagesprek {' '.join(arguments[:2])} failed:\n{result.stderr}"
    return result.stdout


def _outbox(connection: Any) -> dict[int, tuple[str, int]]:
    rows = connection.execute("SELECT id, status, attempts FROM emails_outboxmessage").fetchall()
    return {pk: (status, attempts) for pk, status, attempts in rows}


def _delivery_tasks(connection: Any) -> dict[int, tuple[str, list[str]]]:
    """Outbox message id -> (task status, ids of the workers that claimed the task)."""
    rows = connection.execute(
        "SELECT args_kwargs, status, worker_ids FROM django_tasks_database_dbtaskresult WHERE task_path LIKE %s",
        ["%deliver_outbox_message"],
    ).fetchall()
    return {_loaded(args)["args"][0]: (status, _loaded(workers)) for args, status, workers in rows}


def _loaded(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def _assert_secure_headers(headers: dict[str, str]) -> None:
    csp = headers.get("Content-Security-Policy", "")
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert headers.get("X-Frame-Options") == "DENY"
    assert headers.get("X-Content-Type-Options") == "nosniff"


def test_gunicorn_and_two_workers_serve_pages_and_deliver_each_email_exactly_once(tmp_path, database_url):
    import psycopg

    port = _free_port()
    env = nagesprek_command.environment(
        tmp_path / "data",
        DJANGO_SETTINGS_MODULE="nagesprek.conf.production",
        SECRET_KEY=PRODUCTION_SECRET_KEY,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url,
        SECURE_COOKIES="false",  # plain HTTP on loopback; behind the TLS proxy this stays true
        STATIC_ROOT=str(tmp_path / "static"),
        SITE_URL=f"http://127.0.0.1:{port}",
    )
    _run("manage", "migrate", "--noinput", "--verbosity", "0", env=env)
    _run("manage", "collectstatic", "--noinput", "--verbosity", "0", env=env)
    queued = _run("manage", "shell", "--no-imports", "-c", QUEUE_EMAILS, env=env)
    message_ids = [int(pk) for pk in queued.split("QUEUED", 1)[1].split()]
    assert len(message_ids) == MESSAGES

    held = message_ids[:2]
    with contextlib.ExitStack() as stack:
        observer = stack.enter_context(psycopg.connect(database_url, autocommit=True))
        blocker = stack.enter_context(psycopg.connect(database_url))
        # Hold two messages locked before any worker starts: a worker that claims one of them waits on
        # the lock, so the other worker carries on, and in the end each worker holds one. Both are seen
        # at work, whatever order they pick the tasks in.
        blocker.execute("SELECT id FROM emails_outboxmessage WHERE id = ANY(%s) FOR UPDATE", [held])
        commands = {
            tmp_path / "serve.log": ("serve", "--bind", f"127.0.0.1:{port}", "--workers", "2"),
            tmp_path / "worker-1.log": ("worker",),
            tmp_path / "worker-2.log": ("worker",),
        }
        processes = {
            log: stack.enter_context(_running(*arguments, env=env, log=log)) for log, arguments in commands.items()
        }

        base = f"http://127.0.0.1:{port}"
        _wait_for(lambda: _answers(base + "/healthz"), "gunicorn to answer /healthz", processes)
        for path in ("/healthz", "/accounts/login/"):
            status, headers, body = _get(base + path)
            assert status == 200
            _assert_secure_headers(headers)
        stylesheet = re.search(r'href="(/static/css/[^"]+\.css)"', body)
        assert stylesheet, "the login page links its stylesheet"
        status, headers, _ = _get(base + stylesheet.group(1))
        assert status == 200
        assert headers["Content-Type"].startswith("text/css")

        def each_worker_claimed_a_held_message() -> bool:
            tasks = _delivery_tasks(observer)
            claimed = [tasks.get(pk, ("", []))[1] for pk in held]
            return all(claimed) and len({worker for workers in claimed for worker in workers}) == 2

        _wait_for(each_worker_claimed_a_held_message, "each worker to claim one held message", processes)
        assert all(_outbox(observer)[pk][0] == "queued" for pk in held), "a locked message is not sent"

        blocker.rollback()  # release the lock
        _wait_for(lambda: all(s == "sent" for s, _ in _outbox(observer).values()), "every message sent", processes)
        _wait_for(
            lambda: all(s == "SUCCESSFUL" for s, _ in _delivery_tasks(observer).values()), "every task done", processes
        )
        outbox = _outbox(observer)
        tasks = _delivery_tasks(observer)

    assert outbox == {pk: ("sent", 1) for pk in message_ids}, "each message delivered in exactly one attempt"
    assert sorted(tasks) == sorted(message_ids), "one delivery task per message"
    assert all(len(workers) == 1 for _, workers in tasks.values()), "no task claimed twice"
    assert len({workers[0] for _, workers in tasks.values()}) == 2, "both workers delivered"
    assert len(list((tmp_path / "data" / "mail").glob("*.eml"))) == MESSAGES
