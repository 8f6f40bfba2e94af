from django.db import models
from django.utils.translation import gettext_lazy as _


class ErasureReason(models.TextChoices):
    """Why a candidate's data was erased; each names the rule the letter and the candidate page promised."""

    RETENTION_PASSED = "retention_passed", _("Retention period after the procedure ended has passed")
    CONSENT_ENDED = "consent_ended", _("Talent-pool consent expired or was withdrawn")
    REQUESTED = "requested", _("Erased at the candidate's request")
