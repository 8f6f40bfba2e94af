from datetime import timedelta

from django.db import models
from django.utils.translation import gettext_lazy as _


class Frequency(models.TextChoices):
    WEEKLY = "weekly", _("Every week")
    MONTHLY = "monthly", _("Every month")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class WeekOfMonth(models.IntegerChoices):
    FIRST = 1, _("first")
    SECOND = 2, _("second")
    THIRD = 3, _("third")
    FOURTH = 4, _("fourth")
    LAST = -1, _("last")


class ConsultationMode(models.TextChoices):
    ON_SITE = "on_site", _("On site")
    VIDEO = "video", _("Video call")
    PHONE = "phone", _("Phone call")


class ConsultationAudience(models.TextChoices):
    """Who may book the organisation's consultation hours (the organisation's policy)."""

    EVERY_APPLICANT = "every_applicant", _("Everyone who applied, also those rejected at CV screening")
    REJECTED = "rejected", _("Only candidates who were rejected, at any stage")
    IN_PROCEDURE = "in_procedure", _("Only candidates with an application still in procedure")


class BookingStatus(models.TextChoices):
    BOOKED = "booked", _("Booked")
    HELD = "held", _("Held")
    NO_SHOW = "no_show", _("Did not come")
    CANCELLED_BY_CANDIDATE = "cancelled_by_candidate", _("Cancelled by the candidate")
    CANCELLED_BY_ORGANISATION = "cancelled_by_organisation", _("Cancelled by us")


# A booking in one of these holds its place: the slot's host is taken. Cancelled ones free it.
TAKEN_STATUSES = (BookingStatus.BOOKED, BookingStatus.HELD, BookingStatus.NO_SHOW)
# What a recruiter records after the slot has started.
OUTCOME_STATUSES = (BookingStatus.HELD, BookingStatus.NO_SHOW)

SLOT_MINUTES_CHOICES = ((10, "10"), (15, "15"), (20, "20"), (30, "30"))
DEFAULT_SLOT_MINUTES = 15

# Session dates are generated this far ahead (and kept filled by the housekeeping sweep).
SESSION_HORIZON_DAYS = 120
# Candidates see and book the sessions of this many days ahead.
BOOKING_WINDOW_DAYS = 63
# A slot can be booked until this long before it starts (someone must be able to read it in time).
MIN_NOTICE = timedelta(hours=1)
# The reminder goes out this long before the slot; a booking made later than that gets none.
REMINDER_BEFORE = timedelta(hours=24)
QUESTION_MAX_LENGTH = 1000

# One line in the e-mails and on the candidate's pages: how the conversation takes place.
HOW_SENTENCES = {
    ConsultationMode.ON_SITE: _("How: you come to us"),
    ConsultationMode.VIDEO: _("How: by video call"),
    ConsultationMode.PHONE: _("How: by phone"),
}
