from django import forms
from django.utils.translation import gettext_lazy as _

from nagesprek.organisations.models import Organisation


class ThemeForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "brand_colour", "contact_email", "logo"]
        widgets = {"brand_colour": forms.TextInput(attrs={"type": "color"})}
        help_texts = {
            "brand_colour": _("Used for buttons and the top bar, with white text on it; it must have enough contrast."),
        }
