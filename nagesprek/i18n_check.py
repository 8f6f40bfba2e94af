"""Check the Dutch translation: complete, compiled, and covering every message in the code.

    uv run python -m nagesprek.i18n_check

Fails (exit 1, one section per problem) when the .po file is missing, has untranslated or fuzzy
entries or placeholders that do not match, when the committed .mo is not what compiling the .po
gives, or when makemessages finds messages in the code that the .po lacks. makemessages runs on a
temporary copy of the project, so the real catalogue is never touched. Needs GNU gettext
(xgettext, msgfmt) and polib (a development dependency).

To fix what it reports, from the project root:

    uv run python manage.py makemessages -l nl --ignore=.venv --ignore=node_modules --ignore=data
    (translate nagesprek/locale/nl/LC_MESSAGES/django.po; remove "fuzzy" flags you checked)
    uv run python manage.py compilemessages --ignore=.venv --ignore=node_modules
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

PROJECT_DIR = Path(__file__).resolve().parent.parent
PO_PATH = PROJECT_DIR / "nagesprek" / "locale" / "nl" / "LC_MESSAGES" / "django.po"
LANGUAGE = "nl"
# Folders makemessages must not read: the environment, downloaded packages, local data.
IGNORED = (".venv", "node_modules", "data")
FIX = (
    "uv run python manage.py makemessages -l nl --ignore=.venv --ignore=node_modules --ignore=data, translate, "
    "then uv run python manage.py compilemessages --ignore=.venv --ignore=node_modules"
)
SHOWN = 15  # messages listed per problem; the count says how many there are

# Runs inside the copy (cwd), so `nagesprek` is imported from there; LOCALE_PATHS is pointed at the
# copy as well, because makemessages writes into the first of them.
_MAKEMESSAGES = """
import sys
import django
from django.conf import settings
from django.core.management import call_command

django.setup()
settings.LOCALE_PATHS = [sys.argv[1]]
call_command("makemessages", locale=[sys.argv[2]], ignore_patterns=sys.argv[3:], verbosity=0)
"""

Key = tuple[str | None, str, str]  # (context, msgid, plural msgid)


def _polib() -> Any:
    try:
        import polib
    except ImportError:  # a production install has no development dependencies
        sys.exit("nagesprek.i18n_check needs polib: run it with `uv run` (development dependencies).")
    return polib


def _key(entry: Any) -> Key:
    return (entry.msgctxt or None, entry.msgid, entry.msgid_plural or "")


def _quoted(keys: Iterable[Key]) -> list[str]:
    return [f"{'[' + ctx + '] ' if ctx else ''}{msgid!r}" for ctx, msgid, _ in sorted(keys, key=str)]


def _section(title: str, items: Sequence[str]) -> str:
    listed = "".join(f"\n    {item}" for item in items[:SHOWN])
    more = f"\n    … and {len(items) - SHOWN} more" if len(items) > SHOWN else ""
    return f"{title} ({len(items)}):{listed}{more}"


def catalogue_problems(po_path: Path) -> list[str]:
    """Untranslated and fuzzy entries, and placeholders msgfmt rejects."""
    catalogue = _polib().pofile(str(po_path))
    live = [entry for entry in catalogue if not entry.obsolete and entry.msgid]
    problems = []
    untranslated = [_key(e) for e in live if not e.translated() and "fuzzy" not in e.flags]
    fuzzy = [_key(e) for e in live if "fuzzy" in e.flags]
    if untranslated:
        problems.append(_section("untranslated messages", _quoted(untranslated)))
    if fuzzy:
        problems.append(_section("fuzzy messages (check the translation, then remove the flag)", _quoted(fuzzy)))
    checked = subprocess.run(  # noqa: S603 - fixed program, our own file
        [_tool("msgfmt"), "--check-format", "--output-file=/dev/null", str(po_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    if checked.returncode != 0:
        problems.append(_section("msgfmt rejects the catalogue", checked.stderr.strip().splitlines()))
    return problems


def compiled_problems(po_path: Path, mo_path: Path) -> list[str]:
    """Differences between the committed .mo and what compiling the .po gives.

    Compared message by message rather than by file date, which a fresh checkout does not keep.
    """
    polib = _polib()
    if not mo_path.exists():
        return [f"{mo_path.name} is missing next to the .po: compile it"]
    expected = _translations(polib.pofile(str(po_path)), compiled=False)
    actual = _translations(polib.mofile(str(mo_path)), compiled=True)
    differing = {key for key in expected.keys() | actual.keys() if expected.get(key) != actual.get(key)}
    if not differing:
        return []
    return [
        _section(f"{mo_path.name} is out of date with the .po: compile it (messages that differ)", _quoted(differing))
    ]


def _translations(catalogue: Any, *, compiled: bool) -> dict[Key, Any]:
    """What gettext will answer: translated, non-fuzzy entries, plus the header's plural rule."""
    result: dict[Key, Any] = {(None, "", "Plural-Forms"): catalogue.metadata.get("Plural-Forms", "")}
    for entry in catalogue:
        if not entry.msgid or entry.obsolete or (not compiled and ("fuzzy" in entry.flags or not entry.translated())):
            continue
        plural = tuple(sorted(entry.msgstr_plural.items())) if entry.msgid_plural else None
        result[_key(entry)] = plural or entry.msgstr
    return result


def coverage_problems(po_path: Path, project_dir: Path = PROJECT_DIR) -> list[str]:
    """Messages makemessages finds in the code that the .po lacks (run on a temporary copy)."""
    polib = _polib()
    with tempfile.TemporaryDirectory(prefix="nagesprek-i18n-") as temporary:
        copy = Path(temporary) / "project"
        fresh = _makemessages(project_dir, copy)
        in_code = {_key(e) for e in polib.pofile(str(fresh)) if e.msgid and not e.obsolete}
    in_po = {_key(e) for e in polib.pofile(str(po_path)) if e.msgid and not e.obsolete}
    missing = in_code - in_po
    unused = in_po - in_code
    if unused:
        print(f"note: {len(unused)} message(s) in the .po are no longer in the code; makemessages marks them obsolete.")
    return [_section("messages in the code missing from the .po", _quoted(missing))] if missing else []


def _makemessages(project_dir: Path, copy: Path) -> Path:
    caches = {"__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache"}
    skipped_at_top = {".git", "bench-results", *IGNORED}
    real_locale = project_dir / "nagesprek" / "locale"

    def skipped(folder: str, names: list[str]) -> list[str]:
        here = Path(folder)
        return [
            name
            for name in names
            if name in caches or (here == project_dir and name in skipped_at_top) or here / name == real_locale
        ]

    shutil.copytree(project_dir, copy, ignore=skipped)
    locale = copy / "nagesprek" / "locale"
    locale.mkdir(parents=True, exist_ok=True)
    environment = {**_clean_environment(), "NAGESPREK_DATA_DIR": str(copy / "data")}
    ran = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", _MAKEMESSAGES, str(locale), LANGUAGE, *IGNORED],
        cwd=copy,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    fresh = locale / LANGUAGE / "LC_MESSAGES" / "django.po"
    if ran.returncode != 0 or not fresh.exists():
        raise CheckError(f"makemessages failed on the copy of the project:\n{ran.stderr.strip()}")
    return fresh


def _clean_environment() -> dict[str, str]:
    # The demo's settings, whatever the caller's shell says: makemessages needs no database.
    environment = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL")}
    environment["DJANGO_SETTINGS_MODULE"] = "nagesprek.conf.dev"
    return environment


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise CheckError(f"{name} is not installed; install GNU gettext (apt-get install gettext).")
    return path


def _shown(path: Path) -> str:
    return str(path.relative_to(PROJECT_DIR)) if path.is_relative_to(PROJECT_DIR) else str(path)


class CheckError(Exception):
    """The check itself could not run."""


def check(po_path: Path = PO_PATH, project_dir: Path = PROJECT_DIR) -> list[str]:
    """All problems with the catalogue at ``po_path``; empty when the translation is complete."""
    if not po_path.exists():
        return [f"{_shown(po_path)} does not exist yet: create it with makemessages and translate it"]
    before = po_path.read_bytes()
    problems = [
        *catalogue_problems(po_path),
        *compiled_problems(po_path, po_path.with_suffix(".mo")),
        *coverage_problems(po_path, project_dir),
    ]
    if po_path.read_bytes() != before:  # the copy must have kept makemessages away from the real file
        po_path.write_bytes(before)
        raise CheckError(f"{po_path} changed during the check; restored it")
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    try:
        problems = check()
    except CheckError as error:
        print(f"Translation check could not run: {error}", file=sys.stderr)
        return 1
    if problems:
        print("Translation check FAILED:", file=sys.stderr)
        for problem in problems:
            print(f"  - {problem}", file=sys.stderr)
        print(f"Fix: {FIX}", file=sys.stderr)
        return 1
    print(f"Translations OK: {_shown(PO_PATH)} is complete, compiled and covers the code.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
