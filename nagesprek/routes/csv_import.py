"""Read a CSV file of routes: every row checked, every problem reported with its row number.

Columns (header row required, in any order; names as below):

- ``kind`` (required): certificate, partial_certificate, diploma_programme, course, registration,
  language_exam, work_experience, interview_practice, cv_advice
- ``title``, ``provider`` (required)
- ``closes``: what the route closes, ``kind: name`` separated by ``|``
  (e.g. ``certificate: Deelcertificaat Anesthesiologie|language: Nederlands C1``)
- ``duration_weeks`` (whole number), ``duration_text``, ``cost_eur`` (``1250``, ``1.250,00`` or ``1250.50``;
  empty = unknown), ``level``, ``language`` (nl/en), ``delivery_mode`` (classroom, online, blended,
  on_the_job), ``link`` (https://…), ``description``

UTF-8 with or without BOM; ``;`` or ``,`` between columns (read from the header row).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from nagesprek.routes.constants import DeliveryMode, RouteKind, RouteLanguage
from nagesprek.routes.services import RouteData
from nagesprek.routes.targets import TargetError, parse_targets

COLUMNS = (
    "kind", "title", "provider", "closes", "duration_weeks", "duration_text", "cost_eur", "level", "language",
    "delivery_mode", "link", "description",
)  # fmt: skip
REQUIRED_COLUMNS = ("kind", "title", "provider")
MAX_ROWS = 2000
_LIMITS = {"title": 200, "provider": 200, "duration_text": 100, "level": 50}


@dataclass(frozen=True)
class RowError:
    row: int  # the line of the file, the header being line 1
    message: str


@dataclass
class ParsedFile:
    rows: list[RouteData] = field(default_factory=list)
    row_numbers: list[int] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.rows)


def parse_routes_csv(content: bytes, *, existing: set[tuple[str, str]] = frozenset()) -> ParsedFile:  # type: ignore[assignment]
    """Parse and check every row; ``existing`` holds the (title, provider) pairs already in the catalogue."""
    result = ParsedFile()
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        result.errors.append(RowError(0, _("The file is not UTF-8 text. Save it as “CSV UTF-8” and try again.")))
        return result
    header_line = text.split("\n", 1)[0]
    delimiter = ";" if header_line.count(";") > header_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [h.strip().lower() for h in next(reader, [])]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    unknown = [h for h in header if h and h not in COLUMNS]
    if missing or unknown:
        result.errors.append(RowError(1, _header_message(missing, unknown)))
        return result
    seen = set(existing)
    for values in reader:
        if not any(v.strip() for v in values):
            continue
        line = reader.line_num
        if len(result.row_numbers) >= MAX_ROWS:
            result.errors.append(RowError(line, _("A file may hold at most %(max)s routes.") % {"max": MAX_ROWS}))
            break
        _parse_row(result, line, dict(zip(header, values, strict=False)), len(values) > len(header), seen)
    if not result.rows and not result.errors:
        result.errors.append(RowError(2, _("The file has a header row but no routes.")))
    return result


def _header_message(missing: list[str], unknown: list[str]) -> str:
    parts = []
    if missing:
        parts.append(_("Missing column(s): %(columns)s.") % {"columns": ", ".join(missing)})
    if unknown:
        parts.append(_("Unknown column(s): %(columns)s.") % {"columns": ", ".join(unknown)})
    return " ".join(parts) + " " + _("The columns are: %(columns)s.") % {"columns": ", ".join(COLUMNS)}


def _parse_row(result: ParsedFile, line: int, raw: dict[str, str], too_many: bool, seen: set) -> None:
    value = {key: (raw.get(key) or "").strip() for key in COLUMNS}
    problems: list[str] = []
    if too_many:
        problems.append(_("the row has more values than the header has columns"))
    problems += _required(value) + _choices(value) + _lengths(value)
    weeks, cost = _weeks(value["duration_weeks"], problems), _cost(value["cost_eur"], problems)
    if value["link"]:
        try:
            URLValidator(schemes=["http", "https"])(value["link"])
        except ValidationError:
            problems.append(_("link “%(link)s” is not a web address (https://…)") % {"link": value["link"]})
    try:
        targets = tuple(parse_targets(value["closes"]))
    except TargetError as error:
        problems.append(_("closes: %(problem)s") % {"problem": str(error)})
        targets = ()
    key = (value["title"], value["provider"])
    if value["title"] and value["provider"] and key in seen:
        problems.append(_("“%(title)s” by %(provider)s is already in the catalogue or earlier in this file") % {
            "title": value["title"], "provider": value["provider"]})  # fmt: skip
    seen.add(key)
    if problems:
        result.errors.extend(RowError(line, _sentence(p)) for p in problems)
        return
    result.row_numbers.append(line)
    result.rows.append(
        RouteData(
            kind=value["kind"], title=value["title"], provider=value["provider"], targets=targets,
            duration_weeks=weeks, duration_text=value["duration_text"], cost_eur=cost, level=value["level"],
            language=value["language"] or RouteLanguage.DUTCH,
            delivery_mode=value["delivery_mode"] or DeliveryMode.CLASSROOM, link=value["link"],
            description=value["description"],
        )
    )  # fmt: skip


def _sentence(text: str) -> str:
    # Not capitalised: most messages start with a column name, which is written as in the file.
    return text if text.endswith(".") else text + "."


def _required(value: dict[str, str]) -> list[str]:
    return [_("%(column)s is empty") % {"column": c} for c in REQUIRED_COLUMNS if not value[c]]


def _choices(value: dict[str, str]) -> list[str]:
    problems = []
    for column, choices in (("kind", RouteKind), ("language", RouteLanguage), ("delivery_mode", DeliveryMode)):
        if value[column] and value[column] not in choices.values:
            problems.append(
                _("%(column)s “%(value)s” is not one of: %(choices)s")
                % {"column": column, "value": value[column], "choices": ", ".join(choices.values)}
            )
    return problems


def _lengths(value: dict[str, str]) -> list[str]:
    return [
        _("%(column)s is longer than %(max)s characters") % {"column": c, "max": limit}
        for c, limit in _LIMITS.items()
        if len(value[c]) > limit
    ]


def _weeks(text: str, problems: list[str]) -> int | None:
    if not text:
        return None
    if not text.isdigit() or not 0 < int(text) <= 520:
        problems.append(_("duration_weeks “%(value)s” is not a whole number of weeks (1–520)") % {"value": text})  # noqa: RUF001
        return None
    return int(text)


def parse_cost(text: str) -> Decimal | None:
    """A euro amount as people write it: 1250 · 1.250 · 1.250,50 · 1250.50 · € 95; None when empty.

    A comma is the decimal separator; a dot followed by exactly three digits separates thousands.
    Raises ValueError when it is not an amount.
    """
    plain = text.replace("€", "").replace("EUR", "").replace(" ", "").strip()
    if not plain:
        return None
    if "," in plain:
        plain = plain.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(\.\d{3})+", plain):
        plain = plain.replace(".", "")
    try:
        amount = Decimal(plain)
    except InvalidOperation:
        raise ValueError(text) from None
    if amount < 0 or amount >= Decimal("1000000") or amount.as_tuple().exponent < -2:  # type: ignore[operator]
        raise ValueError(text)
    return amount


def _cost(text: str, problems: list[str]) -> Decimal | None:
    try:
        return parse_cost(text)
    except ValueError:
        problems.append(_("cost_eur “%(value)s” is not an amount in euros (for example 1250 or 1.250,00)") % {
            "value": text})  # fmt: skip
        return None
