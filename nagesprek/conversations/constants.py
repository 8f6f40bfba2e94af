from datetime import timedelta

from django.db import models
from django.utils.translation import gettext_lazy as _


class ConversationKind(models.TextChoices):
    # The open consultation hour (sollicitatiespreekuur) has its own app: nagesprek.consultations.
    NAGESPREK = "nagesprek", _("Conversation with a career advisor")


class ConversationStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    BOOKED = "booked", _("Booked")
    HELD = "held", _("Held")
    NO_SHOW = "no_show", _("No-show")
    CANCELLED_BY_CANDIDATE = "cancelled_by_candidate", _("Cancelled by the candidate")
    CANCELLED_BY_ADVISOR = "cancelled_by_advisor", _("Cancelled by the advisor")
    # A proposal of the wave planner that the candidate did not take: it no longer holds the time.
    DECLINED = "declined", _("Proposal declined: another time wanted")
    EXPIRED = "expired", _("Proposal not answered in time")


# A conversation in one of these holds its time in the advisor's agenda (the double-booking constraint).
ACTIVE_STATUSES = (ConversationStatus.PROPOSED, ConversationStatus.BOOKED)
CANCELLED_STATUSES = (ConversationStatus.CANCELLED_BY_CANDIDATE, ConversationStatus.CANCELLED_BY_ADVISOR)
# A proposal released without a conversation: the candidate may still pick a time themselves.
RELEASED_STATUSES = (ConversationStatus.DECLINED, ConversationStatus.EXPIRED)


class ConversationMode(models.TextChoices):
    VIDEO = "video", _("Video call")
    PHONE = "phone", _("Phone call")
    ON_SITE = "on_site", _("On site")


class OfferScope(models.TextChoices):
    AFTER_INTERVIEW = "after_interview", _("Everyone rejected after an interview or assessment")
    EVERYONE = "everyone", _("Everyone rejected, also at CV screening")
    NOBODY = "nobody", _("Nobody")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class AbsenceKind(models.TextChoices):
    OUT_OF_OFFICE = "out_of_office", _("Not available (out of office, leave)")
    EXTRA = "extra", _("Extra time available")


DEFAULT_DEADLINE_WORKING_DAYS = 10
MAX_DEADLINE_WORKING_DAYS = 60
DEFAULT_CONVERSATION_MINUTES = 45
# Candidates book at least this long ahead, so the advisor can prepare (reasons, scorecards, routes).
MIN_NOTICE = timedelta(hours=12)
REMINDER_BEFORE = timedelta(hours=24)


class WaveScope(models.TextChoices):
    """Which open offers a wave plans: every one, those of one bulk rejection, or those of one vacancy."""

    ALL = "all", _("All open offers")
    BULK = "bulk", _("The offers of one bulk rejection")
    VACANCY = "vacancy", _("The offers of one vacancy")
    REPLAN = "replan", _("The rest of an earlier wave")


# A proposed time lies at least this many working days ahead, so the candidate has time to answer it.
PROPOSAL_LEAD_WORKING_DAYS = 2
# A proposal not accepted within this many working days is released (never later than 12 hours before it).
PROPOSAL_ANSWER_WORKING_DAYS = 3
