"""The nagesprek: the policy that offers it, the advisors who hold it, the offer and the booked conversation."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from nagesprek.accounts.constants import Language
from nagesprek.conversations.constants import (
    ACTIVE_STATUSES,
    DEFAULT_CONVERSATION_MINUTES,
    DEFAULT_DEADLINE_WORKING_DAYS,
    MAX_DEADLINE_WORKING_DAYS,
    AbsenceKind,
    ConversationKind,
    ConversationMode,
    ConversationStatus,
    OfferScope,
    WaveScope,
    Weekday,
)


def _check_choices(values: object, allowed: list[str], *, field: str, required: bool) -> dict[str, Any]:
    """Problems with a JSON list of choice values (unknown values, duplicates, empty when required)."""
    if not isinstance(values, list) or any(not isinstance(v, str) or v not in allowed for v in values):
        return {field: _("Choose from the options offered.")}
    if len(set(values)) != len(values):
        return {field: _("Choose each option once.")}
    if required and not values:
        return {field: _("Choose at least one.")}
    return {}


class ConversationPolicy(models.Model):
    """Who is offered a nagesprek, how soon, and how. One per organisation, optionally one per vacancy.

    The row without a vacancy is the organisation's policy; a row with a vacancy overrides it for that
    vacancy's rejections. No row at all means the built-in default (``services.DEFAULT_POLICY``).
    """

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="conversation_policies"
    )
    vacancy = models.OneToOneField(
        "vacancies.Vacancy", null=True, blank=True, on_delete=models.CASCADE, related_name="conversation_policy"
    )
    offer_to = models.CharField(
        _("who is offered a conversation"),
        max_length=20,
        choices=OfferScope.choices,
        default=OfferScope.AFTER_INTERVIEW,
    )
    deadline_working_days = models.PositiveSmallIntegerField(
        _("within how many working days"),
        default=DEFAULT_DEADLINE_WORKING_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_DEADLINE_WORKING_DAYS)],
        help_text=_("The conversation takes place within this many working days after the letter is sent."),
    )
    modes = models.JSONField(_("ways to talk"), default=list)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("conversation policy")
        verbose_name_plural = _("conversation policies")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation"], condition=models.Q(vacancy__isnull=True), name="conversation_policy_per_org"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id} · {self.vacancy_id or '-'} · {self.offer_to}"

    def clean(self) -> None:
        errors = _check_choices(self.modes, ConversationMode.values, field="modes", required=True)
        if self.vacancy is not None and self.vacancy.organisation_id != self.organisation_id:
            errors["vacancy"] = _("The vacancy belongs to another organisation.")
        if errors:
            raise ValidationError(errors)


class AdvisorProfile(models.Model):
    """A career advisor's availability and expertise: what the booking pages and routing read."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="advisor_profiles"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="advisor_profiles")
    job_families = models.ManyToManyField(
        "vacancies.JobFamily",
        blank=True,
        related_name="advisor_profiles",
        verbose_name=_("expertise (job families)"),
    )
    languages = models.JSONField(_("languages"), default=list)
    modes = models.JSONField(_("ways to talk"), default=list)
    location = models.CharField(
        _("location"), max_length=200, blank=True, help_text=_("Where on-site conversations take place.")
    )
    max_per_day = models.PositiveSmallIntegerField(
        _("most conversations per day"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    conversation_minutes = models.PositiveSmallIntegerField(
        _("length of a conversation in minutes"),
        default=DEFAULT_CONVERSATION_MINUTES,
        validators=[MinValueValidator(15), MaxValueValidator(180)],
    )
    is_active = models.BooleanField(_("takes conversations"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("advisor profile")
        verbose_name_plural = _("advisor profiles")
        ordering = ["user__full_name", "pk"]
        constraints = [models.UniqueConstraint(fields=["organisation", "user"], name="advisor_profile_unique")]

    def __str__(self) -> str:
        return str(self.user)

    def clean(self) -> None:
        errors: dict[str, Any] = {
            **_check_choices(self.languages, Language.values, field="languages", required=True),
            **_check_choices(self.modes, ConversationMode.values, field="modes", required=True),
        }
        if ConversationMode.ON_SITE in (self.modes or []) and not self.location.strip():
            errors["location"] = _("Say where on-site conversations take place.")
        if errors:
            raise ValidationError(errors)


class WorkingHours(models.Model):
    """A weekly period the advisor takes conversations, in local time (Europe/Amsterdam)."""

    profile = models.ForeignKey(AdvisorProfile, on_delete=models.CASCADE, related_name="working_hours")
    weekday = models.PositiveSmallIntegerField(_("day of the week"), choices=Weekday.choices)
    start = models.TimeField(_("from"))
    end = models.TimeField(_("until"))

    class Meta:
        verbose_name = _("working hours")
        verbose_name_plural = _("working hours")
        ordering = ["profile", "weekday", "start"]
        constraints = [
            models.CheckConstraint(condition=models.Q(end__gt=models.F("start")), name="working_hours_order"),
            models.CheckConstraint(condition=models.Q(weekday__lte=6), name="working_hours_weekday"),
        ]

    def __str__(self) -> str:
        return f"{self.weekday} {self.start}-{self.end}"


class AdvisorAbsence(models.Model):
    """An exception to the weekly hours: time off (out of office, leave) or extra time available."""

    profile = models.ForeignKey(AdvisorProfile, on_delete=models.CASCADE, related_name="absences")
    kind = models.CharField(_("kind"), max_length=20, choices=AbsenceKind.choices, default=AbsenceKind.OUT_OF_OFFICE)
    starts_at = models.DateTimeField(_("from"))
    ends_at = models.DateTimeField(_("until"))
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("exception to the working hours")
        verbose_name_plural = _("exceptions to the working hours")
        ordering = ["profile", "starts_at"]
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_at__gt=models.F("starts_at")), name="advisor_absence_order")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.starts_at:%Y-%m-%d %H:%M}"


class ConversationOffer(models.Model):
    """The offer of a nagesprek made with a rejection letter: until when, and in which ways.

    Recorded when the letter is sent, so the letter, the candidate page and the booking pages show
    the same promise even if the policy changes later. One per application.
    """

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    application = models.OneToOneField(
        "applications.Application", on_delete=models.CASCADE, related_name="conversation_offer"
    )
    candidate = models.ForeignKey("candidates.Candidate", on_delete=models.CASCADE, related_name="conversation_offers")
    deadline = models.DateField(_("book a time up to and including"))
    modes = models.JSONField(_("ways to talk"), default=list)
    offered_at = models.DateTimeField(_("offered at"))

    class Meta:
        verbose_name = _("conversation offer")
        verbose_name_plural = _("conversation offers")
        ordering = ["-offered_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.application_id} · {self.deadline}"


class Conversation(models.Model):
    """One nagesprek between a candidate and a career advisor, at a time, in one way (video, phone, on site).

    ``uid`` and ``sequence`` identify it in calendars: a move keeps the uid and raises the sequence.
    Two active conversations of one advisor never start at the same time (a database constraint
    behind the locking in ``services.book_slot``).
    """

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(
        _("kind"), max_length=20, choices=ConversationKind.choices, default=ConversationKind.NAGESPREK
    )
    offer = models.ForeignKey(
        ConversationOffer, null=True, blank=True, on_delete=models.CASCADE, related_name="conversations"
    )
    candidate = models.ForeignKey("candidates.Candidate", on_delete=models.CASCADE, related_name="conversations")
    application = models.ForeignKey("applications.Application", on_delete=models.CASCADE, related_name="conversations")
    advisor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="advised_conversations"
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    mode = models.CharField(_("way to talk"), max_length=10, choices=ConversationMode.choices)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    location = models.CharField(_("location"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=25, choices=ConversationStatus.choices, default=ConversationStatus.BOOKED
    )
    uid = models.CharField(_("calendar id"), max_length=100, unique=True)
    sequence = models.PositiveIntegerField(_("calendar version"), default=0)
    booked_at = models.DateTimeField(_("booked at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    cancel_reason = models.TextField(_("reason for cancelling"), blank=True)
    outcome_recorded_at = models.DateTimeField(_("held or no-show recorded at"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_at__gt=models.F("starts_at")), name="conversation_order"),
            models.UniqueConstraint(
                fields=["advisor", "starts_at"],
                condition=models.Q(status__in=ACTIVE_STATUSES),
                name="conversation_no_double_booking",
            ),
            models.UniqueConstraint(
                fields=["application"],
                condition=models.Q(status__in=ACTIVE_STATUSES),
                name="conversation_one_active_per_application",
            ),
        ]
        indexes = [
            models.Index(fields=["organisation", "advisor", "starts_at"], name="conversation_agenda"),
            models.Index(fields=["status", "starts_at"], name="conversation_status_time"),
        ]

    def __str__(self) -> str:
        return f"{self.candidate_id} · {self.advisor_id} · {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES

    # For templates, which cannot name the TextChoices.
    @property
    def is_booked(self) -> bool:
        return self.status == ConversationStatus.BOOKED

    @property
    def is_held(self) -> bool:
        return self.status == ConversationStatus.HELD

    @property
    def is_proposed(self) -> bool:
        return self.status == ConversationStatus.PROPOSED

    @property
    def is_expired(self) -> bool:
        return self.status == ConversationStatus.EXPIRED

    @property
    def is_cancelled_by_advisor(self) -> bool:
        return self.status == ConversationStatus.CANCELLED_BY_ADVISOR

    @property
    def is_video(self) -> bool:
        return self.mode == ConversationMode.VIDEO

    @property
    def is_phone(self) -> bool:
        return self.mode == ConversationMode.PHONE


class Wave(models.Model):
    """Proposed times for many open offers at once, planned by the wave planner and confirmed by a person.

    A first wave has no parent; "re-plan the rest" adds a child wave with new proposals for the members
    whose proposal was cancelled by the advisor, expired, or could not be planned before. ``key`` is the
    fingerprint of the plan the person saw and confirmed: confirming the same plan twice proposes nothing
    twice. ``figures`` keeps the methods side by side as they were shown.
    """

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replans", verbose_name=_("re-plan of")
    )
    scope = models.CharField(_("which offers"), max_length=10, choices=WaveScope.choices)
    vacancy = models.ForeignKey("vacancies.Vacancy", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    bulk = models.ForeignKey(
        "rejections.BulkRejection", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    offer_ids = models.JSONField(_("offers planned"), default=list)
    key = models.CharField(_("plan fingerprint"), max_length=64, unique=True)
    method = models.CharField(_("planning method"), max_length=30)
    proposed = models.PositiveIntegerField(_("times proposed"), default=0)
    unplanned = models.PositiveIntegerField(_("offers without a time"), default=0)
    figures = models.JSONField(_("figures shown"), default=dict)
    confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    confirmed_at = models.DateTimeField(_("confirmed at"))

    class Meta:
        verbose_name = _("wave of proposals")
        verbose_name_plural = _("waves of proposals")
        ordering = ["-confirmed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.organisation_id} · {self.scope} · {self.confirmed_at:%Y-%m-%d %H:%M}"


class Proposal(models.Model):
    """A time the wave planner proposed for a conversation, why, and until when it is held for the candidate.

    The conversation itself holds the time (status PROPOSED, so the double-booking constraint covers it)
    until the candidate accepts it (BOOKED), wants another time (DECLINED) or lets it pass (EXPIRED).
    ``reasons`` are the planner's reasons as data (``[{"code": ..., "params": {...}}]``), worded on the page.
    """

    conversation = models.OneToOneField(Conversation, on_delete=models.CASCADE, related_name="proposal")
    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="proposals")
    reasons = models.JSONField(_("why this advisor and this time"), default=list)
    expires_at = models.DateTimeField(_("held until"))
    emailed_at = models.DateTimeField(_("proposal e-mailed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("proposed time")
        verbose_name_plural = _("proposed times")
        ordering = ["conversation__starts_at", "pk"]
        indexes = [models.Index(fields=["expires_at"], name="proposal_expiry")]

    def __str__(self) -> str:
        return f"{self.wave_id} · {self.conversation_id}"
