"""Writes for consultation hours: the public API (``consultations.services.book_slot`` and the rest).

``hours`` sets up the consultation hours, their dates and the policy; ``bookings`` books, cancels, records
outcomes and sends reminders, and is where overbooking is made impossible (see its docstring).
"""

from nagesprek.consultations.services.bookings import (
    SLOT_TAKEN,
    BookingRefused,
    SlotTaken,
    book_slot,
    cancel_booking,
    record_invitation_downloaded,
    record_outcome,
    record_session_viewed,
    send_due_reminders,
)
from nagesprek.consultations.services.hours import (
    HourData,
    cancel_session,
    create_hour,
    extend_sessions,
    rule_of,
    set_policy,
    sync_sessions,
    update_hour,
)

__all__ = [
    "SLOT_TAKEN",
    "BookingRefused",
    "HourData",
    "SlotTaken",
    "book_slot",
    "cancel_booking",
    "cancel_session",
    "create_hour",
    "extend_sessions",
    "record_invitation_downloaded",
    "record_outcome",
    "record_session_viewed",
    "rule_of",
    "send_due_reminders",
    "set_policy",
    "sync_sessions",
    "update_hour",
]
