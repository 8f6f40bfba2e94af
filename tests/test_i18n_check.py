"""The translation check catches what a Dutch user would see as English or stale text."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import polib
import pytest

from nagesprek import i18n_check

pytestmark = pytest.mark.skipif(shutil.which("msgfmt") is None, reason="needs GNU gettext (msgfmt, xgettext)")


@pytest.fixture(scope="module")
def messages_in_code() -> Iterator[polib.POFile]:
    """The catalogue makemessages builds from the code as it is, untranslated."""
    with tempfile.TemporaryDirectory() as temporary:
        yield polib.pofile(str(i18n_check._makemessages(i18n_check.PROJECT_DIR, Path(temporary) / "project")))


def _translated(catalogue: polib.POFile, folder: Path) -> Path:
    """A complete, compiled copy: every message 'translated' (placeholders kept), as the lead would leave it."""
    po = polib.pofile(catalogue.__unicode__())
    for entry in po:
        entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
        if entry.msgid_plural:
            entry.msgstr_plural = {0: f"NL {entry.msgid}", 1: f"NL {entry.msgid_plural}"}
        else:
            entry.msgstr = f"NL {entry.msgid}"
    path = folder / "django.po"
    po.save(str(path))
    _compile(path)
    return path


def _compile(po_path: Path) -> None:
    subprocess.run(["msgfmt", "-o", str(po_path.with_suffix(".mo")), str(po_path)], check=True)  # noqa: S603,S607


def test_a_missing_catalogue_fails_and_says_so(tmp_path):
    problems = i18n_check.check(po_path=tmp_path / "django.po")

    assert len(problems) == 1
    assert "does not exist" in problems[0]


def test_a_complete_compiled_catalogue_passes(tmp_path, messages_in_code):
    po_path = _translated(messages_in_code, tmp_path)

    assert i18n_check.check(po_path=po_path) == []


def test_untranslated_and_fuzzy_messages_are_named(tmp_path, messages_in_code):
    po_path = _translated(messages_in_code, tmp_path)
    po = polib.pofile(str(po_path))
    singular = [entry for entry in po if entry.msgid and not entry.msgid_plural]
    singular[0].msgstr = ""
    singular[1].flags.append("fuzzy")
    po.save(str(po_path))

    problems = "\n".join(i18n_check.catalogue_problems(po_path))

    assert "untranslated messages (1)" in problems
    assert repr(singular[0].msgid) in problems
    assert "fuzzy messages" in problems
    assert repr(singular[1].msgid) in problems


def test_a_translation_that_drops_a_placeholder_is_rejected(tmp_path, messages_in_code):
    po_path = _translated(messages_in_code, tmp_path)
    po = polib.pofile(str(po_path))
    entry = next(e for e in po if "python-format" in e.flags and "%(" in e.msgid and not e.msgid_plural)
    entry.msgstr = "Zonder plaatshouder"
    po.save(str(po_path))

    assert any("msgfmt rejects" in problem for problem in i18n_check.catalogue_problems(po_path))


def test_a_mo_file_not_compiled_after_a_change_is_reported(tmp_path, messages_in_code):
    po_path = _translated(messages_in_code, tmp_path)
    po = polib.pofile(str(po_path))
    entry = next(e for e in po if e.msgid and not e.msgid_plural)
    entry.msgstr = "Een betere vertaling"
    po.save(str(po_path))

    problems = i18n_check.compiled_problems(po_path, po_path.with_suffix(".mo"))

    assert len(problems) == 1
    assert "out of date" in problems[0]
    assert repr(entry.msgid) in problems[0]
    _compile(po_path)
    assert i18n_check.compiled_problems(po_path, po_path.with_suffix(".mo")) == []


def test_a_message_in_the_code_missing_from_the_catalogue_is_named(tmp_path, messages_in_code):
    po_path = _translated(messages_in_code, tmp_path)
    po = polib.pofile(str(po_path))
    removed = next(e for e in po if e.msgid)
    po.remove(removed)
    po.save(str(po_path))

    problems = i18n_check.coverage_problems(po_path)

    assert len(problems) == 1
    assert "missing from the .po (1)" in problems[0]
    assert repr(removed.msgid) in problems[0]
