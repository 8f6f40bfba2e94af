"""Advice for a rejected candidate: one item per gap (or per route closing several), reviewed by a person."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from nagesprek.advice.constants import AdviceKind, AdviceStatus


class AdviceItem(models.Model):
    """One piece of advice in the letter and on the candidate page.

    ``drafted`` items are the software's proposal and are replaced when advice is drafted again;
    ``approved`` items were saved (possibly edited) by a person and are kept; ``removed`` items are
    kept too, so a re-draft does not bring back what a person took out.
    """

    rejection = models.ForeignKey("rejections.Rejection", on_delete=models.CASCADE, related_name="advice_items")
    kind = models.CharField(_("kind"), max_length=20, choices=AdviceKind.choices)
    requirement = models.ForeignKey(
        "vacancies.Requirement", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    criterion = models.ForeignKey(
        "vacancies.Criterion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    route = models.ForeignKey("routes.Route", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    text = models.TextField(_("advice for the candidate"))
    position = models.PositiveSmallIntegerField(default=0)
    status = models.CharField(_("status"), max_length=10, choices=AdviceStatus.choices, default=AdviceStatus.DRAFTED)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("advice item")
        verbose_name_plural = _("advice items")
        ordering = ["rejection", "position", "pk"]
        indexes = [models.Index(fields=["rejection", "status"], name="advice_rejection_status")]

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def is_removed(self) -> bool:
        return self.status == AdviceStatus.REMOVED
