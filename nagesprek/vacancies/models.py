from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from nagesprek.vacancies.constants import RequirementKind, StageKind, VacancyStatus


class JobFamily(models.Model):
    """A group of related jobs (e.g. "Anesthesie en OK", "Klantcontact"); matching uses it."""

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="job_families")
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        verbose_name = _("job family")
        verbose_name_plural = _("job families")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["organisation", "name"], name="jobfamily_unique_name")]

    def __str__(self) -> str:
        return self.name


class Vacancy(models.Model):
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="vacancies")
    department = models.ForeignKey("organisations.Department", on_delete=models.PROTECT, related_name="vacancies")
    job_family = models.ForeignKey(JobFamily, on_delete=models.PROTECT, related_name="vacancies")
    reference = models.CharField(_("reference"), max_length=30)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"))
    location = models.CharField(_("location"), max_length=200)
    hours_min = models.PositiveSmallIntegerField(_("hours per week (minimum)"))
    hours_max = models.PositiveSmallIntegerField(_("hours per week (maximum)"))
    closing_date = models.DateField(_("closing date"))
    status = models.CharField(_("status"), max_length=10, choices=VacancyStatus.choices, default=VacancyStatus.DRAFT)
    recruiters = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="recruiter_vacancies", blank=True)
    evaluators = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="evaluator_vacancies", blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("vacancy")
        verbose_name_plural = _("vacancies")
        ordering = ["-closing_date", "title"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "reference"], name="vacancy_unique_reference"),
            models.CheckConstraint(condition=models.Q(hours_max__gte=models.F("hours_min")), name="vacancy_hours_order"),
        ]
        indexes = [models.Index(fields=["organisation", "status"], name="vacancy_org_status")]

    def __str__(self) -> str:
        return f"{self.title} ({self.reference})"


class Requirement(models.Model):
    """A published requirement (functie-eis). Frozen once the first candidate is evaluated."""

    vacancy = models.ForeignKey(Vacancy, on_delete=models.CASCADE, related_name="requirements")
    kind = models.CharField(_("kind"), max_length=20, choices=RequirementKind.choices)
    label = models.CharField(_("requirement"), max_length=200)
    description = models.TextField(_("plain-language description"), blank=True)
    is_must_have = models.BooleanField(_("must-have"), default=True)
    level = models.CharField(_("level"), max_length=50, blank=True)
    years = models.PositiveSmallIntegerField(_("years"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("requirement")
        verbose_name_plural = _("requirements")
        ordering = ["vacancy", "position", "pk"]

    def __str__(self) -> str:
        return self.label


class Stage(models.Model):
    """One step of a vacancy's selection pipeline."""

    vacancy = models.ForeignKey(Vacancy, on_delete=models.CASCADE, related_name="stages")
    kind = models.CharField(_("kind"), max_length=20, choices=StageKind.choices)
    name = models.CharField(_("name"), max_length=100)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("stage")
        verbose_name_plural = _("stages")
        ordering = ["vacancy", "position"]
        constraints = [models.UniqueConstraint(fields=["vacancy", "position"], name="stage_unique_position")]

    def __str__(self) -> str:
        return self.name
