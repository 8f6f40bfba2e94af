from django.db import models
from django.utils.translation import gettext_lazy as _

from nagesprek.accounts.constants import Language
from nagesprek.consents.constants import ConsentPurpose, ConsentSource


class Consent(models.Model):
    """A candidate's permission for one purpose, with the exact words they agreed to. Revocable.

    A row is never reused: granting again after a revocation or expiry makes a new row, so the
    history of what was agreed, when, and for how long stays readable.
    """

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    candidate = models.ForeignKey("candidates.Candidate", on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(_("purpose"), max_length=20, choices=ConsentPurpose.choices)
    wording = models.TextField(_("wording shown"))
    language = models.CharField(_("language of the wording"), max_length=2, choices=Language.choices)
    source = models.CharField(_("given through"), max_length=20, choices=ConsentSource.choices)
    granted_at = models.DateTimeField(_("given at"))
    expires_at = models.DateTimeField(_("valid until"))
    revoked_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-granted_at", "-id"]
        indexes = [models.Index(fields=["organisation", "purpose", "expires_at"], name="consent_org_purpose")]
        constraints = [
            models.CheckConstraint(condition=models.Q(expires_at__gt=models.F("granted_at")), name="consent_expiry")
        ]

    def __str__(self) -> str:
        return f"{self.candidate_id} {self.purpose}"
