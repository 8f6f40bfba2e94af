from django.db import models
from django.utils.translation import gettext_lazy as _

from nagesprek.portal.constants import LinkPurpose


class CandidateLink(models.Model):
    """A personal link a candidate opens without an account: signed, expiring, purpose-bound, revocable.

    The URL carries a signed token naming this row and its nonce; revoking the
    row (or issuing a new nonce) kills every copy of the link at once.
    """

    candidate = models.ForeignKey("candidates.Candidate", on_delete=models.CASCADE, related_name="links")
    purpose = models.CharField(_("purpose"), max_length=20, choices=LinkPurpose.choices)
    nonce = models.CharField(max_length=32)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(_("expires at"))
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)

    class Meta:
        verbose_name = _("candidate link")
        verbose_name_plural = _("candidate links")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.candidate_id} · {self.purpose}"
