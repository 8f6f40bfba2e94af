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
from nagesprek.conversations.services.proposals import (
    release_expired_proposals,
    release_proposal,
    send_proposal_emails,
    send_proposals,
)
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
    record_wave_viewed,
)
from nagesprek.conversations.services.waves import (
    PlanChanged,
    accept_proposal,
    decline_proposal,
    propose_wave,
    replan_wave,
)

__all__ = [
    "BookingError",
    "PlanChanged",
    "ProfileData",
    "SlotTaken",
    "accept_proposal",
    "add_absence",
    "book_slot",
    "cancel_conversation",
    "clear_vacancy_policy",
    "decline_proposal",
    "mark_held",
    "mark_no_show",
    "move_conversation",
    "offer_conversation",
    "propose_wave",
    "record_agenda_viewed",
    "record_booking_page_viewed",
    "record_calendar_downloaded",
    "record_conversation_viewed",
    "record_wave_viewed",
    "release_expired_proposals",
    "release_proposal",
    "remove_absence",
    "replan_wave",
    "save_advisor_profile",
    "save_policy",
    "send_due_reminders",
    "send_proposal_emails",
    "send_proposals",
    "send_reminder",
    "set_working_hours",
]
