from django import forms
from django.utils.translation import gettext_lazy as _


class FindCandidateForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address of the person making the request"), max_length=254)


class EraseForm(forms.Form):
    identity_checked = forms.BooleanField(
        label=_("I have checked that the request comes from this person."),
        error_messages={"required": _("Check the requester's identity before erasing.")},
    )
    confirm = forms.BooleanField(
        label=_("Erase this file now. This cannot be undone."),
        error_messages={"required": _("Confirm that the file may be erased.")},
    )
