from django import forms
from django.utils.translation import gettext_lazy as _


class FreshLinkForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        error_messages={
            "required": _("Enter an e-mail address, for example name@example.nl."),
            "invalid": _("Enter an e-mail address, for example name@example.nl."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "inputmode": "email"}),
    )
