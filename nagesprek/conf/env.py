"""Read settings from the environment, failing loudly with a one-line explanation.

Every value a deployment can change comes through here, so that a typo in a
variable stops start-up with a message that names the variable and what was
wrong, instead of a traceback deep inside Django.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def _raw(name: str) -> str | None:
    value = os.environ.get(name)
    return value.strip() if value is not None else None


def string(name: str, default: str | None = None) -> str:
    value = _raw(name)
    if value is None or value == "":
        if default is None:
            raise ImproperlyConfigured(f"{name} is required but not set (see .env.example).")
        return default
    return value


def boolean(name: str, default: bool) -> bool:
    value = _raw(name)
    if value is None:
        return default
    lowered = value.lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={value!r} is not a boolean; use true or false.")


def integer(name: str, default: int, *, minimum: int | None = None, maximum: int | None = None) -> int:
    value = _raw(name)
    if value is None or value == "":
        return default
    try:
        number = int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} is not a whole number.") from None
    if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
        raise ImproperlyConfigured(f"{name}={number} is out of range ({minimum}..{maximum}).")
    return number


def string_list(name: str, default: list[str]) -> list[str]:
    value = _raw(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def choice(name: str, default: str, choices: tuple[str, ...]) -> str:
    value = string(name, default)
    if value not in choices:
        raise ImproperlyConfigured(f"{name}={value!r} must be one of: {', '.join(choices)}.")
    return value


DATABASE_URL_FORMS = "postgres://user:password@host:port/name or sqlite:///path/to/file.sqlite3"


def database(name: str, default: str) -> dict[str, Any]:
    """Parse DATABASE_URL; only PostgreSQL and SQLite are supported.

    Messages never repeat the URL itself: it may hold a password.
    """
    url = string(name, default)
    try:
        config: dict[str, Any] = dict(dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True))
    except Exception:  # dj-database-url raises several types, with messages that list every scheme it knows
        raise ImproperlyConfigured(f"{name} is not a valid database URL; expected {DATABASE_URL_FORMS}.") from None
    engine = config.get("ENGINE", "")
    if engine not in ("django.db.backends.postgresql", "django.db.backends.sqlite3"):
        raise ImproperlyConfigured(f"{name} must start with postgres:// or sqlite:///, not {url.split(':', 1)[0]!r}.")
    if engine.endswith("postgresql") and not config.get("NAME"):
        raise ImproperlyConfigured(f"{name} names no database (expected postgres://user@host:port/name).")
    if engine.endswith("sqlite3"):
        _sqlite_options(name, url, config)
    return config


def _sqlite_options(name: str, url: str, config: dict[str, Any]) -> None:
    # dj-database-url turns "sqlite://" into an in-memory database, which every
    # connection sees empty; only an explicit ":memory:" (the test suite) means that.
    if not config.get("NAME") or (config["NAME"] == ":memory:" and not url.endswith(":memory:")):
        raise ImproperlyConfigured(f"{name} names no SQLite file (expected sqlite:///path/to/file.sqlite3).")
    if config["NAME"] != ":memory:":
        # The embedded default keeps its database in the data folder; create it on first use.
        folder = Path(config["NAME"]).parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise ImproperlyConfigured(
                f"cannot create the folder {folder} for the SQLite database ({error.strerror}); "
                f"check {name} or NAGESPREK_DATA_DIR."
            ) from None
    config["CONN_MAX_AGE"] = 0
    config.pop("CONN_HEALTH_CHECKS", None)
    config["OPTIONS"] = {
        # WAL + immediate transactions let the web server and the in-process
        # task worker write without "database is locked" errors.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }


def validated(name: str, value: str, check: Callable[[str], bool], explanation: str) -> str:
    if not check(value):
        raise ImproperlyConfigured(f"{name}={value!r}: {explanation}")
    return value


def make_directory(path: Path, names: str) -> None:
    """Create a folder the settings need, or stop with a message naming the variables that place it."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ImproperlyConfigured(f"cannot create the folder {path} ({error.strerror}); check {names}.") from None
