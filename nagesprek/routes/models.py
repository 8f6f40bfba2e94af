"""The organisation's catalogue of development routes, and what each route closes."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from nagesprek.routes.constants import DeliveryMode, RouteKind, RouteLanguage
from nagesprek.vacancies.constants import RequirementKind


class Route(models.Model):
    """A way for a candidate to close a gap: a certificate, a course, a programme, practice, advice."""

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="routes")
    kind = models.CharField(_("kind"), max_length=20, choices=RouteKind.choices)
    title = models.CharField(_("title"), max_length=200)
    provider = models.CharField(_("provider"), max_length=200)
    duration_weeks = models.PositiveSmallIntegerField(
        _("duration in weeks"), null=True, blank=True, help_text=_("Used to put shorter routes first.")
    )
    duration_text = models.CharField(
        _("duration in words"), max_length=100, blank=True, help_text=_("For example: 6 months, two evenings a week.")
    )
    cost_eur = models.DecimalField(
        _("cost in euros"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("An estimate. Leave empty when unknown; 0 means free."),
    )
    level = models.CharField(_("level"), max_length=50, blank=True)
    language = models.CharField(_("language"), max_length=2, choices=RouteLanguage.choices, default=RouteLanguage.DUTCH)
    delivery_mode = models.CharField(
        _("delivery mode"), max_length=20, choices=DeliveryMode.choices, default=DeliveryMode.CLASSROOM
    )
    link = models.URLField(_("link"), blank=True)
    description = models.TextField(_("description"), blank=True, help_text=_("In plain Dutch, for the candidate."))
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("route")
        verbose_name_plural = _("routes")
        ordering = ["title", "provider"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "title", "provider"], name="route_unique_title_provider")
        ]
        indexes = [models.Index(fields=["organisation", "is_active"], name="route_org_active")]

    def __str__(self) -> str:
        return f"{self.title} ({self.provider})"

    @property
    def duration_display(self) -> str:
        if self.duration_text:
            return self.duration_text
        return str(self.duration_weeks) if self.duration_weeks is not None else ""


class RouteTarget(models.Model):
    """One thing a route closes: a requirement kind and the name of the qualification, skill or level."""

    route = models.ForeignKey(Route, on_delete=models.CASCADE, related_name="targets")
    kind = models.CharField(_("kind"), max_length=20, choices=RequirementKind.choices)
    # Stored as written until the vocabulary (matching.normalise) exists; matched with assessment's matcher.
    name = models.CharField(_("name"), max_length=200)
    level = models.CharField(_("level"), max_length=50, blank=True)

    class Meta:
        verbose_name = _("what the route closes")
        verbose_name_plural = _("what the route closes")
        ordering = ["route", "pk"]

    def __str__(self) -> str:
        return f"{self.kind}: {self.name}" + (f" {self.level}" if self.level else "")
