from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    RECRUITER = "recruiter", _("Recruiter")
    EVALUATOR = "evaluator", _("Evaluator")
    ADVISOR = "advisor", _("Career advisor")
    HR_LEAD = "hr_lead", _("HR lead")
    PRIVACY_OFFICER = "privacy_officer", _("Privacy officer")
    ORG_ADMIN = "org_admin", _("Organisation admin")


class OrganisationKind(models.TextChoices):
    GOVERNMENT = "government", _("Government organisation")
    HOSPITAL = "hospital", _("Hospital")
    OTHER = "other", _("Other")
