from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RejectionsConfig(AppConfig):
    name = "nagesprek.rejections"
    verbose_name = _("Rejections")
