"""Session dates from a recurrence (Dutch public holidays skipped) and slot times, across daylight saving."""

from datetime import UTC, date, datetime, time, timedelta

from nagesprek.consultations import recurrence
from nagesprek.scheduling.holidays import dutch_public_holidays

HOLIDAYS = dutch_public_holidays(range(2026, 2028))


def test_monthly_on_the_first_tuesday():
    rule = recurrence.Rule(frequency=recurrence.MONTHLY, weekday=1, week_of_month=1)

    dates = recurrence.occurrences(rule, start=date(2026, 9, 1), end=date(2026, 12, 31), holidays=HOLIDAYS)

    assert dates == [date(2026, 9, 1), date(2026, 10, 6), date(2026, 11, 3), date(2026, 12, 1)]


def test_a_date_on_a_public_holiday_is_skipped_not_moved():
    # King's Day 2027 is the fourth Tuesday of April.
    rule = recurrence.Rule(frequency=recurrence.MONTHLY, weekday=1, week_of_month=4)

    dates = recurrence.occurrences(rule, start=date(2027, 3, 1), end=date(2027, 5, 31), holidays=HOLIDAYS)

    assert dates == [date(2027, 3, 23), date(2027, 5, 25)]


def test_weekly_on_monday_skips_easter_monday_and_kings_day():
    rule = recurrence.Rule(frequency=recurrence.WEEKLY, weekday=0)

    dates = recurrence.occurrences(rule, start=date(2026, 4, 1), end=date(2026, 4, 30), holidays=HOLIDAYS)

    assert dates == [date(2026, 4, 13), date(2026, 4, 20)]  # 6 April Easter Monday, 27 April King's Day


def test_the_last_weekday_of_the_month_and_the_rules_own_dates():
    rule = recurrence.Rule(
        frequency=recurrence.MONTHLY, weekday=3, week_of_month=recurrence.LAST, starts_on=date(2026, 10, 1),
        ends_on=date(2026, 11, 30),
    )  # fmt: skip

    dates = recurrence.occurrences(rule, start=date(2026, 1, 1), end=date(2026, 12, 31))

    assert dates == [date(2026, 10, 29), date(2026, 11, 26)]


def test_session_times_follow_the_local_clock_on_both_sides_of_the_change_to_winter_time():
    summer = recurrence.session_bounds(date(2026, 10, 20), time(16), time(17, 30))
    winter = recurrence.session_bounds(date(2026, 10, 27), time(16), time(17, 30))

    assert summer[0].astimezone(UTC).hour == 14
    assert winter[0].astimezone(UTC).hour == 15
    assert summer[1] - summer[0] == winter[1] - winter[0] == timedelta(minutes=90)


def test_a_session_of_an_hour_and_a_half_has_six_slots_of_fifteen_minutes():
    starts_at, ends_at = recurrence.session_bounds(date(2026, 10, 6), time(16), time(17, 30))

    starts = recurrence.slot_starts(starts_at, ends_at, 15)

    assert len(starts) == 6
    assert starts[0] == datetime(2026, 10, 6, 14, 0, tzinfo=UTC)
    assert starts[-1] == datetime(2026, 10, 6, 15, 15, tzinfo=UTC)


def test_places_per_slot_are_the_hosts_without_a_booking_and_load_picks_the_least_busy():
    start = datetime(2026, 10, 6, 14, tzinfo=UTC)
    starts = [start, start + timedelta(minutes=15)]

    slots = recurrence.slot_places(starts=starts, minutes=15, hosts=[3, 1, 2], taken=[(start, 2)])

    assert [slot.free_hosts for slot in slots] == [(1, 3), (1, 2, 3)]
    assert recurrence.least_loaded_host((1, 3), {1: 2, 3: 0}) == 3
    assert recurrence.least_loaded_host((1, 3), {}) == 1
