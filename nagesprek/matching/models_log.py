"""The log of every set of suggestions shown to a person (part G of issue 4).

Retention: the EU AI Act (art. 26(6)) asks deployers of a high-risk system (recruitment and selection
is one, Annex III point 4) to keep its logs for at least six months. Rows are therefore kept for
``SUGGESTION_LOG_RETENTION_DAYS`` (≥ 183 days) and never edited; a later housekeeping sweep may delete
older rows. Candidates are kept as plain ids (as in the audit log), so the proof of what was shown
outlives an erasure of the candidate's file without keeping their data.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

SUGGESTION_LOG_RETENTION_DAYS = 183


class SuggestionKind(models.TextChoices):
    VACANCIES_FOR_CANDIDATE = "vacancies", _("Vacancies for a candidate")
    TALENT_POOL_FOR_VACANCY = "talent_pool", _("Talent-pool candidates for a vacancy")


class Audience(models.TextChoices):
    STAFF = "staff", _("Member of staff")
    CANDIDATE = "candidate", _("Candidate")
    INTEGRATION = "integration", _("External system (API key)")


class SuggestionLog(models.Model):
    """One set of suggestions as it was shown: who asked, about what, with which engine, and the ranking."""

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="+")
    engine_version = models.CharField(_("engine version"), max_length=50)
    kind = models.CharField(_("kind"), max_length=20, choices=SuggestionKind.choices)
    audience = models.CharField(_("shown to"), max_length=12, choices=Audience.choices)
    subject_type = models.CharField(_("subject type"), max_length=50)  # "applications.Application", ...
    subject_id = models.BigIntegerField(_("subject id"))
    candidate_id = models.BigIntegerField(_("candidate id"), null=True, blank=True, db_index=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_by_candidate_id = models.BigIntegerField(_("requested by candidate"), null=True, blank=True)
    # The API key an external system asked with (integrations.ApiKey), kept as a plain id like the candidates:
    # the log outlives a revoked and deleted key.
    requested_by_api_key_id = models.BigIntegerField(_("requested with API key"), null=True, blank=True)
    results = models.JSONField(_("ranked results"), default=list)
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("suggestion log entry")
        verbose_name_plural = _("suggestion log")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["organisation", "-created_at"], name="suggestionlog_org_recent")]

    def __str__(self) -> str:
        return f"{self.kind} {self.subject_type}#{self.subject_id} ({self.engine_version})"
