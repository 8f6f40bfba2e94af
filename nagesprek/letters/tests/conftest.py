"""Dutch for the letter tests: the real catalogue once the lead has added the .po, else a stand-in.

The stand-in is compiled from ``letters/translations_nl.md`` into a temporary .mo and put first
on LOCALE_PATHS, so the letter is rendered through Django's own gettext machinery exactly as
it will be with the real catalogue.
"""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from django.conf import settings as django_settings

from nagesprek.letters.translation_check import dutch_wording

REAL_DUTCH_PO = Path(django_settings.BASE_DIR) / "locale" / "nl" / "LC_MESSAGES" / "django.po"


@pytest.fixture
def dutch_catalogue(settings, tmp_path) -> str:
    """Make Dutch renders use the intended Dutch; returns "real" or "stand-in" (for messages)."""
    if REAL_DUTCH_PO.exists():
        return "real"
    catalogue = polib.POFile()
    catalogue.metadata = {
        "Content-Type": "text/plain; charset=UTF-8",
        "Language": "nl",
        "Plural-Forms": "nplurals=2; plural=(n != 1);",
    }
    for msgid, dutch in dutch_wording().items():
        if msgid.plural:
            entry = polib.POEntry(msgid=msgid.singular, msgid_plural=msgid.plural, msgstr_plural=dict(enumerate(dutch)))
        else:
            entry = polib.POEntry(msgid=msgid.singular, msgstr=dutch[0])
        catalogue.append(entry)
    directory = tmp_path / "locale" / "nl" / "LC_MESSAGES"
    directory.mkdir(parents=True)
    catalogue.save_as_mofile(str(directory / "django.mo"))
    settings.LOCALE_PATHS = [tmp_path / "locale", *settings.LOCALE_PATHS]
    return "stand-in"
