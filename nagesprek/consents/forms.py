from django import forms
from django.utils.translation import gettext_lazy as _


class ConsentChoiceForm(forms.Form):
    GIVE = "give"
    WITHDRAW = "withdraw"

    choice = forms.ChoiceField(
        choices=[(GIVE, _("Yes, keep my data")), (WITHDRAW, _("No, withdraw my permission"))],
        error_messages={"required": _("Choose whether you give or withdraw your permission.")},
    )
