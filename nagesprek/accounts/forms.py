from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from nagesprek.accounts.constants import Language
from nagesprek.accounts.models import User


class LoginForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    password = forms.CharField(
        label=_("Password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )
    error_messages = {
        "invalid_login": _("The e-mail address and password do not match. Check both and try again."),
        "inactive": _("This account has been switched off. Ask your organisation's administrator."),
    }


class OutboxPasswordResetForm(PasswordResetForm):
    """Send the reset link through the outbox, so it is recorded and delivered by a task."""

    email = forms.EmailField(label=_("E-mail address"), widget=forms.EmailInput(attrs={"autocomplete": "email"}))

    def send_mail(
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict[str, Any],
        from_email: str | None,
        to_email: str,
        html_email_template_name: str | None = None,
    ) -> None:
        from nagesprek.emails.services import queue_email

        user: User = context["user"]
        queue_email(
            key=f"password-reset:{user.pk}:{context['token']}",
            to=to_email,
            template="password_reset",
            context={
                "name": user.get_short_name(),
                "reset_url": "{}://{}{}".format(
                    context["protocol"],
                    context["domain"],
                    reverse("accounts:password_reset_confirm", kwargs={"uidb64": context["uid"], "token": context["token"]}),
                ),
            },
            language=user.language,
        )


class LanguageForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=Language.choices)
    next = forms.CharField(required=False, widget=forms.HiddenInput)
