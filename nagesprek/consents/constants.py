from datetime import timedelta

from django.db import models
from django.utils.translation import gettext_lazy as _


class ConsentPurpose(models.TextChoices):
    TALENT_POOL = "talent_pool", _("Keep my data for other vacancies")
    REFERRAL = "referral", _("Pass my data to a colleague for another job")


class ConsentSource(models.TextChoices):
    CANDIDATE_PAGE = "candidate_page", _("Candidate page")
    CONVERSATION = "conversation", _("Conversation")
    REJECTION = "rejection", _("Rejection")


# AVG practice (Autoriteit Persoonsgegevens): keep a candidate's data for other vacancies at most a
# year, and only with consent. 365 days is never more than 12 months, leap years included.
CONSENT_VALIDITY = {
    ConsentPurpose.TALENT_POOL: timedelta(days=365),
    ConsentPurpose.REFERRAL: timedelta(days=365),
}
