"""Dutch public holidays and working days: the deadline of a nagesprek counts working days only."""

from datetime import date

from nagesprek.scheduling.holidays import add_working_days, dutch_public_holidays, is_working_day


def test_the_dutch_public_holidays_of_2026_include_kings_day_easter_and_christmas():
    days = dutch_public_holidays([2026])
    assert {date(2026, 1, 1), date(2026, 4, 6), date(2026, 4, 27), date(2026, 5, 14), date(2026, 12, 25)} <= days
    assert date(2026, 4, 28) not in days


def test_holidays_are_the_same_whatever_the_order_of_the_years():
    assert dutch_public_holidays([2026, 2025]) == dutch_public_holidays((2025, 2026, 2025))


def test_weekends_and_holidays_are_not_working_days():
    assert is_working_day(date(2026, 4, 28))  # a Tuesday
    assert not is_working_day(date(2026, 4, 25))  # Saturday
    assert not is_working_day(date(2026, 4, 27))  # Koningsdag, a Monday
    assert is_working_day(date(2026, 4, 27), holidays=())  # an organisation that works on holidays


def test_adding_working_days_skips_weekends_and_holidays_also_across_new_year():
    assert add_working_days(date(2026, 4, 24), 1) == date(2026, 4, 28)  # Fri -> skip weekend and Koningsdag
    assert add_working_days(date(2025, 12, 24), 2) == date(2025, 12, 30)  # Christmas, weekend
    assert add_working_days(date(2025, 12, 31), 1) == date(2026, 1, 2)  # New Year's Day
    assert add_working_days(date(2026, 4, 28), 0) == date(2026, 4, 28)
    assert add_working_days(date(2026, 4, 28), -1) == date(2026, 4, 24)


def test_ten_working_days_after_a_rejection_is_two_weeks_without_holidays():
    assert add_working_days(date(2026, 6, 1), 10) == date(2026, 6, 15)
    assert add_working_days(date(2026, 6, 1), 10, holidays={date(2026, 6, 3)}) == date(2026, 6, 16)
