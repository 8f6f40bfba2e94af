from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from nagesprek.accounts.constants import Language
from nagesprek.candidates.constants import QualificationKind
from nagesprek.vacancies.constants import EducationLevel, LanguageLevel


class Candidate(models.Model):
    """The person (sollicitant). One per organisation and e-mail address; applications hang off it."""

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="candidates")
    email = models.EmailField(_("e-mail address"))
    full_name = models.CharField(_("full name"), max_length=200)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    city = models.CharField(_("place of residence"), max_length=100, blank=True)
    language = models.CharField(
        _("language for contact"), max_length=2, choices=Language.choices, default=Language.DUTCH
    )
    education_level = models.CharField(_("education level"), max_length=10, choices=EducationLevel.choices, blank=True)
    cv_text = models.TextField(_("CV text"), blank=True)
    cv_file = models.FileField(
        _("CV file"),
        upload_to="cv/%Y/%m/",
        blank=True,
        validators=[FileExtensionValidator(["pdf", "docx", "odt", "txt"])],
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("candidate")
        verbose_name_plural = _("candidates")
        ordering = ["full_name"]
        constraints = [models.UniqueConstraint(fields=["organisation", "email"], name="candidate_unique_email")]

    def __str__(self) -> str:
        return self.full_name


class Qualification(models.Model):
    """A certificate, diploma, licence or registration the candidate holds."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="qualifications")
    kind = models.CharField(_("kind"), max_length=20, choices=QualificationKind.choices)
    name = models.CharField(_("name"), max_length=200)
    issuer = models.CharField(_("issued by"), max_length=200, blank=True)
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    expires_on = models.DateField(_("expires on"), null=True, blank=True)

    class Meta:
        verbose_name = _("qualification")
        verbose_name_plural = _("qualifications")
        ordering = ["candidate", "name"]

    def __str__(self) -> str:
        return self.name


class Skill(models.Model):
    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="skills")
    name = models.CharField(_("skill"), max_length=200)

    class Meta:
        verbose_name = _("skill")
        verbose_name_plural = _("skills")
        ordering = ["candidate", "name"]
        constraints = [models.UniqueConstraint(fields=["candidate", "name"], name="skill_unique_name")]

    def __str__(self) -> str:
        return self.name


class LanguageSkill(models.Model):
    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="languages")
    language = models.CharField(_("language"), max_length=50)
    level = models.CharField(_("level"), max_length=2, choices=LanguageLevel.choices)

    class Meta:
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        ordering = ["candidate", "language"]
        constraints = [models.UniqueConstraint(fields=["candidate", "language"], name="language_unique")]

    def __str__(self) -> str:
        return f"{self.language} {self.level}"


class Experience(models.Model):
    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="experiences")
    role = models.CharField(_("role"), max_length=200)
    sector = models.CharField(_("sector"), max_length=200, blank=True)
    years = models.DecimalField(_("years"), max_digits=4, decimal_places=1)

    class Meta:
        verbose_name = _("experience")
        verbose_name_plural = _("experience")
        ordering = ["candidate", "-years"]

    def __str__(self) -> str:
        return f"{self.role} ({self.years})"
