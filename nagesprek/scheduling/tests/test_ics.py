"""Calendar invitations: accepted by `icalendar` and by the independent parser `vobject`, right across DST."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
import vobject

from nagesprek.scheduling.ics import calendar_invitation

AMS = ZoneInfo("Europe/Amsterdam")


def _invite(**overrides):
    values = dict(
        uid="conversation-42@nagesprek.example",
        sequence=0,
        method="REQUEST",
        starts_at=datetime(2026, 6, 2, 10, 0, tzinfo=AMS),
        ends_at=datetime(2026, 6, 2, 10, 45, tzinfo=AMS),
        summary="Nagesprek: één gesprek; met de loopbaanadviseur, over je sollicitatie",
        description="We bespreken je sollicitatie.\nNeem je vragen mee.",
        location="Stadhuis, kamer 3",
        organizer=("anna@example.org", "Anna de Vries"),
        attendees=[("joyce@example.net", "Joyce Jansen"), ("anna@example.org", "Anna de Vries")],
        url="https://nagesprek.example/p/abc",
        stamp=datetime(2026, 5, 20, 9, 0, tzinfo=UTC),
    )
    values.update(overrides)
    return calendar_invitation(**values)


def _vobject(data: bytes):
    return vobject.readOne(data.decode("utf-8"))


def test_a_request_is_read_the_same_by_icalendar_and_vobject():
    data = _invite()
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and data.endswith(b"END:VCALENDAR\r\n")
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))  # folded lines (RFC 5545 §3.1)

    cal = icalendar.Calendar.from_ical(data)
    assert cal["METHOD"] == "REQUEST" and cal["PRODID"] and cal["VERSION"] == "2.0"
    (event,) = cal.walk("VEVENT")
    assert event["UID"] == "conversation-42@nagesprek.example"
    assert event["SEQUENCE"] == 0 and event["STATUS"] == "CONFIRMED"
    assert event.decoded("DTSTART") == datetime(2026, 6, 2, 8, 0, tzinfo=UTC)
    assert str(event["SUMMARY"]) == "Nagesprek: één gesprek; met de loopbaanadviseur, over je sollicitatie"

    other = _vobject(data)
    assert other.method.value == "REQUEST"
    vevent = other.vevent
    assert vevent.uid.value == "conversation-42@nagesprek.example"
    assert vevent.dtstart.value == datetime(2026, 6, 2, 8, 0, tzinfo=UTC)
    assert vevent.dtend.value - vevent.dtstart.value == timedelta(minutes=45)
    assert vevent.summary.value == "Nagesprek: één gesprek; met de loopbaanadviseur, over je sollicitatie"
    assert vevent.description.value == "We bespreken je sollicitatie.\nNeem je vragen mee."
    assert vevent.location.value == "Stadhuis, kamer 3"
    assert vevent.organizer.value == "mailto:anna@example.org"
    assert vevent.organizer.params["CN"] == ["Anna de Vries"]
    assert [a.value for a in vevent.attendee_list] == ["mailto:joyce@example.net", "mailto:anna@example.org"]
    assert vevent.attendee_list[0].params["CN"] == ["Joyce Jansen"]
    assert vevent.attendee_list[0].params["RSVP"] == ["TRUE"]


def test_a_move_is_the_same_uid_with_a_higher_sequence():
    first = _vobject(_invite()).vevent
    moved = _vobject(
        _invite(
            sequence=1,
            starts_at=datetime(2026, 6, 3, 14, 0, tzinfo=AMS),
            ends_at=datetime(2026, 6, 3, 14, 45, tzinfo=AMS),
        )
    ).vevent
    assert moved.uid.value == first.uid.value
    assert int(moved.sequence.value) > int(first.sequence.value)
    assert moved.dtstart.value == datetime(2026, 6, 3, 12, 0, tzinfo=UTC)


def test_a_cancellation_says_cancel_and_cancelled():
    data = _invite(method="CANCEL", sequence=2)
    cal = icalendar.Calendar.from_ical(data)
    assert cal["METHOD"] == "CANCEL"
    (event,) = cal.walk("VEVENT")
    assert event["STATUS"] == "CANCELLED" and event["SEQUENCE"] == 2
    other = _vobject(data)
    assert other.method.value == "CANCEL" and other.vevent.status.value == "CANCELLED"


@pytest.mark.parametrize(
    ("local", "utc"),
    [
        (datetime(2026, 3, 27, 10, 0), datetime(2026, 3, 27, 9, 0)),  # Friday before summer time: CET, +1
        (datetime(2026, 3, 30, 10, 0), datetime(2026, 3, 30, 8, 0)),  # Monday after: CEST, +2
        (datetime(2026, 10, 23, 10, 0), datetime(2026, 10, 23, 8, 0)),  # Friday before winter time: CEST
        (datetime(2026, 10, 26, 10, 0), datetime(2026, 10, 26, 9, 0)),  # Monday after: CET
    ],
)
def test_times_are_written_in_utc_correctly_on_both_sides_of_daylight_saving(local, utc):
    starts_at = local.replace(tzinfo=AMS)
    data = _invite(starts_at=starts_at, ends_at=starts_at + timedelta(minutes=45))
    assert f"DTSTART:{utc:%Y%m%dT%H%M%S}Z".encode() in data
    parsed = _vobject(data).vevent.dtstart.value
    assert parsed == utc.replace(tzinfo=UTC)
    assert parsed.astimezone(AMS).replace(tzinfo=None) == local


def test_without_a_url_description_or_location_those_lines_are_left_out():
    data = _invite(url="", description="", location="")
    assert b"URL" not in data and b"DESCRIPTION" not in data and b"LOCATION" not in data
    assert _vobject(data).vevent.uid.value


@pytest.mark.parametrize(
    "overrides",
    [
        {"method": "PUBLISH"},
        {"sequence": -1},
        {"starts_at": datetime(2026, 6, 2, 10, 0)},
        {"stamp": datetime(2026, 6, 2, 10, 0)},
        {"ends_at": datetime(2026, 6, 2, 9, 0, tzinfo=AMS)},
    ],
)
def test_bad_input_is_refused(overrides):
    with pytest.raises(ValueError):
        _invite(**overrides)
