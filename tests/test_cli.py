"""The `nagesprek` command as a person runs it: demo, bench, worker, manage."""

from __future__ import annotations

import pytest

from tests import nagesprek_command
from tests.nagesprek_command import PRODUCTION_SECRET_KEY

QUEUE_ONE_EMAIL = """
from nagesprek.emails import services
services.queue_email(
    key="cli-test-1", to="sollicitant@example.nl", template="password_reset",
    context={"protocol": "http", "domain": "127.0.0.1", "uid": "x", "token": "y"}, language="nl",
)
"""

READ_OUTBOX = """
from nagesprek.emails.models import OutboxMessage
for message in OutboxMessage.objects.order_by("pk"):
    print(message.key, message.status, message.attempts)
"""


def test_demo_check_boots_the_demo_and_prints_ok(tmp_path):
    result = nagesprek_command.run("demo", "--check", "--port", "0", env=nagesprek_command.environment(tmp_path))

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "OK"
    assert "Traceback" not in result.stderr
    assert (tmp_path / "nagesprek.sqlite3").exists(), "the demo keeps its database in the data folder"


def test_demo_check_with_reset_starts_over_on_an_existing_database(tmp_path):
    env = nagesprek_command.environment(tmp_path)
    assert nagesprek_command.run("demo", "--check", "--port", "0", env=env).returncode == 0

    result = nagesprek_command.run("demo", "--reset", "--check", "--port", "0", env=env)

    assert result.returncode == 0, result.stderr
    assert "Loading demo data" in result.stdout
    assert result.stdout.strip().splitlines()[-1] == "OK"


def test_bench_without_a_name_lists_the_benchmarks(tmp_path):
    result = nagesprek_command.run("bench", env=nagesprek_command.environment(tmp_path), timeout=60)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip(), "bench prints the benchmarks it knows (or says there are none)"


def test_bench_with_an_unknown_name_says_so(tmp_path):
    result = nagesprek_command.run("bench", "no-such-benchmark", env=nagesprek_command.environment(tmp_path))

    assert result.returncode == 2
    assert "no-such-benchmark" in result.stderr
    assert "Traceback" not in result.stderr


def test_help_lists_every_command(tmp_path):
    result = nagesprek_command.run("--help", env=nagesprek_command.environment(tmp_path), timeout=60)

    assert result.returncode == 0
    for name in ("demo", "serve", "worker", "bench", "manage"):
        assert name in result.stdout


@pytest.mark.parametrize("arguments", [(), ("frobnicate",), ("demo", "--port", "eighty")])
def test_a_wrong_command_line_is_a_usage_error(tmp_path, arguments):
    result = nagesprek_command.run(*arguments, env=nagesprek_command.environment(tmp_path), timeout=60)

    assert result.returncode == 2
    assert "usage: nagesprek" in result.stderr
    assert "Traceback" not in result.stderr


def test_manage_runs_django_management_commands(tmp_path):
    result = nagesprek_command.run("manage", "check", env=nagesprek_command.environment(tmp_path), timeout=60)

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_worker_batch_delivers_queued_email_once_and_exits(tmp_path):
    database = f"sqlite:///{tmp_path / 'worker.sqlite3'}"
    env = nagesprek_command.environment(
        tmp_path,
        DATABASE_URL=database,
        DJANGO_SETTINGS_MODULE="nagesprek.conf.production",
        SECRET_KEY=PRODUCTION_SECRET_KEY,
    )
    for arguments in (
        ("manage", "migrate", "--verbosity", "0"),
        ("manage", "shell", "--no-imports", "-c", QUEUE_ONE_EMAIL),
    ):
        step = nagesprek_command.run(*arguments, env=env)
        assert step.returncode == 0, step.stderr

    first = nagesprek_command.run("worker", "--batch", env=env)
    second = nagesprek_command.run("worker", "--batch", env=env)
    outbox = nagesprek_command.run("manage", "shell", "--no-imports", "-c", READ_OUTBOX, env=env)

    assert first.returncode == 0, first.stderr
    assert second.returncode == 0, second.stderr
    assert outbox.stdout.split() == ["cli-test-1", "sent", "1"]
    assert len(list((tmp_path / "mail").glob("*.eml"))) == 1
