from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from nagesprek.rejections.drafting import ReasonDraft

from nagesprek.rejections.constants import BulkStatus, Outcome, ProtectedGroundKind, ReasonSource, RejectionStatus


class Rejection(models.Model):
    """The end of an application without a hire, and the letter that tells the candidate why."""

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    application = models.OneToOneField("applications.Application", on_delete=models.CASCADE, related_name="rejection")
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices, default=Outcome.REJECTED)
    stage = models.ForeignKey("vacancies.Stage", on_delete=models.PROTECT, related_name="+")
    requirements_version = models.PositiveSmallIntegerField(_("requirements version"))
    status = models.CharField(
        _("status"), max_length=10, choices=RejectionStatus.choices, default=RejectionStatus.DRAFT
    )
    language = models.CharField(_("letter language"), max_length=2)
    personal_note = models.TextField(
        _("personal note"), blank=True, help_text=_("Optional: a sentence of your own at the start of the letter.")
    )
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    review_note = models.TextField(_("reviewer's note"), blank=True)
    send_at = models.DateTimeField(_("send at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    outbox_message = models.ForeignKey(
        "emails.OutboxMessage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    bulk = models.ForeignKey(
        "BulkRejection", null=True, blank=True, on_delete=models.SET_NULL, related_name="rejections"
    )
    needs_attention = models.BooleanField(_("needs the recruiter's attention"), default=False)
    attention_note = models.CharField(_("why it needs attention"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("rejection")
        verbose_name_plural = _("rejections")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["organisation", "status"], name="rejection_org_status"),
            models.Index(fields=["bulk", "needs_attention"], name="rejection_bulk_attention"),
        ]

    def __str__(self) -> str:
        return f"{self.application} · {self.get_status_display()}"

    # For templates, which cannot name the TextChoices.
    @property
    def is_draft(self) -> bool:
        return self.status == RejectionStatus.DRAFT

    @property
    def is_in_review(self) -> bool:
        return self.status == RejectionStatus.IN_REVIEW

    @property
    def is_scheduled(self) -> bool:
        return self.status == RejectionStatus.SCHEDULED

    @property
    def is_sent(self) -> bool:
        return self.status == RejectionStatus.SENT

    @property
    def was_returned(self) -> bool:
        """A reviewer sent it back to the recruiter (and it has not been approved since)."""
        return self.is_draft and self.reviewed_by_id is not None and self.reviewed_at is None and bool(self.review_note)


class RejectionReason(models.Model):
    """One substantiated reason: it always points at a requirement or a criterion."""

    rejection = models.ForeignKey(Rejection, on_delete=models.CASCADE, related_name="reasons")
    source = models.CharField(_("source"), max_length=25, choices=ReasonSource.choices)
    requirement = models.ForeignKey(
        "vacancies.Requirement", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    criterion = models.ForeignKey(
        "vacancies.Criterion", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    explanation = models.TextField(_("explanation for the candidate"))
    evidence = models.TextField(_("evidence from the record"), blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("reason")
        verbose_name_plural = _("reasons")
        ordering = ["rejection", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(requirement__isnull=False) | models.Q(criterion__isnull=False),
                name="reason_points_at_requirement_or_criterion",
            )
        ]

    def __str__(self) -> str:
        return self.explanation[:60]

    @classmethod
    def from_draft(cls, rejection: "Rejection", draft: "ReasonDraft", position: int) -> "RejectionReason":
        """An unsaved reason row for a drafted reason (for bulk_create)."""
        return cls(
            rejection=rejection,
            source=draft.source,
            requirement_id=draft.requirement_id,
            criterion_id=draft.criterion_id,
            explanation=draft.explanation,
            evidence=draft.evidence,
            position=position,
        )


class ProtectedGround(models.Model):
    """Words that reveal a protected ground; the quality gate refuses letters that use them.

    Data, maintained per organisation: ``terms`` holds one pattern per line
    (a word stem with ``*`` for any ending, or a phrase), Dutch and English.
    """

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="protected_grounds"
    )
    ground = models.CharField(_("ground"), max_length=20, choices=ProtectedGroundKind.choices)
    terms = models.TextField(_("terms"), help_text=_("One per line. Use * for any ending, e.g. zwanger*."))
    exceptions = models.TextField(
        _("allowed phrases"), blank=True, help_text=_("One per line: phrases that contain a term but are fine.")
    )
    explanation_nl = models.TextField(_("explanation (Dutch)"))
    explanation_en = models.TextField(_("explanation (English)"))

    class Meta:
        verbose_name = _("protected ground")
        verbose_name_plural = _("protected grounds")
        ordering = ["organisation", "ground"]
        constraints = [models.UniqueConstraint(fields=["organisation", "ground"], name="protected_ground_unique")]

    def __str__(self) -> str:
        return self.get_ground_display()


class BoilerplatePhrase(models.Model):
    """A stock phrase that says nothing on its own ("we hebben voor een andere kandidaat gekozen")."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="boilerplate_phrases"
    )
    phrase = models.CharField(_("phrase"), max_length=300)

    class Meta:
        verbose_name = _("stock phrase")
        verbose_name_plural = _("stock phrases")
        ordering = ["organisation", "phrase"]
        constraints = [models.UniqueConstraint(fields=["organisation", "phrase"], name="boilerplate_unique")]

    def __str__(self) -> str:
        return self.phrase


class BulkRejection(models.Model):
    """Rejecting many applications of one vacancy at once; progress is shown while it runs."""

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    vacancy = models.ForeignKey("vacancies.Vacancy", on_delete=models.CASCADE, related_name="bulk_rejections")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    # REJECTED (reasons drafted per record) or CANCELLED (the vacancy was cancelled: no reasons).
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices, default=Outcome.REJECTED)
    status = models.CharField(_("status"), max_length=10, choices=BulkStatus.choices, default=BulkStatus.QUEUED)
    application_ids = models.JSONField(default=list)
    total = models.PositiveIntegerField(default=0)
    processed = models.PositiveIntegerField(default=0)
    needing_attention = models.PositiveIntegerField(default=0)
    finished_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=500, blank=True)

    class Meta:
        verbose_name = _("bulk rejection")
        verbose_name_plural = _("bulk rejections")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.vacancy} · {self.processed}/{self.total}"
