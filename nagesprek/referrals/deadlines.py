"""A referral's answer-by date and its reminder days, in Dutch working days."""

from __future__ import annotations

from datetime import date, timedelta

from nagesprek.referrals.constants import RESPONSE_WORKING_DAYS

try:
    from nagesprek.scheduling.holidays import add_working_days
except ImportError:  # until nagesprek.scheduling lands: weekends only, no public holidays

    def add_working_days(day: date, n: int, holidays=None) -> date:  # type: ignore[misc]
        step = 1 if n >= 0 else -1
        remaining, current = abs(n), day
        while remaining:
            current += timedelta(days=step)
            if current.weekday() < 5:
                remaining -= 1
        return current


def respond_by(referred_on: date, working_days: int = RESPONSE_WORKING_DAYS) -> date:
    """The last day to answer: ``working_days`` working days after the day of the referral."""
    return add_working_days(referred_on, working_days)


def reminder_day(deadline: date) -> date:
    """The working day before the deadline: the first reminder goes out from then."""
    return add_working_days(deadline, -1)
