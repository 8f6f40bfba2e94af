"""The conversations app's writes (its public API with ``selectors``): call them module-qualified.

``conversations.services.book_slot(...)``: the modules below group them by what they do.
"""

from nagesprek.conversations.services.booking import (
    BookingError,
    SlotTaken,
    book_slot,
    cancel_conversation,
    mark_held,
    mark_no_show,
    move_conversation,
)
from nagesprek.conversations.services.offers import offer_conversation
from nagesprek.conversations.services.reminders import send_due_reminders, send_reminder
from nagesprek.conversations.services.setup import (
    ProfileData,
    add_absence,
    clear_vacancy_policy,
    remove_absence,
    save_advisor_profile,
    save_policy,
    set_working_hours,
)
from nagesprek.conversations.services.viewing import (
    record_agenda_viewed,
    record_booking_page_viewed,
    record_calendar_downloaded,
    record_conversation_viewed,
)

__all__ = [
    "BookingError",
    "ProfileData",
    "SlotTaken",
    "add_absence",
    "book_slot",
    "cancel_conversation",
    "clear_vacancy_policy",
    "mark_held",
    "mark_no_show",
    "move_conversation",
    "offer_conversation",
    "record_agenda_viewed",
    "record_booking_page_viewed",
    "record_calendar_downloaded",
    "record_conversation_viewed",
    "remove_absence",
    "save_advisor_profile",
    "save_policy",
    "send_due_reminders",
    "send_reminder",
    "set_working_hours",
]
