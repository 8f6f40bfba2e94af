"""Routing: the candidate's language is a must, expertise comes first, then the lightest load; with reasons."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from nagesprek.scheduling.availability import HostCalendar, WorkingPeriod
from nagesprek.scheduling.routing import (
    KNOWS_JOB_FAMILY,
    LOAD,
    OTHER_JOB_FAMILY,
    SPEAKS_LANGUAGE,
    Reason,
    availability_mask,
    candidate_slots,
    rank_hosts,
)

AMS = ZoneInfo("Europe/Amsterdam")
WEEK = tuple(WorkingPeriod(d, time(9), time(12)) for d in range(5))
HALF_WEEK = tuple(WorkingPeriod(d, time(9), time(12)) for d in range(2))
LONG_AGO = datetime(2026, 1, 1, tzinfo=UTC)


def host(host_id, languages=("nl",), expertise=(), hours=WEEK, **kwargs):
    return HostCalendar(host_id, hours, languages=frozenset(languages), expertise=frozenset(expertise), **kwargs)


def test_only_advisors_who_speak_the_language_are_ranked_experts_first():
    hosts = [
        host(1, ("nl",), ("zorg",)),
        host(2, ("nl", "en"), ("ict",)),
        host(3, ("nl", "en"), ("zorg",)),
    ]
    assert [r.host_id for r in rank_hosts(hosts, language="en", job_family="zorg")] == [3, 2]
    assert [r.host_id for r in rank_hosts(hosts, language="nl", job_family="zorg")] == [1, 3, 2]
    assert rank_hosts(hosts, language="de", job_family="zorg") == []


def test_among_equals_the_lightest_load_per_working_hour_goes_first():
    hosts = [host(1), host(2, hours=HALF_WEEK), host(3)]
    ranked = rank_hosts(hosts, language="nl", job_family="zorg", load={1: 6, 2: 2, 3: 3})
    # per hour: 1 -> 6/15, 2 -> 2/6, 3 -> 3/15
    assert [r.host_id for r in ranked] == [3, 2, 1]


def test_each_ranking_explains_itself_in_data_not_sentences():
    (ranked,) = rank_hosts([host(7, ("nl", "en"), ("zorg",))], language="en", job_family="ict", load={7: 4})
    assert ranked.reasons == (
        Reason(SPEAKS_LANGUAGE, (("language", "en"),)),
        Reason(OTHER_JOB_FAMILY, (("job_family", "ict"),)),
        Reason(LOAD, (("conversations", 4), ("hours_per_week", 15))),
    )
    assert ranked.reasons[2].as_dict() == {"conversations": 4, "hours_per_week": 15}


def test_the_booking_page_shows_each_time_once_with_the_best_advisor_free_then():
    busy = ((datetime(2026, 6, 2, 9, 0, tzinfo=AMS), datetime(2026, 6, 2, 9, 45, tzinfo=AMS)),)
    hosts = [host(1, expertise=("zorg",), booked=busy), host(2), host(3, languages=("en",))]
    options = candidate_slots(
        hosts, language="nl", job_family="zorg", start=date(2026, 6, 2), end=date(2026, 6, 2), now=LONG_AGO
    )
    times = [(o.slot.starts_at.astimezone(AMS).strftime("%H:%M"), o.slot.host_id) for o in options]
    assert times == [("09:00", 2), ("09:45", 1), ("10:30", 1), ("11:15", 1)]
    assert options[1].reasons[1].code == KNOWS_JOB_FAMILY
    assert options[0].reasons[1].code == OTHER_JOB_FAMILY


def test_the_booking_page_keeps_to_the_candidates_day_parts():
    hosts = [host(1, hours=(WorkingPeriod(1, time(9), time(17)),), slot_minutes=60)]
    options = candidate_slots(
        hosts,
        language="nl",
        job_family="zorg",
        start=date(2026, 6, 1),
        end=date(2026, 6, 5),
        now=LONG_AGO,
        day_parts={(1, "afternoon")},
    )
    assert [o.slot.starts_at.astimezone(AMS).hour for o in options] == [12, 13, 14, 15, 16]
    none = candidate_slots(
        hosts,
        language="nl",
        job_family="zorg",
        start=date(2026, 6, 1),
        end=date(2026, 6, 5),
        now=LONG_AGO,
        day_parts={(2, "morning")},
    )
    assert none == []


def test_no_advisor_for_the_language_means_no_times():
    options = candidate_slots(
        [host(1)], language="en", job_family="zorg", start=date(2026, 6, 1), end=date(2026, 6, 5), now=LONG_AGO
    )
    assert options == []


def test_day_parts_become_a_bit_mask_and_unknown_parts_are_refused():
    assert availability_mask(None) == (1 << 21) - 1
    assert availability_mask({(0, "morning"), (1, "afternoon")}) == (1 << 0) | (1 << 4)
    with pytest.raises(ValueError):
        availability_mask({(0, "night")})
    with pytest.raises(ValueError):
        availability_mask({(7, "morning")})


def test_a_slot_option_starts_at_least_the_notice_after_now():
    now = datetime(2026, 6, 2, 8, 0, tzinfo=AMS)
    options = candidate_slots(
        [host(1)], language="nl", job_family="zorg", start=date(2026, 6, 2), end=date(2026, 6, 3), now=now
    )
    assert options[0].slot.starts_at >= now + timedelta(hours=12)
