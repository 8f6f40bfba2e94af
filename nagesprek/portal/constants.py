from django.db import models
from django.utils.translation import gettext_lazy as _


class LinkPurpose(models.TextChoices):
    CANDIDATE_PAGE = "candidate_page", _("Candidate page")


# How long a personal link works unless the issuer says otherwise, and the longest it may work.
DEFAULT_LINK_DAYS = 90
MAX_LINK_DAYS = 365
# A candidate may ask for a fresh link by e-mail at most this often per address per hour.
FRESH_LINKS_PER_HOUR = 3
