"""Dutch public holidays and working days, from the `holidays` package (NL)."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import date, timedelta
from functools import lru_cache

import holidays as holidays_lib


def dutch_public_holidays(years: Iterable[int]) -> frozenset[date]:
    """The Dutch public holidays of ``years`` as `holidays.NL` knows them (Good Friday included)."""
    return _holidays_of(tuple(sorted(set(years))))


@lru_cache(maxsize=64)
def _holidays_of(years: tuple[int, ...]) -> frozenset[date]:
    return frozenset(holidays_lib.country_holidays("NL", years=years).keys())


def _holidays_around(day: date, holidays: Collection[date] | None) -> Collection[date]:
    # Callers near New Year step into the next or previous year, so take both neighbours.
    if holidays is not None:
        return holidays
    return dutch_public_holidays((day.year - 1, day.year, day.year + 1))


def is_working_day(day: date, holidays: Collection[date] | None = None) -> bool:
    """Monday to Friday and not a holiday (``holidays`` None = Dutch public holidays)."""
    return day.weekday() < 5 and day not in _holidays_around(day, holidays)


def add_working_days(day: date, n: int, holidays: Collection[date] | None = None) -> date:
    """The date ``n`` working days after ``day`` (before it when ``n`` is negative); ``n`` = 0 gives ``day``."""
    step = 1 if n >= 0 else -1
    remaining = abs(n)
    current = day
    while remaining:
        current += timedelta(days=step)
        if current.weekday() < 5 and current not in _holidays_around(current, holidays):
            remaining -= 1
    return current
