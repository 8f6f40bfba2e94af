from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    VIEW = "view", _("Viewed")
    CREATE = "create", _("Created")
    UPDATE = "update", _("Changed")
    DELETE = "delete", _("Deleted")
    EXPORT = "export", _("Exported")
    SEND = "send", _("Sent")


class ActorKind(models.TextChoices):
    STAFF = "staff", _("Member of staff")
    CANDIDATE = "candidate", _("Candidate")
    SYSTEM = "system", _("System")
