from django.db import models
from django.utils.translation import gettext_lazy as _


class ApplicationStatus(models.TextChoices):
    ACTIVE = "active", _("In procedure")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn by the candidate")
    CANCELLED = "cancelled", _("Vacancy cancelled")
    HIRED = "hired", _("Hired")


CLOSED_STATUSES = (
    ApplicationStatus.REJECTED,
    ApplicationStatus.WITHDRAWN,
    ApplicationStatus.CANCELLED,
    ApplicationStatus.HIRED,
)
