"""A referral of a rejected candidate to another vacancy, and an invitation from the talent pool.

Both are a person's act (an advisor refers, a recruiter invites) with the candidate's consent; both
remember the explanation that was shown when they were made, and the application they led to.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from nagesprek.applications.constants import ApplicationStatus
from nagesprek.referrals.constants import InvitationStatus, ReferralStatus, WithdrawalCause
from nagesprek.vacancies.constants import VacancyStatus


class Referral(models.Model):
    """An advisor passes a candidate (with their REFERRAL consent) to the recruiters of one open vacancy."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="+", verbose_name=_("organisation")
    )
    candidate = models.ForeignKey(
        "candidates.Candidate", on_delete=models.CASCADE, related_name="referrals", verbose_name=_("candidate")
    )
    vacancy = models.ForeignKey(
        "vacancies.Vacancy", on_delete=models.CASCADE, related_name="referrals", verbose_name=_("vacancy")
    )
    # The rejected application the candidate comes from: the one referred from (page or conversation).
    origin_application = models.ForeignKey(
        "applications.Application",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="referrals_out",
        verbose_name=_("rejected application it came from"),
    )
    advisor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("referred by")
    )
    # The conversation (nagesprek) in which the advisor and the candidate agreed on the referral, if any.
    source_conversation = models.ForeignKey(
        "conversations.Conversation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="referrals",
        verbose_name=_("conversation"),
    )
    note = models.TextField(_("note for the recruiter"))
    explanation = models.TextField(_("why the vacancy fits"), blank=True)
    suggestion_log = models.ForeignKey(
        "matching.SuggestionLog",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("suggestion shown"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ReferralStatus.choices, default=ReferralStatus.PENDING
    )
    created_at = models.DateTimeField(_("referred at"))
    respond_by = models.DateField(_("answer by"))
    reminded_before_at = models.DateTimeField(_("reminded the day before"), null=True, blank=True)
    reminded_due_at = models.DateTimeField(_("reminded on the last day"), null=True, blank=True)
    responded_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("answered by"),
    )
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    withdrawal_cause = models.CharField(
        _("withdrawn because"), max_length=10, choices=WithdrawalCause.choices, blank=True
    )
    application = models.OneToOneField(
        "applications.Application",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="referral",
        verbose_name=_("application it started"),
    )

    class Meta:
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["organisation", "status", "respond_by"], name="referral_org_status"),
            models.Index(fields=["vacancy", "status"], name="referral_vacancy_status"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["candidate", "vacancy"],
                condition=Q(status=ReferralStatus.PENDING),
                name="referral_one_pending_per_vacancy",
            ),
            models.CheckConstraint(
                condition=~Q(status=ReferralStatus.DECLINED) | ~Q(decline_reason=""),
                name="referral_decline_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.candidate_id} → {self.vacancy_id} ({self.status})"

    @property
    def is_pending(self) -> bool:
        return self.status == ReferralStatus.PENDING

    @property
    def led_to_hire(self) -> bool:
        return self.application is not None and self.application.status == ApplicationStatus.HIRED


class Invitation(models.Model):
    """A recruiter invites a talent-pool candidate (with their TALENT_POOL consent) to apply for a vacancy."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="+", verbose_name=_("organisation")
    )
    candidate = models.ForeignKey(
        "candidates.Candidate", on_delete=models.CASCADE, related_name="invitations", verbose_name=_("candidate")
    )
    vacancy = models.ForeignKey(
        "vacancies.Vacancy", on_delete=models.CASCADE, related_name="invitations", verbose_name=_("vacancy")
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("invited by")
    )
    message = models.TextField(_("personal message"), blank=True)
    explanation = models.TextField(_("why the vacancy fits"), blank=True)
    suggestion_log = models.ForeignKey(
        "matching.SuggestionLog",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("suggestion shown"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=InvitationStatus.choices, default=InvitationStatus.SENT
    )
    created_at = models.DateTimeField(_("invited at"))
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    application = models.OneToOneField(
        "applications.Application",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="invitation",
        verbose_name=_("application it started"),
    )

    class Meta:
        verbose_name = _("talent-pool invitation")
        verbose_name_plural = _("talent-pool invitations")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["candidate", "vacancy"], name="invitation_once_per_vacancy"),
        ]

    def __str__(self) -> str:
        return f"{self.candidate_id} → {self.vacancy_id} ({self.status})"

    @property
    def is_open(self) -> bool:
        """Sent, not answered, and the vacancy still takes applications."""
        return self.status == InvitationStatus.SENT and self.vacancy.status == VacancyStatus.OPEN
