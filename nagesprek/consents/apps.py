from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsentsConfig(AppConfig):
    name = "nagesprek.consents"
    verbose_name = _("Consents")
