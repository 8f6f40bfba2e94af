# Part G's suggestion log lives in its own module; the vocabulary models (part F) go below.
# --------------------------------------------------------------------------- the vocabulary (part F)
from django.db import models
from django.utils.translation import gettext_lazy as _

from nagesprek.matching.models_log import SuggestionLog  # noqa: F401


class ConceptKind(models.TextChoices):
    SKILL = "skill", _("Skill")
    QUALIFICATION = "qualification", _("Qualification")
    OCCUPATION = "occupation", _("Occupation")


class LabelKind(models.TextChoices):
    PREFERRED = "preferred", _("Preferred")
    ALTERNATIVE = "alternative", _("Alternative")
    HIDDEN = "hidden", _("Hidden (matched, never shown)")


class LabelLanguage(models.TextChoices):
    DUTCH = "nl", _("Dutch")
    ENGLISH = "en", _("English")


class Concept(models.Model):
    """One skill, qualification or occupation in an organisation's vocabulary; its labels are its names."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="matching_concepts"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ConceptKind.choices)
    preferred_label_nl = models.CharField(_("preferred label (Dutch)"), max_length=200)
    preferred_label_en = models.CharField(_("preferred label (English)"), max_length=200, blank=True)
    uri = models.CharField(_("taxonomy URI"), max_length=300, blank=True, help_text=_("For example an ESCO URI."))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("concept")
        verbose_name_plural = _("concepts")
        ordering = ["kind", "preferred_label_nl"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "uri"], condition=~models.Q(uri=""), name="concept_unique_uri"
            )
        ]

    def __str__(self) -> str:
        return self.preferred_label_nl

    @property
    def concept_id(self) -> str:
        """The id the matching engine knows this concept by."""
        return f"c{self.pk}"


class Label(models.Model):
    concept = models.ForeignKey(Concept, on_delete=models.CASCADE, related_name="labels")
    text = models.CharField(_("label"), max_length=200)
    language = models.CharField(_("language"), max_length=2, choices=LabelLanguage.choices)
    kind = models.CharField(_("kind"), max_length=12, choices=LabelKind.choices, default=LabelKind.ALTERNATIVE)

    class Meta:
        verbose_name = _("label")
        verbose_name_plural = _("labels")
        ordering = ["concept", "language", "text"]
        constraints = [
            models.UniqueConstraint(fields=["concept", "language", "text"], name="label_unique_text"),
        ]

    def __str__(self) -> str:
        return self.text
