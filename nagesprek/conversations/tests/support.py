"""A fixed week for the booking tests, and readers for the invitations the outbox holds."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import icalendar
import vobject

from nagesprek.emails.models import OutboxMessage

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# Monday 1 March 2027, 08:00 in Amsterdam: no public holiday for weeks around it.
NOW = datetime.datetime(2027, 3, 1, 8, 0, tzinfo=AMSTERDAM)
TODAY = NOW.date()


def at(day: int, clock: str) -> datetime.datetime:
    """Local time on 2027-03-<day> as an aware datetime (what the candidate picks)."""
    hour, minute = map(int, clock.split(":"))
    return datetime.datetime(2027, 3, day, hour, minute, tzinfo=AMSTERDAM)


def messages_to(address: str) -> list[OutboxMessage]:
    return list(OutboxMessage.objects.filter(recipient=address).order_by("pk"))


def invitation(message: OutboxMessage) -> icalendar.Calendar:
    """The message's .ics attachment, parsed by icalendar; checked by vobject, an independent parser, too."""
    [attachment] = message.attachments.all()
    content = bytes(attachment.content)
    parsed = vobject.readOne(content.decode("utf-8"))
    assert parsed.vevent.uid.value  # vobject reads it as well
    return icalendar.Calendar.from_ical(content)


def event_of(message: OutboxMessage) -> tuple[str, str, int, datetime.datetime]:
    """(METHOD, UID, SEQUENCE, DTSTART) of the message's invitation."""
    calendar = invitation(message)
    event = calendar.walk("VEVENT")[0]
    return str(calendar["METHOD"]), str(event["UID"]), int(str(event["SEQUENCE"])), event.decoded("DTSTART")
