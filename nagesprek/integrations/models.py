"""API keys: how an external system (an ATS) reaches one organisation's data through the HTTP API.

Only a hash of each key is stored (SHA-256 of the whole key: the key is 256 random bits, so a slow
password hash adds nothing); the key itself is shown once, when it is made. The prefix is stored in the
clear to find the row and to tell keys apart in lists and in the audit log.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ApiKey(models.Model):
    """One organisation's key for the HTTP API; revoked keys stay, for the audit log's sake."""

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="api_keys")
    name = models.CharField(_("name"), max_length=100, help_text=_("Which system uses it, for example “ATS”."))
    prefix = models.CharField(_("prefix"), max_length=16, unique=True)
    key_hash = models.CharField(max_length=64)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("API key")
        verbose_name_plural = _("API keys")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix})"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    @property
    def audit_label(self) -> str:
        """How the audit log names the key's requests (no user acts through an API key)."""
        return f"API key {self.name} ({self.prefix})"
