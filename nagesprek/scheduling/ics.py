"""Calendar invitations (.ics, RFC 5545 / iTIP RFC 5546) for booked conversations, built with `icalendar`.

Times are written in UTC, so every calendar program places them correctly on either side of a
daylight-saving change without a VTIMEZONE. An update of a booking is the same ``uid`` with a higher
``sequence``; a cancellation is METHOD:CANCEL with STATUS:CANCELLED (and a higher sequence).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from icalendar import Calendar, Event, vCalAddress, vText

PRODID = "-//Nagesprek//Nagesprek conversations//NL"
METHODS = {"REQUEST": "CONFIRMED", "CANCEL": "CANCELLED"}


def _utc(value: datetime, name: str) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware")
    return value.astimezone(UTC)


def _address(email: str, name: str, **params: str) -> vCalAddress:
    address = vCalAddress(f"mailto:{email}")
    if name:
        address.params["CN"] = vText(name)
    for key, value in params.items():
        address.params[key] = vText(value)
    return address


def calendar_invitation(
    *,
    uid: str,
    sequence: int,
    method: str,
    starts_at: datetime,
    ends_at: datetime,
    summary: str,
    description: str,
    location: str,
    organizer: tuple[str, str],
    attendees: Sequence[tuple[str, str]],
    url: str = "",
    stamp: datetime,
) -> bytes:
    """One VCALENDAR with METHOD ``REQUEST`` or ``CANCEL`` and one VEVENT, as UTF-8 bytes with CRLF lines.

    ``organizer`` and ``attendees`` are (email, display name) pairs. All datetimes must be aware.
    Raises ValueError on an unknown method, a negative sequence, naive datetimes or an end before the start.
    """
    if method not in METHODS:
        raise ValueError(f"method must be one of {sorted(METHODS)}")
    if sequence < 0:
        raise ValueError("sequence must not be negative")
    start, end, dtstamp = _utc(starts_at, "starts_at"), _utc(ends_at, "ends_at"), _utc(stamp, "stamp")
    if end <= start:
        raise ValueError("ends_at must be after starts_at")

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)

    event = Event()
    event.add("uid", uid)
    event.add("sequence", sequence)
    event.add("dtstamp", dtstamp)
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("status", METHODS[method])
    event.add("transp", "OPAQUE")
    event.add("summary", summary)
    if description:
        event.add("description", description)
    if location:
        event.add("location", location)
    if url:
        event.add("url", url)
    event.add("organizer", _address(*organizer))
    for email, name in attendees:
        event.add(
            "attendee",
            _address(email, name, CUTYPE="INDIVIDUAL", ROLE="REQ-PARTICIPANT", PARTSTAT="NEEDS-ACTION", RSVP="TRUE"),
            encode=False,
        )
    calendar.add_component(event)
    return calendar.to_ical()
