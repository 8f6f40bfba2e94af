from django.db import models
from django.utils.translation import gettext_lazy as _


class QualificationKind(models.TextChoices):
    CERTIFICATE = "certificate", _("Certificate")
    DIPLOMA = "diploma", _("Diploma")
    LICENCE = "licence", _("Licence")
    REGISTRATION = "registration", _("Registration")
