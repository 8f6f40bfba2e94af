from django.db import models
from django.utils.translation import gettext_lazy as _


class Outcome(models.TextChoices):
    """How a procedure ended for a candidate without a hire. Only REJECTED needs reasons."""

    REJECTED = "rejected", _("Rejected by the employer")
    WITHDRAWN = "withdrawn", _("Withdrawn by the candidate")
    CANCELLED = "cancelled", _("Vacancy cancelled")


class RejectionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("Waiting for a second person's approval")
    SCHEDULED = "scheduled", _("Scheduled for sending")
    SENT = "sent", _("Sent")


class ReasonSource(models.TextChoices):
    """Where a drafted reason came from in the record."""

    UNMET_REQUIREMENT = "unmet_requirement", _("Must-have requirement not met")
    EXPIRED_QUALIFICATION = "expired_qualification", _("Qualification expired")
    LOW_RATING = "low_rating", _("Criterion rated low")
    COMPARATIVE = "comparative", _("Another candidate scored higher on a criterion")
    RECRUITER = "recruiter", _("Written by the recruiter")


class ProtectedGroundKind(models.TextChoices):
    """Grounds under Dutch equal-treatment law (AWGB, WGB m/v, WGBH/CZ, WGBL, WOT)."""

    AGE = "age", _("Age")
    SEX = "sex", _("Sex or gender")
    PREGNANCY = "pregnancy", _("Pregnancy or parenthood")
    ORIGIN = "origin", _("Origin or race")
    NATIONALITY = "nationality", _("Nationality")
    RELIGION = "religion", _("Religion or belief")
    DISABILITY = "disability", _("Disability or chronic illness")
    SEXUAL_ORIENTATION = "sexual_orientation", _("Sexual orientation")
    CIVIL_STATUS = "civil_status", _("Civil status")
    POLITICAL_OPINION = "political_opinion", _("Political opinion")
    WORKING_TIME = "working_time", _("Working-time preference (part-time or full-time)")


class BulkStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")
