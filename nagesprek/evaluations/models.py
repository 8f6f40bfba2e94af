from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from nagesprek.evaluations.constants import Rating


class Scorecard(models.Model):
    """One evaluator's assessment of one application in one stage."""

    application = models.ForeignKey("applications.Application", on_delete=models.CASCADE, related_name="scorecards")
    stage = models.ForeignKey("vacancies.Stage", on_delete=models.PROTECT, related_name="scorecards")
    evaluator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="scorecards")
    summary = models.TextField(_("overall remarks"), blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("scorecard")
        verbose_name_plural = _("scorecards")
        ordering = ["application", "stage__position", "evaluator__full_name"]
        constraints = [
            models.UniqueConstraint(fields=["application", "stage", "evaluator"], name="scorecard_unique_evaluator")
        ]

    def __str__(self) -> str:
        return f"{self.application_id} · {self.stage} · {self.evaluator}"


class CriterionRating(models.Model):
    scorecard = models.ForeignKey(Scorecard, on_delete=models.CASCADE, related_name="ratings")
    criterion = models.ForeignKey("vacancies.Criterion", on_delete=models.PROTECT, related_name="ratings")
    rating = models.PositiveSmallIntegerField(_("rating"), choices=Rating.choices)
    evidence = models.TextField(
        _("evidence"), help_text=_("What the candidate showed or did not show. The candidate may read this.")
    )

    class Meta:
        verbose_name = _("criterion rating")
        verbose_name_plural = _("criterion ratings")
        ordering = ["scorecard", "criterion__position"]
        constraints = [
            models.UniqueConstraint(fields=["scorecard", "criterion"], name="rating_unique_criterion"),
            models.CheckConstraint(condition=models.Q(rating__gte=1, rating__lte=4), name="rating_on_scale"),
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.rating}"
