"""Read an ESCO-style CSV of concepts: every row checked, every problem reported with its row number.

Columns (header row required, names as ESCO writes them): ``conceptUri`` and ``preferredLabel`` (required),
``altLabels`` (several, separated by new lines inside the cell or by ``|``), ``hiddenLabels`` (the same),
``language`` (``nl`` or ``en``; empty is ``nl``), ``conceptType`` or ``kind`` (occupation, skill/competence,
knowledge, skill, qualification; empty is the ``kind`` the caller passes, else skill).

Rows of one concept in two languages merge by ``conceptUri``. Rows are counted as a spreadsheet shows them
(the header is row 1; a cell with line breaks stays one row). UTF-8 with or without BOM; ``,`` or ``;``
between columns (read from the header row).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

MAX_ROWS = 50_000
MAX_LABEL = 200
REQUIRED_COLUMNS = ("conceptUri", "preferredLabel")
KINDS = {
    "skill/competence": "skill",
    "knowledge": "skill",
    "skill": "skill",
    "occupation": "occupation",
    "qualification": "qualification",
}


@dataclass(frozen=True)
class RowError:
    row: int  # 0: about the file as a whole, or a concept spread over several rows
    message: str


@dataclass
class ConceptRow:
    """One concept as the file describes it, both languages merged."""

    uri: str
    kind: str
    nl: str = ""
    en: str = ""
    labels: list[tuple[str, str, str]] = field(default_factory=list)  # (language, text, label kind)
    rows: list[int] = field(default_factory=list)


@dataclass
class ParsedVocabulary:
    concepts: list[ConceptRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.concepts)


def decode(content: bytes) -> str | None:
    """The file as text, or None when it is not UTF-8."""
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def _split(cell: str | None) -> list[str]:
    return [part.strip() for part in (cell or "").replace("|", "\n").splitlines() if part.strip()]


def parse_esco_csv(data: str, *, kind: str = "") -> ParsedVocabulary:
    """Parse and check every row (nothing is written here); see the module docstring for the columns."""
    result = ParsedVocabulary()
    header_line = data.split("\n", 1)[0]
    delimiter = ";" if header_line.count(";") > header_line.count(",") else ","
    reader = csv.DictReader(io.StringIO(data, newline=""), delimiter=delimiter)
    missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        result.errors.append(RowError(1, _("Missing columns: %(columns)s") % {"columns": ", ".join(missing)}))
        return result
    concepts: dict[str, ConceptRow] = {}
    for number, row in enumerate(reader, start=2):
        if number > MAX_ROWS + 1:
            result.errors.append(RowError(number, _("Too many rows: at most %(count)d.") % {"count": MAX_ROWS}))
            break
        if not any((value or "").strip() for value in row.values() if isinstance(value, str)):
            continue
        message = _add_row(concepts, row, number, kind)
        if message:
            result.errors.append(RowError(number, message))
    for concept in concepts.values():
        if not concept.nl:
            first = concept.rows[0] if concept.rows else 0
            result.errors.append(RowError(first, _("%(uri)s has no Dutch preferred label.") % {"uri": concept.uri}))
    result.concepts = list(concepts.values())
    return result


def _add_row(concepts: dict[str, ConceptRow], row: dict, number: int, default_kind: str) -> str:
    """Merge one row into ``concepts``; the problem with it in words, or ""."""
    uri, label = (row.get("conceptUri") or "").strip(), (row.get("preferredLabel") or "").strip()
    language = (row.get("language") or "nl").strip().lower()
    row_kind = KINDS.get((row.get("conceptType") or row.get("kind") or default_kind or "skill").strip().lower())
    if not uri or not label:
        return _("conceptUri and preferredLabel are required.")
    if language not in ("nl", "en"):
        return _("Language must be nl or en.")
    if row_kind is None:
        return _("Unknown kind of concept: use occupation, skill or qualification.")
    alternatives, hidden = _split(row.get("altLabels")), _split(row.get("hiddenLabels"))
    if any(len(text) > MAX_LABEL for text in [label, *alternatives, *hidden]) or len(uri) > 300:
        return _("A label is longer than %(count)d characters.") % {"count": MAX_LABEL}
    concept = concepts.setdefault(uri, ConceptRow(uri=uri, kind=row_kind))
    if concept.kind != row_kind:
        return _("%(uri)s has another kind on an earlier row.") % {"uri": uri}
    if getattr(concept, language):
        return _("%(uri)s has a second preferred label in the same language.") % {"uri": uri}
    setattr(concept, language, label)
    concept.labels += [(language, text, "alternative") for text in alternatives]
    concept.labels += [(language, text, "hidden") for text in hidden]
    concept.rows.append(number)
    return ""
