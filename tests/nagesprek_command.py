"""Run the real `nagesprek` command in a subprocess, with a configuration the test chooses.

The test process itself runs under nagesprek.conf.test, which puts its defaults into
os.environ; a subprocess must not inherit them, or it would test the test settings.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
PACKAGE_DIR = PROJECT_DIR / "nagesprek"

# A 50-character key for production settings in tests; never used anywhere else.
PRODUCTION_SECRET_KEY = "prod-shape-test-key-3f9c2a7e51d84b6c9e0a1f2d3c4b5a6"


def variables_read_by(path: Path) -> set[str]:
    """Names passed to nagesprek.conf.env readers (env.string("NAME", ...) and friends) in a module."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "env"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            names.add(node.args[0].value)
    return names


def configuration_variables() -> set[str]:
    """Every environment variable that configures Nagesprek."""
    return (
        variables_read_by(PACKAGE_DIR / "conf" / "base.py")
        | variables_read_by(PACKAGE_DIR / "cli.py")
        | {"DJANGO_SETTINGS_MODULE"}
    )


def environment(data_dir: Path, **variables: str) -> dict[str, str]:
    """The caller's environment without any Nagesprek configuration, plus ``variables``."""
    env = {name: value for name, value in os.environ.items() if name not in configuration_variables()}
    env["NAGESPREK_DATA_DIR"] = str(data_dir)
    env["PYTHONUNBUFFERED"] = "1"
    env.update(variables)
    return env


def command() -> list[str]:
    """The installed console script, as a user runs it; the module when it is not installed."""
    script = Path(sys.executable).with_name("nagesprek")
    return [str(script)] if script.exists() else [sys.executable, "-m", "nagesprek.cli"]


def run(*arguments: str, env: dict[str, str], timeout: float = 180) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - our own command, fixed arguments
        [*command(), *arguments],
        env=env,
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        check=False,
    )
