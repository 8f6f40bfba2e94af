from django.db import models
from django.utils.translation import gettext_lazy as _


class LinkPurpose(models.TextChoices):
    CANDIDATE_PAGE = "candidate_page", _("Candidate page")
