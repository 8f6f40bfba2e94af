from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from nagesprek.applications.constants import ApplicationStatus


class Application(models.Model):
    """One candidate for one vacancy (sollicitatie)."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="applications"
    )
    candidate = models.ForeignKey("candidates.Candidate", on_delete=models.CASCADE, related_name="applications")
    vacancy = models.ForeignKey("vacancies.Vacancy", on_delete=models.CASCADE, related_name="applications")
    stage = models.ForeignKey("vacancies.Stage", on_delete=models.PROTECT, related_name="applications")
    status = models.CharField(
        _("status"), max_length=10, choices=ApplicationStatus.choices, default=ApplicationStatus.ACTIVE
    )
    applied_at = models.DateTimeField(_("applied at"))
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-applied_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["candidate", "vacancy"], name="application_unique_candidate_vacancy")
        ]
        indexes = [
            models.Index(fields=["organisation", "status"], name="application_org_status"),
            models.Index(fields=["vacancy", "status"], name="application_vacancy_status"),
        ]

    def __str__(self) -> str:
        return f"{self.candidate} → {self.vacancy}"


class StageChange(models.Model):
    """Append-only history of an application's stage and status."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="stage_changes")
    stage = models.ForeignKey("vacancies.Stage", on_delete=models.PROTECT, related_name="+")
    status = models.CharField(_("status"), max_length=10, choices=ApplicationStatus.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(_("changed at"))
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("stage change")
        verbose_name_plural = _("stage changes")
        ordering = ["application", "changed_at", "id"]

    def __str__(self) -> str:
        return f"{self.application_id}: {self.stage} ({self.status})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Append-only: a history row is written once. (Erasing a candidate removes the rows
        # with their application through the cascade, which does not come through here.)
        if not self._state.adding:
            raise ValueError("Stage history is append-only: add a new StageChange instead of changing one.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ValueError("Stage history is append-only: rows go only with their application.")
