"""Find English left in a Dutch letter: the msgids of the letter templates, and which of them show up in a render.

Used by the tests (a Dutch letter must not contain an untranslated sentence) and by
the stand-in Dutch catalogue built from ``translations_nl.md`` until the lead adds
the real ``.po`` file.
"""

from __future__ import annotations

import ast
import html
import re
from dataclasses import dataclass
from pathlib import Path

from django.template.loader import get_template
from django.utils.translation.template import templatize

LETTER_TEMPLATES = (
    "emails/rejection_letter/subject.txt",
    "emails/rejection_letter/body.txt",
    "emails/rejection_letter/body.html",
    "emails/rejection_letter/_content.html",
    "emails/rejection_letter/_opening.txt",
    "emails/rejection_letter/_reasons.html",
    "emails/rejection_letter/_retention.txt",
    "emails/rejection_letter/_rights.txt",
    "letters/letter_pdf.html",
)
CANDIDATE_LINK_TEMPLATES = (
    "emails/candidate_link/subject.txt",
    "emails/candidate_link/body.txt",
    "emails/candidate_link/body.html",
)
TRANSLATIONS_NL = Path(__file__).resolve().parent / "translations_nl.md"

_STRING = r"u'(?:[^'\\]|\\.)*'"
_CALL_RE = re.compile(rf"\b(?P<function>n?p?gettext)\((?P<args>{_STRING}(?:,\s*{_STRING})*)")
_PLACEHOLDER_RE = re.compile(r"%\((\w+)\)[sd]")
_TAG_RE = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Msgid:
    singular: str
    plural: str = ""


def template_msgids(names: tuple[str, ...] = LETTER_TEMPLATES) -> list[Msgid]:
    """Every translatable string in these templates, as makemessages would extract it (in order, no repeats)."""
    found: dict[Msgid, None] = {}
    for name in names:
        source = Path(get_template(name).origin.name).read_text(encoding="utf-8")  # type: ignore[attr-defined]
        for match in _CALL_RE.finditer(templatize(source)):
            strings = [ast.literal_eval(literal) for literal in re.findall(_STRING, match["args"])]
            if match["function"].startswith("np") or match["function"].startswith("p"):
                strings = strings[1:]  # drop the context
            found[Msgid(strings[0], strings[1] if match["function"].startswith(("n", "np")) else "")] = None
    return list(found)


def untranslated(rendered: str, msgids: list[Msgid]) -> list[str]:
    """The msgids whose English text appears in ``rendered`` (text or HTML): what a Dutch render must not show.

    Placeholders match any text, so "Dear %(name)s," is found in "Dear Anna,". Whitespace
    and line breaks are ignored, HTML tags removed and entities decoded first.
    """
    text = _normalise(html.unescape(_TAG_RE.sub(" ", rendered)))
    hits = []
    for msgid in msgids:
        for english in filter(None, (msgid.singular, msgid.plural)):
            if _as_pattern(english).search(text):
                hits.append(english)
                break
    return hits


def _as_pattern(english: str) -> re.Pattern[str]:
    parts = _PLACEHOLDER_RE.split(_normalise(english))
    # split() alternates literal text and placeholder names; literals are escaped, names become wildcards.
    pattern = "".join(re.escape(part) if index % 2 == 0 else r".+?" for index, part in enumerate(parts))
    return re.compile(pattern)


def _normalise(text: str) -> str:
    return " ".join(text.split())


def dutch_wording(path: Path = TRANSLATIONS_NL) -> dict[Msgid, tuple[str, ...]]:
    """The intended Dutch for each msgid, read from the tables in translations_nl.md.

    Two-column rows are ``msgid | Dutch``; four-column rows are
    ``singular | plural | Dutch singular | Dutch plural``. Cells may be wrapped in backticks.
    """
    wording: dict[Msgid, tuple[str, ...]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = [_unquote(cell) for cell in line.strip().strip("|").split(" | ")] if line.startswith("| ") else []
        if len(cells) == 2 and not _is_header(cells):
            wording[Msgid(cells[0])] = (cells[1],)
        elif len(cells) == 4 and not _is_header(cells):
            wording[Msgid(cells[0], cells[1])] = (cells[2], cells[3])
    return wording


def _unquote(cell: str) -> str:
    cell = cell.strip()
    return cell[1:-1] if len(cell) >= 2 and cell[0] == cell[-1] == "`" else cell


def _is_header(cells: list[str]) -> bool:
    return cells[0].lower() in {"msgid", "msgid (singular)"} or set(cells[0]) <= set("-: ")
