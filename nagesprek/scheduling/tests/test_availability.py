"""Free slots: what a candidate can book, in Dutch local time, across daylight-saving changes and holidays."""

import itertools
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nagesprek.scheduling.availability import (
    HostCalendar,
    Slot,
    WorkingPeriod,
    free_slot_arrays,
    free_slots,
)
from nagesprek.scheduling.holidays import dutch_public_holidays

AMS = ZoneInfo("Europe/Amsterdam")
LONG_AGO = datetime(2026, 1, 1, tzinfo=UTC)
OFFICE_HOURS = tuple(WorkingPeriod(d, time(9), time(17)) for d in range(5))


def local(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=AMS)


def local_starts(slots: list[Slot]) -> list[str]:
    return [f"{s.starts_at.astimezone(AMS):%a %d %H:%M}" for s in slots]


def test_a_working_day_is_cut_into_slots_from_the_start_of_each_period():
    host = HostCalendar(1, (WorkingPeriod(1, time(9), time(12)), WorkingPeriod(1, time(13), time(15))))
    slots = free_slots([host], start=date(2026, 6, 2), end=date(2026, 6, 2), now=LONG_AGO)
    assert local_starts(slots) == [
        "Tue 02 09:00",
        "Tue 02 09:45",
        "Tue 02 10:30",
        "Tue 02 11:15",
        "Tue 02 13:00",
        "Tue 02 13:45",
    ]
    assert all(s.ends_at - s.starts_at == timedelta(minutes=45) for s in slots)
    assert all(s.starts_at.tzinfo == UTC for s in slots)


def test_nine_oclock_is_eight_utc_before_summer_time_and_seven_after():
    host = HostCalendar(1, OFFICE_HOURS, slot_minutes=60)
    slots = free_slots([host], start=date(2026, 3, 27), end=date(2026, 3, 30), now=LONG_AGO)
    firsts = {s.starts_at.astimezone(AMS).date(): s.starts_at for s in reversed(slots)}
    assert firsts[date(2026, 3, 27)] == datetime(2026, 3, 27, 8, 0, tzinfo=UTC)
    assert firsts[date(2026, 3, 30)] == datetime(2026, 3, 30, 7, 0, tzinfo=UTC)
    assert len(slots) == 16  # Friday and Monday, eight hours each; no weekend


def test_nine_oclock_is_seven_utc_before_winter_time_and_eight_after():
    host = HostCalendar(1, OFFICE_HOURS, slot_minutes=60)
    slots = free_slots([host], start=date(2026, 10, 23), end=date(2026, 10, 26), now=LONG_AGO)
    assert slots[0].starts_at == datetime(2026, 10, 23, 7, 0, tzinfo=UTC)
    assert slots[8].starts_at == datetime(2026, 10, 26, 8, 0, tzinfo=UTC)


@pytest.mark.parametrize(("day", "expected"), [(date(2026, 3, 29), 2), (date(2026, 10, 25), 4)])
def test_a_night_period_on_the_day_of_the_change_follows_the_real_clock(day, expected):
    # 01:00-04:00 on the last Sunday of March lasts two real hours, on the last Sunday of October four.
    host = HostCalendar(1, (WorkingPeriod(6, time(1), time(4)),), slot_minutes=60)
    slots = free_slots([host], start=day, end=day, now=LONG_AGO, holidays=())
    assert len(slots) == expected
    assert all(s.ends_at - s.starts_at == timedelta(hours=1) for s in slots)
    assert slots[0].starts_at.astimezone(AMS).hour == 1


def test_public_holidays_have_no_slots_unless_the_organisation_works_on_them():
    host = HostCalendar(1, OFFICE_HOURS, extra=((local(2026, 4, 27, 18), local(2026, 4, 27, 20)),))
    kings_day = date(2026, 4, 27)
    assert free_slots([host], start=kings_day, end=kings_day, now=LONG_AGO) == []
    assert len(free_slots([host], start=kings_day, end=kings_day, now=LONG_AGO, holidays=())) == 10 + 2


def test_extra_time_adds_slots_even_on_a_saturday_and_joins_touching_working_hours():
    host = HostCalendar(
        1,
        (WorkingPeriod(1, time(9), time(10, 30)),),
        extra=((local(2026, 6, 6, 10), local(2026, 6, 6, 11, 30)), (local(2026, 6, 2, 10, 30), local(2026, 6, 2, 12))),
    )
    slots = free_slots([host], start=date(2026, 6, 1), end=date(2026, 6, 7), now=LONG_AGO)
    assert local_starts(slots) == [
        "Tue 02 09:00",
        "Tue 02 09:45",
        "Tue 02 10:30",
        "Tue 02 11:15",
        "Sat 06 10:00",
        "Sat 06 10:45",
    ]


def test_bookings_blocked_time_and_out_of_office_remove_only_the_slots_they_overlap():
    host = HostCalendar(
        1,
        (WorkingPeriod(1, time(9), time(12)), WorkingPeriod(2, time(9), time(12))),
        booked=((local(2026, 6, 2, 10, 0), local(2026, 6, 2, 10, 30)),),  # takes the 09:45 slot only
        blocked=((local(2026, 6, 3, 0, 0), local(2026, 6, 4, 0, 0)),),  # out of office all Wednesday
    )
    slots = free_slots([host], start=date(2026, 6, 2), end=date(2026, 6, 3), now=LONG_AGO)
    assert local_starts(slots) == ["Tue 02 09:00", "Tue 02 10:30", "Tue 02 11:15"]


def test_a_full_day_offers_nothing_more_and_other_days_still_do():
    bookings = ((local(2026, 6, 2, 9), local(2026, 6, 2, 9, 45)), (local(2026, 6, 2, 14), local(2026, 6, 2, 14, 45)))
    host = HostCalendar(1, OFFICE_HOURS, booked=bookings, max_per_day=2)
    slots = free_slots([host], start=date(2026, 6, 2), end=date(2026, 6, 3), now=LONG_AGO)
    assert {s.starts_at.astimezone(AMS).date() for s in slots} == {date(2026, 6, 3)}
    roomier = HostCalendar(1, OFFICE_HOURS, booked=bookings, max_per_day=3)
    assert (
        len(free_slots([roomier], start=date(2026, 6, 2), end=date(2026, 6, 2), now=LONG_AGO)) == 10 - 3
    )  # 14:00 overlaps two


def test_no_slot_starts_within_the_minimum_notice():
    host = HostCalendar(1, OFFICE_HOURS)
    now = local(2026, 6, 2, 8, 0)
    slots = free_slots([host], start=date(2026, 6, 2), end=date(2026, 6, 3), now=now)
    assert slots[0].starts_at == local(2026, 6, 3, 9, 0)
    slots = free_slots([host], start=date(2026, 6, 2), end=date(2026, 6, 3), now=now, min_notice=timedelta(hours=2))
    assert slots[0].starts_at == local(2026, 6, 2, 10, 30)


def test_slots_of_several_hosts_are_sorted_by_time_then_host_and_short_slots_for_consultation_hours():
    recruiter = HostCalendar(7, (WorkingPeriod(1, time(9), time(10)),), slot_minutes=15)
    advisor = HostCalendar(3, (WorkingPeriod(1, time(9), time(10)),), slot_minutes=30)
    slots = free_slots([recruiter, advisor], start=date(2026, 6, 2), end=date(2026, 6, 2), now=LONG_AGO)
    assert [(f"{s.starts_at.astimezone(AMS):%H:%M}", s.host_id) for s in slots] == [
        ("09:00", 3),
        ("09:00", 7),
        ("09:15", 7),
        ("09:30", 3),
        ("09:30", 7),
        ("09:45", 7),
    ]
    assert slots == sorted(slots, key=lambda s: (s.starts_at, s.host_id))


def test_no_hosts_or_no_days_give_no_slots_and_naive_times_are_refused():
    assert free_slots([], start=date(2026, 6, 2), end=date(2026, 6, 9), now=LONG_AGO) == []
    host = HostCalendar(1, OFFICE_HOURS)
    assert free_slots([host], start=date(2026, 6, 9), end=date(2026, 6, 2), now=LONG_AGO) == []
    with pytest.raises(ValueError):
        free_slots([host], start=date(2026, 6, 2), end=date(2026, 6, 2), now=datetime(2026, 1, 1))
    with pytest.raises(ValueError):
        WorkingPeriod(0, time(12), time(9))
    with pytest.raises(ValueError):
        HostCalendar(1, OFFICE_HOURS, slot_minutes=0)


# Properties over random calendars, a month around the change to summer time (and Easter, Koningsdag).
START = date(2026, 3, 23)
END = date(2026, 4, 30)
HOLIDAYS = dutch_public_holidays([2026])
quarter = st.integers(min_value=7 * 4, max_value=19 * 4).map(lambda q: time(q // 4, (q % 4) * 15))


@st.composite
def periods(draw):
    weekday = draw(st.integers(0, 4))
    a, b = sorted(draw(st.lists(quarter, min_size=2, max_size=2, unique=True)))
    return WorkingPeriod(weekday, a, b)


@st.composite
def intervals(draw, max_minutes=600):
    day = START + timedelta(days=draw(st.integers(0, (END - START).days)))
    begin = datetime.combine(day, draw(quarter), tzinfo=AMS) + timedelta(minutes=draw(st.integers(0, 14)))
    return begin, begin + timedelta(minutes=draw(st.integers(1, max_minutes)))


@st.composite
def calendars(draw, host_id):
    extra = tuple(iv for iv in draw(st.lists(intervals(240), max_size=3)) if iv[0].astimezone(AMS).weekday() < 5)
    return HostCalendar(
        host_id,
        tuple(draw(st.lists(periods(), min_size=1, max_size=6))),
        slot_minutes=draw(st.sampled_from([15, 30, 45, 60])),
        extra=extra,
        blocked=tuple(draw(st.lists(intervals(), max_size=4))),
        booked=tuple(draw(st.lists(intervals(90), max_size=8))),
        max_per_day=draw(st.none() | st.integers(0, 3)),
    )


def _inside_own_time(slot: Slot, host: HostCalendar) -> bool:
    start = slot.starts_at.astimezone(AMS)
    pieces = [(s, e) for s, e in host.extra] + [
        (datetime.combine(start.date(), p.start, tzinfo=AMS), datetime.combine(start.date(), p.end, tzinfo=AMS))
        for p in host.working_hours
        if p.weekday == start.weekday()
    ]
    # A slot may span a working period and extra time that touch: walk the covered stretch.
    covered_until = slot.starts_at
    for s, e in sorted(pieces):
        if s <= covered_until < e:
            covered_until = e
    return covered_until >= slot.ends_at


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.integers(1, 40), min_size=1, max_size=4, unique=True).flatmap(
        lambda ids: st.tuples(*[calendars(i) for i in ids])
    ),
    st.integers(0, 30 * 24),
)
def test_properties_of_free_slots(hosts, hours_after_start):
    now = datetime.combine(START, time(0), tzinfo=AMS) + timedelta(hours=hours_after_start)
    slots = free_slots(hosts, start=START, end=END, now=now)
    by_id = {h.host_id: h for h in hosts}
    assert slots == sorted(slots, key=lambda s: (s.starts_at, s.host_id))
    for slot in slots:
        host = by_id[slot.host_id]
        local_start = slot.starts_at.astimezone(AMS)
        assert local_start.weekday() < 5 and local_start.date() not in HOLIDAYS
        assert START <= local_start.date() <= END
        assert slot.ends_at - slot.starts_at == timedelta(minutes=host.slot_minutes)
        assert slot.starts_at >= now + timedelta(hours=12)
        assert _inside_own_time(slot, host)
        for s, e in (*host.booked, *host.blocked):
            assert not (s < slot.ends_at and slot.starts_at < e), "overlaps a booking or blocked time"
        if host.max_per_day is not None:
            same_day = [b for b in host.booked if b[0].astimezone(AMS).date() == local_start.date()]
            assert len(same_day) < host.max_per_day
    for host in hosts:
        own = [s for s in slots if s.host_id == host.host_id]
        assert all(a.ends_at <= b.starts_at for a, b in itertools.pairwise(own)), "a host's slots overlap"


def test_the_arrays_hold_the_same_slots_as_the_objects():
    hosts = [
        HostCalendar(i, OFFICE_HOURS, booked=((local(2026, 6, 2, 9 + i), local(2026, 6, 2, 10 + i)),))
        for i in (1, 2, 3)
    ]
    arrays = free_slot_arrays(hosts, start=date(2026, 6, 1), end=date(2026, 6, 5), now=LONG_AGO)
    assert arrays.to_slots() == free_slots(hosts, start=date(2026, 6, 1), end=date(2026, 6, 5), now=LONG_AGO)
    assert len(arrays) == 3 * 5 * 10 - 3 * 2
    assert {arrays.days[d] for d in arrays.day.tolist()} == {date(2026, 6, d) for d in range(1, 6)}
