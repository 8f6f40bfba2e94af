from django.db import models
from django.utils.translation import gettext_lazy as _


class AdviceKind(models.TextChoices):
    ROUTE = "route", _("Route")
    CV = "cv", _("CV")
    DIRECTION = "direction", _("Another direction")
    INTERVIEW_PRACTICE = "interview_practice", _("Interview practice")
    EXPERIENCE = "experience", _("Experience")


class AdviceStatus(models.TextChoices):
    DRAFTED = "drafted", _("Drafted")
    APPROVED = "approved", _("Approved")
    REMOVED = "removed", _("Removed")
