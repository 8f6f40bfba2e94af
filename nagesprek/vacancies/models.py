from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from nagesprek.vacancies.constants import RequirementKind, StageKind, VacancyStatus


class JobFamily(models.Model):
    """A group of related jobs (e.g. "Anesthesie en OK", "Klantcontact"); matching uses it."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="job_families"
    )
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
    requirements_version = models.PositiveSmallIntegerField(_("requirements version"), default=1)
    requirements_frozen_at = models.DateTimeField(
        _("requirements frozen at"),
        null=True,
        blank=True,
        help_text=_("Set when the first candidate is evaluated; later changes make a new, logged version."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("vacancy")
        verbose_name_plural = _("vacancies")
        ordering = ["-closing_date", "title"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "reference"], name="vacancy_unique_reference"),
            models.CheckConstraint(
                condition=models.Q(hours_max__gte=models.F("hours_min")), name="vacancy_hours_order"
            ),
        ]
        indexes = [models.Index(fields=["organisation", "status"], name="vacancy_org_status")]

    def __str__(self) -> str:
        return f"{self.title} ({self.reference})"


class CurrentRequirementManager(models.Manager["Requirement"]):
    def get_queryset(self) -> models.QuerySet["Requirement"]:
        return super().get_queryset().filter(retired_in_version__isnull=True)


class Requirement(models.Model):
    """A published requirement (functie-eis).

    Frozen once the first candidate is evaluated (Besluit werving en selectie
    art. 18): after that a change retires this row (``retired_in_version``) and
    adds a new one in the vacancy's next ``requirements_version``, so every
    reason given to a candidate keeps pointing at the yardstick used for them.
    """

    vacancy = models.ForeignKey(Vacancy, on_delete=models.CASCADE, related_name="requirements")
    kind = models.CharField(_("kind"), max_length=20, choices=RequirementKind.choices)
    label = models.CharField(_("requirement"), max_length=200)
    description = models.TextField(
        _("plain-language description"),
        blank=True,
        help_text=_("What the requirement means, in words a candidate understands."),
    )
    is_must_have = models.BooleanField(_("must-have"), default=True)
    level = models.CharField(
        _("level"),
        max_length=50,
        blank=True,
        help_text=_("Language level (A1–C2) or education level, where it applies."),  # noqa: RUF001
    )
    years = models.PositiveSmallIntegerField(_("years"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    introduced_in_version = models.PositiveSmallIntegerField(default=1)
    retired_in_version = models.PositiveSmallIntegerField(null=True, blank=True)

    objects = models.Manager()
    current = CurrentRequirementManager()

    class Meta:
        verbose_name = _("requirement")
        verbose_name_plural = _("requirements")
        ordering = ["vacancy", "position", "pk"]
        base_manager_name = "objects"

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


class Criterion(models.Model):
    """What evaluators score in one stage: tied to a requirement, or a named competency."""

    stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="criteria")
    requirement = models.ForeignKey(
        Requirement, null=True, blank=True, on_delete=models.PROTECT, related_name="criteria"
    )
    competency = models.CharField(_("competency"), max_length=200, blank=True)
    description = models.TextField(_("what evaluators look for"), blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["stage", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(requirement__isnull=False) | ~models.Q(competency=""),
                name="criterion_requirement_or_competency",
            )
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return self.requirement.label if self.requirement is not None else self.competency


class RequirementChange(models.Model):
    """The log of requirement changes after the freeze: who, when, why, what."""

    vacancy = models.ForeignKey(Vacancy, on_delete=models.CASCADE, related_name="requirement_changes")
    version = models.PositiveSmallIntegerField(_("new version"))
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    changed_at = models.DateTimeField(_("changed at"), auto_now_add=True)
    reason = models.TextField(_("reason for the change"))
    summary = models.TextField(_("what changed"))

    class Meta:
        verbose_name = _("requirement change")
        verbose_name_plural = _("requirement changes")
        ordering = ["vacancy", "version"]

    def __str__(self) -> str:
        return f"{self.vacancy} v{self.version}"
