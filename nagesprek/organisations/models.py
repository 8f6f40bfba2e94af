from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from nagesprek.organisations.constants import OrganisationKind, Role
from nagesprek.organisations.contrast import AA_NORMAL_TEXT, HEX_COLOUR, contrast_ratio


def validate_brand_colour(value: str) -> None:
    """Brand colour is used as background for white text and as text on white: both need AA."""
    if not HEX_COLOUR.match(value or ""):
        raise ValidationError(
            _("Enter a colour as # followed by six hexadecimal digits, for example #154273."),
            code="format",
        )
    ratio = contrast_ratio(value, "#ffffff")
    if ratio < AA_NORMAL_TEXT:
        raise ValidationError(
            _(
                "The colour %(colour)s has a contrast of %(ratio).1f:1 with white text; "
                "WCAG AA needs at least 4.5:1. Choose a darker colour."
            ),
            code="contrast",
            params={"colour": value, "ratio": ratio},
        )


class Organisation(models.Model):
    """The tenant boundary: nobody ever sees another organisation's data."""

    slug = models.SlugField(_("short name"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    brand_colour = models.CharField(
        _("brand colour"), max_length=7, default="#154273", validators=[validate_brand_colour]
    )
    logo = models.FileField(
        _("logo"),
        upload_to="logos/",
        blank=True,
        validators=[FileExtensionValidator(["png", "jpg", "jpeg", "webp"])],
        help_text=_("PNG, JPEG or WebP, shown at most 48 pixels high."),
    )
    contact_email = models.EmailField(_("contact e-mail for candidates"), blank=True)
    four_eyes_review = models.BooleanField(
        _("four-eyes review of rejections"),
        default=False,
        help_text=_("A second person approves every rejection letter before it is sent."),
    )
    feedback_deadline_days = models.PositiveSmallIntegerField(
        _("days after the closing date by which every candidate has heard"),
        default=14,
        help_text=_("The NVP Sollicitatiecode asks for about two weeks."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Department(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="departments")
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["organisation", "name"], name="department_unique_name")]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """One role of one user in one organisation. A user may hold several roles."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [models.UniqueConstraint(fields=["user", "organisation", "role"], name="membership_unique_role")]

    def __str__(self) -> str:
        return f"{self.user} · {self.organisation} · {self.get_role_display()}"
