"""A bad setting stops start-up with one line that names the variable, never with a traceback."""

from __future__ import annotations

import re

import pytest

from tests import nagesprek_command
from tests.nagesprek_command import PRODUCTION_SECRET_KEY, PROJECT_DIR

PREFIX = "nagesprek: configuration error:"
PRODUCTION = {"DJANGO_SETTINGS_MODULE": "nagesprek.conf.production", "SECRET_KEY": PRODUCTION_SECRET_KEY}

# Commands that read the configuration before doing anything else; none of them gets far enough to serve.
DEMO = ("demo", "--check", "--port", "0")
SERVE = ("serve", "--bind", "127.0.0.1:0")
WORKER = ("worker", "--batch")
MANAGE = ("manage", "check")

CASES = [
    # (variable named in the message, environment, command)
    ("DATABASE_URL", {"DATABASE_URL": "postgres//nope"}, DEMO),
    ("DATABASE_URL", {"DATABASE_URL": "mysql://x/y"}, DEMO),
    ("DATABASE_URL", {"DATABASE_URL": "sqlite://"}, DEMO),
    ("DATABASE_URL", {"DATABASE_URL": "sqlite:///"}, MANAGE),
    ("DATABASE_URL", {"DATABASE_URL": "postgres://127.0.0.1:5432/"}, MANAGE),
    ("DATABASE_URL", {**PRODUCTION, "DATABASE_URL": "mysql://x/y"}, WORKER),
    ("DATABASE_URL", {**PRODUCTION, "DATABASE_URL": "postgres//nope"}, SERVE),
    ("SECRET_KEY", {"DJANGO_SETTINGS_MODULE": "nagesprek.conf.production"}, SERVE),
    ("SECRET_KEY", {"DJANGO_SETTINGS_MODULE": "nagesprek.conf.production"}, WORKER),
    ("SECRET_KEY", {"DJANGO_SETTINGS_MODULE": "nagesprek.conf.production"}, MANAGE),
    ("SECRET_KEY", {**PRODUCTION, "SECRET_KEY": "too-short"}, SERVE),
    ("SECRET_KEY", {**PRODUCTION, "SECRET_KEY": "django-insecure-" + "x" * 40}, SERVE),
    ("DEBUG", {"DEBUG": "maybe"}, DEMO),
    ("DEBUG", {**PRODUCTION, "DEBUG": "yes please"}, SERVE),
    ("EMAIL_PORT", {"EMAIL_PORT": "twenty-five"}, DEMO),
    ("EMAIL_PORT", {**PRODUCTION, "EMAIL_DELIVERY": "smtp", "EMAIL_PORT": "99999"}, WORKER),
    ("EMAIL_DELIVERY", {"EMAIL_DELIVERY": "pigeon"}, DEMO),
    ("SESSION_COOKIE_AGE", {"SESSION_COOKIE_AGE": "10"}, MANAGE),
    ("WEB_WORKERS", {**PRODUCTION, "WEB_WORKERS": "many"}, SERVE),
    ("TASKS_BACKEND", {"TASKS_BACKEND": "celery"}, DEMO),
    ("LOG_LEVEL", {**PRODUCTION, "LOG_LEVEL": "loud"}, WORKER),
]


def _case_id(case: tuple[str, dict[str, str], tuple[str, ...]]) -> str:
    variable, variables, arguments = case
    return f"{arguments[0]}:{variable}={variables.get(variable, '<unset>')}"


@pytest.mark.parametrize(("variable", "variables", "arguments"), CASES, ids=[_case_id(case) for case in CASES])
def test_bad_configuration_stops_with_one_line_naming_the_variable(tmp_path, variable, variables, arguments):
    result = nagesprek_command.run(*arguments, env=nagesprek_command.environment(tmp_path, **variables), timeout=60)

    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(PREFIX)
    assert variable in lines[0]


@pytest.mark.parametrize("arguments", [DEMO, MANAGE])
def test_a_data_folder_that_cannot_be_made_is_a_configuration_error(tmp_path, arguments):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    env = nagesprek_command.environment(tmp_path, NAGESPREK_DATA_DIR=str(blocker / "data"))

    result = nagesprek_command.run(*arguments, env=env, timeout=60)

    assert result.returncode == 2
    assert result.stderr.startswith(PREFIX)
    assert "NAGESPREK_DATA_DIR" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_password_in_a_bad_database_url_is_not_repeated(tmp_path):
    env = nagesprek_command.environment(tmp_path, DATABASE_URL="postgres//nagesprek:hunter2-secret@db/nagesprek")

    result = nagesprek_command.run(*MANAGE, env=env, timeout=60)

    assert result.returncode == 2
    assert "DATABASE_URL" in result.stderr
    assert "hunter2-secret" not in result.stderr + result.stdout


def test_a_bad_setting_does_not_create_the_database(tmp_path):
    result = nagesprek_command.run(*DEMO, env=nagesprek_command.environment(tmp_path, DEBUG="maybe"), timeout=60)

    assert result.returncode == 2
    assert not (tmp_path / "nagesprek.sqlite3").exists()


def test_production_settings_start_with_a_complete_configuration(tmp_path):
    env = nagesprek_command.environment(
        tmp_path, **PRODUCTION, DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}", ALLOWED_HOSTS="hr.example.nl"
    )

    result = nagesprek_command.run("manage", "check", "--deploy", "--fail-level", "ERROR", env=env, timeout=60)

    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_env_example_documents_every_variable():
    documented = set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]+)=", (PROJECT_DIR / ".env.example").read_text(), re.M))

    missing = nagesprek_command.configuration_variables() - documented

    assert not missing, f".env.example does not document: {', '.join(sorted(missing))}"
