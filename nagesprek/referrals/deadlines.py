"""A referral's answer-by date and its reminder days, in Dutch working days."""

from __future__ import annotations

from datetime import date

from nagesprek.referrals.constants import RESPONSE_WORKING_DAYS
from nagesprek.scheduling.holidays import add_working_days


def respond_by(referred_on: date, working_days: int = RESPONSE_WORKING_DAYS) -> date:
    """The last day to answer: ``working_days`` working days after the day of the referral."""
    return add_working_days(referred_on, working_days)


def reminder_day(deadline: date) -> date:
    """The working day before the deadline: the first reminder goes out from then."""
    return add_working_days(deadline, -1)
