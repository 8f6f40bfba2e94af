from django.db import models
from django.utils.translation import gettext_lazy as _


class VacancyStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed for applications")
    FILLED = "filled", _("Filled")
    CANCELLED = "cancelled", _("Cancelled")


class RequirementKind(models.TextChoices):
    CERTIFICATE = "certificate", _("Certificate")
    DIPLOMA = "diploma", _("Diploma")
    LICENCE = "licence", _("Licence")
    REGISTRATION = "registration", _("Registration")
    SKILL = "skill", _("Skill")
    LANGUAGE = "language", _("Language")
    EXPERIENCE = "experience", _("Experience in years")
    EDUCATION_LEVEL = "education_level", _("Education level")
    COMPETENCY = "competency", _("Competency")


class StageKind(models.TextChoices):
    CV_SCREENING = "cv_screening", _("CV screening")
    INTERVIEW = "interview", _("Interview")
    ASSESSMENT = "assessment", _("Assessment")
    OFFER = "offer", _("Offer")


class EducationLevel(models.TextChoices):
    VMBO = "vmbo", _("VMBO")
    MBO2 = "mbo2", _("MBO level 2")
    MBO3 = "mbo3", _("MBO level 3")
    MBO4 = "mbo4", _("MBO level 4")
    HBO = "hbo", _("HBO (bachelor)")
    WO = "wo", _("WO (master)")


EDUCATION_RANK = {level: rank for rank, level in enumerate(EducationLevel.values)}


class LanguageLevel(models.TextChoices):
    """Common European Framework of Reference levels."""

    A1 = "A1", "A1"
    A2 = "A2", "A2"
    B1 = "B1", "B1"
    B2 = "B2", "B2"
    C1 = "C1", "C1"
    C2 = "C2", "C2"


LANGUAGE_LEVEL_RANK = {level: rank for rank, level in enumerate(LanguageLevel.values)}

# Requirement kinds met by holding a named qualification.
QUALIFICATION_KINDS = ("certificate", "diploma", "licence", "registration")
