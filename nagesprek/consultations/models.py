from __future__ import annotations

from datetime import datetime, time
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from nagesprek.consultations.constants import (
    DEFAULT_SLOT_MINUTES,
    QUESTION_MAX_LENGTH,
    SLOT_MINUTES_CHOICES,
    TAKEN_STATUSES,
    BookingStatus,
    ConsultationAudience,
    ConsultationMode,
    Frequency,
    Weekday,
    WeekOfMonth,
)


class ConsultationPolicy(models.Model):
    """Who may book the organisation's consultation hours. Without a row: every applicant."""

    organisation = models.OneToOneField(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="consultation_policy"
    )
    audience = models.CharField(
        _("who may book"),
        max_length=20,
        choices=ConsultationAudience.choices,
        default=ConsultationAudience.EVERY_APPLICANT,
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("consultation policy")
        verbose_name_plural = _("consultation policies")

    def __str__(self) -> str:
        return f"{self.organisation_id}: {self.audience}"


def _minutes(value: time) -> int:
    return value.hour * 60 + value.minute


class ConsultationHour(models.Model):
    """A recurring open consultation hour (sollicitatiespreekuur): short parallel slots with recruiters.

    The recurrence makes the session dates (``ConsultationSession``); each slot of a session has as many
    places as the hour has hosts.
    """

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="consultation_hours"
    )
    title = models.CharField(_("title"), max_length=200)
    frequency = models.CharField(_("how often"), max_length=10, choices=Frequency.choices)
    weekday = models.PositiveSmallIntegerField(_("day of the week"), choices=Weekday.choices)
    week_of_month = models.SmallIntegerField(
        _("which week of the month"),
        choices=WeekOfMonth.choices,
        null=True,
        blank=True,
        help_text=_("Only for a monthly consultation hour: for example the first Tuesday of the month."),
    )
    start_time = models.TimeField(_("starts at"))
    end_time = models.TimeField(_("ends at"))
    slot_minutes = models.PositiveSmallIntegerField(
        _("minutes per conversation"), choices=SLOT_MINUTES_CHOICES, default=DEFAULT_SLOT_MINUTES
    )
    mode = models.CharField(_("how"), max_length=10, choices=ConsultationMode.choices, default=ConsultationMode.ON_SITE)
    location = models.CharField(
        _("where"),
        max_length=300,
        blank=True,
        help_text=_("The address and where to report, or how the video call or phone call works."),
    )
    description = models.TextField(
        _("for the candidate"), blank=True, help_text=_("In plain Dutch, for the candidate.")
    )
    hosts = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="+", verbose_name=_("recruiters"))
    is_published = models.BooleanField(_("candidates can book"), default=False)
    starts_on = models.DateField(_("first date"))
    ends_on = models.DateField(_("last date"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("consultation hour")
        verbose_name_plural = _("consultation hours")
        ordering = ["title", "id"]

    def __str__(self) -> str:
        return self.title

    @property
    def slots_per_session(self) -> int:
        return (_minutes(self.end_time) - _minutes(self.start_time)) // self.slot_minutes

    @property
    def places_per_session(self) -> int:
        """Slots times hosts: how many candidates one date can take (hosts prefetched by the selectors)."""
        return self.slots_per_session * len(self.hosts.all())

    def schedule_text(self) -> str:
        """When it recurs, in words of the active language: "Every first Tuesday of the month, from 16:00 to 17:30"."""
        values = {
            "weekday": Weekday(self.weekday).label,
            "start": self.start_time.strftime("%H:%M"),
            "end": self.end_time.strftime("%H:%M"),
        }
        if self.frequency == Frequency.MONTHLY and self.week_of_month is not None:
            values["nth"] = WeekOfMonth(self.week_of_month).label
            return _("Every %(nth)s %(weekday)s of the month, from %(start)s to %(end)s") % values
        return _("Every %(weekday)s, from %(start)s to %(end)s") % values

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        if self.frequency == Frequency.MONTHLY and self.week_of_month is None:
            errors["week_of_month"] = _("Choose which week of the month.")
        if self.frequency == Frequency.WEEKLY:
            self.week_of_month = None
        if self.start_time and self.end_time:
            length = _minutes(self.end_time) - _minutes(self.start_time)
            if length < (self.slot_minutes or DEFAULT_SLOT_MINUTES):
                errors["end_time"] = _("The end must be at least one conversation after the start.")
            elif self.slot_minutes and length % self.slot_minutes:
                errors["end_time"] = _("The time from start to end must be a whole number of conversations.")
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("The last date cannot be before the first date.")
        if errors:
            raise ValidationError(errors)


class ConsultationSession(models.Model):
    """One date of a consultation hour, made from its recurrence; cancelling it keeps the row."""

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    hour = models.ForeignKey(ConsultationHour, on_delete=models.CASCADE, related_name="sessions")
    date = models.DateField(_("date"))
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    cancel_note = models.CharField(_("reason for cancelling"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("consultation session")
        verbose_name_plural = _("consultation sessions")
        ordering = ["starts_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["hour", "date"], name="consultation_session_one_per_date"),
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="consultation_session_order"
            ),
        ]
        indexes = [models.Index(fields=["organisation", "starts_at"], name="consultation_session_org_start")]

    def __str__(self) -> str:
        return f"{self.hour_id} {self.date}"

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None


class ConsultationBooking(models.Model):
    """A candidate's slot with one host in a session. Cancelled bookings stay, as history.

    The partial unique constraints are the last line against overbooking: one taken booking per host
    and slot, and one per candidate and session (``book_slot`` also locks the session row).
    """

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    session = models.ForeignKey(ConsultationSession, on_delete=models.CASCADE, related_name="bookings")
    candidate = models.ForeignKey(
        "candidates.Candidate", on_delete=models.CASCADE, related_name="consultation_bookings"
    )
    application = models.ForeignKey(
        "applications.Application", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    host = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    status = models.CharField(_("status"), max_length=30, choices=BookingStatus.choices, default=BookingStatus.BOOKED)
    question = models.TextField(
        _("question for the recruiter"), blank=True, validators=[MaxLengthValidator(QUESTION_MAX_LENGTH)]
    )
    uid = models.CharField(_("calendar id"), max_length=100, unique=True)
    sequence = models.PositiveIntegerField(_("calendar version"), default=0)
    reminder_sent_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("consultation booking")
        verbose_name_plural = _("consultation bookings")
        ordering = ["starts_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "starts_at", "host"],
                condition=models.Q(status__in=TAKEN_STATUSES),
                name="consultation_booking_one_per_host_slot",
            ),
            models.UniqueConstraint(
                fields=["session", "candidate"],
                condition=models.Q(status__in=TAKEN_STATUSES),
                name="consultation_booking_one_per_candidate",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "starts_at"], name="consultation_booking_due"),
        ]

    def __str__(self) -> str:
        return f"{self.candidate_id} {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def is_open(self) -> bool:
        """Booked, and nothing recorded yet: the candidate may still cancel."""
        return self.status == BookingStatus.BOOKED

    @property
    def is_taken(self) -> bool:
        return self.status in TAKEN_STATUSES

    def has_started(self, now: datetime) -> bool:
        return self.starts_at <= now
