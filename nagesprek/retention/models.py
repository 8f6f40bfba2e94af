from django.db import models
from django.utils.translation import gettext_lazy as _

from nagesprek.retention.constants import ErasureReason


class Erasure(models.Model):
    """Proof that a candidate's file was erased, and why. Holds no personal data: only the former id.

    The privacy officer can answer "what happened to candidate 123?" without the file existing any more.
    """

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    candidate_id = models.BigIntegerField(_("former candidate id"), db_index=True)
    reason = models.CharField(_("reason"), max_length=20, choices=ErasureReason.choices)
    due_at = models.DateTimeField(_("due at"))
    erased_at = models.DateTimeField(_("erased at"))
    applications = models.PositiveIntegerField(_("applications erased"), default=0)
    messages = models.PositiveIntegerField(_("e-mails erased"), default=0)

    class Meta:
        verbose_name = _("erasure")
        verbose_name_plural = _("erasures")
        ordering = ["-erased_at", "-id"]
        indexes = [models.Index(fields=["organisation", "-erased_at"], name="erasure_org_recent")]

    def __str__(self) -> str:
        return f"{self.candidate_id} {self.reason}"
