from django.db import models
from django.utils.translation import gettext_lazy as _

from nagesprek.accounts.constants import Language
from nagesprek.vacancies.constants import EducationLevel


class Candidate(models.Model):
    """The person (sollicitant). One per organisation and e-mail address; applications hang off it."""

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="candidates")
    email = models.EmailField(_("e-mail address"))
    full_name = models.CharField(_("full name"), max_length=200)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    city = models.CharField(_("place of residence"), max_length=100, blank=True)
    language = models.CharField(_("language for contact"), max_length=2, choices=Language.choices, default=Language.DUTCH)
    education_level = models.CharField(_("education level"), max_length=10, choices=EducationLevel.choices, blank=True)
    cv_text = models.TextField(_("CV text"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("candidate")
        verbose_name_plural = _("candidates")
        ordering = ["full_name"]
        constraints = [models.UniqueConstraint(fields=["organisation", "email"], name="candidate_unique_email")]

    def __str__(self) -> str:
        return self.full_name
