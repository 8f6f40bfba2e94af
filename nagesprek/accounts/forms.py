from __future__ import annotations

import hashlib
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from nagesprek.accounts.constants import Language
from nagesprek.accounts.models import User


class LoginForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    password = forms.CharField(
        label=_("Password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )
    error_messages = {
        "invalid_login": _("The e-mail address and password do not match. Check both and try again."),
        "inactive": _("This account has been switched off. Ask your organisation's administrator."),
    }

    def clean_username(self) -> str:
        # Accounts store the address in lower case; people type it as they like.
        return self.cleaned_data["username"].lower()


class OutboxPasswordResetForm(PasswordResetForm):
    """Send the reset link through the outbox, so it is recorded and delivered by a task.

    Django's form answers the same for known and unknown addresses (no account
    enumeration) and calls send_mail only for active users with a usable password.
    """

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
        path = reverse("accounts:password_reset_confirm", kwargs={"uidb64": context["uid"], "token": context["token"]})
        # The token is a secret: the idempotency key (shown in the admin) holds only its hash.
        token_hash = hashlib.sha256(context["token"].encode()).hexdigest()[:32]
        queue_email(
            key=f"password-reset:{user.pk}:{token_hash}",
            to=to_email,
            template="password_reset",
            # SITE_URL, not the request's Host header: a forged Host must not end up in the link.
            context={"name": user.get_short_name(), "reset_url": settings.SITE_URL + path},
            language=user.language,
        )


class LanguageForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=Language.choices)
    next = forms.CharField(required=False, widget=forms.HiddenInput)
