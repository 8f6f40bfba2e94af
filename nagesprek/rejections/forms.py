"""Forms of the rejection pages: outcome, reasons (a formset: works without JavaScript), letter, review, rules."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable

from django import forms
from django.forms import formset_factory
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nagesprek.accounts.constants import Language
from nagesprek.rejections.constants import Outcome
from nagesprek.rejections.gate import normalise
from nagesprek.rejections.models import ProtectedGround
from nagesprek.rejections.services import ReasonInput
from nagesprek.vacancies.models import Criterion, Requirement

MAX_REASONS = 12
LATEST_SEND_DAYS = 60
# A term or phrase: letters, digits, spaces, hyphens, apostrophes, "+" and the wildcard "*".
_TERM = re.compile("^[\\w\\s'\u2019+*-]+$")


class StartForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("How does the procedure end for this candidate?"),
        choices=Outcome.choices,
        initial=Outcome.REJECTED,
        widget=forms.RadioSelect,
    )


def target_choices(requirements: Iterable[Requirement], criteria: Iterable[Criterion]) -> list:
    """The select's options: requirements and criteria of the rejection's version, grouped."""
    requirement_options = [
        (f"r:{r.pk}", f"{r.label} ({_('must-have') if r.is_must_have else _('nice-to-have')})") for r in requirements
    ]
    criterion_options = [(f"c:{c.pk}", f"{c.stage.name}: {c.label}") for c in criteria]
    return [
        ("", _("Choose what this reason is about")),
        (_("Requirements"), requirement_options),
        (_("Criteria"), criterion_options),
    ]


def target_value(requirement_id: int | None, criterion_id: int | None) -> str:
    return f"c:{criterion_id}" if criterion_id else (f"r:{requirement_id}" if requirement_id else "")


class ReasonForm(forms.Form):
    reason_id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    # Required, but an untouched extra form is skipped (formsets permit it empty); a drafted one is removed
    # with its checkbox, not by clearing it.
    target = forms.ChoiceField(
        label=_("About"), error_messages={"required": _("Choose the requirement or criterion this reason is about.")}
    )
    explanation = forms.CharField(
        label=_("Explanation for the candidate"),
        error_messages={"required": _("Write the explanation for the candidate, or remove this reason.")},
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Plain words: what the job asks, and what the candidate showed or did not show."),
    )

    def __init__(self, *args, targets: list | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = targets or [("", "")]  # type: ignore[attr-defined]

    def reason_input(self) -> ReasonInput | None:
        """The reason this form holds, or None for an empty or removed form."""
        if self.cleaned_data.get("DELETE") or not self.cleaned_data.get("target"):
            return None
        kind, _sep, pk = self.cleaned_data["target"].partition(":")
        return ReasonInput(
            explanation=self.cleaned_data["explanation"],
            requirement_id=int(pk) if kind == "r" else None,
            criterion_id=int(pk) if kind == "c" else None,
            reason_id=self.cleaned_data.get("reason_id"),
        )


ReasonFormSet = formset_factory(ReasonForm, extra=1, can_delete=True, max_num=MAX_REASONS, validate_max=True)


class LetterForm(forms.Form):
    personal_note = forms.CharField(
        label=_("Personal note"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional: a sentence of your own at the start of the letter."),
    )
    language = forms.ChoiceField(label=_("Letter language"), choices=Language.choices)
    when = forms.ChoiceField(
        label=_("When should the letter go out?"),
        choices=[("now", _("As soon as it is approved or submitted")), ("later", _("At a time I choose"))],
        initial="now",
        widget=forms.RadioSelect,
    )
    send_at = forms.DateTimeField(
        label=_("Send at"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        help_text=_("Only when you chose a time; at most 60 days ahead."),
    )

    def clean(self) -> dict:
        cleaned = super().clean() or {}
        if cleaned.get("when") != "later":
            cleaned["send_at"] = None
            return cleaned
        send_at = cleaned.get("send_at")
        now = timezone.now()
        if send_at is None:
            if "send_at" not in self.errors:
                self.add_error("send_at", _("Choose the date and time to send the letter."))
        elif send_at < now - datetime.timedelta(minutes=1):
            self.add_error("send_at", _("Choose a time in the future."))
        elif send_at > now + datetime.timedelta(days=LATEST_SEND_DAYS):
            self.add_error("send_at", _("Choose a time within %(days)s days.") % {"days": LATEST_SEND_DAYS})
        return cleaned


class ReviewForm(forms.Form):
    note = forms.CharField(
        label=_("Note for the recruiter"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required when you return the rejection: say what should change."),
    )


def _validate_lines(text: str, *, required: bool) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if required and not lines:
        raise forms.ValidationError(_("Enter at least one term."))
    for line in lines:
        if not _TERM.match(line) or not normalise(line.replace("*", "")):
            raise forms.ValidationError(
                _("“%(line)s” is not a term: use letters, digits, spaces, hyphens and * only."), params={"line": line}
            )
        if len(line) > 100:
            raise forms.ValidationError(_("“%(line)s” is longer than 100 characters."), params={"line": line[:40]})
    return "\n".join(dict.fromkeys(lines))  # one per line, duplicates dropped, order kept


class ProtectedGroundForm(forms.ModelForm):
    class Meta:
        model = ProtectedGround
        fields = ["terms", "exceptions", "explanation_nl", "explanation_en"]
        widgets = {
            "terms": forms.Textarea(attrs={"rows": 12}),
            "exceptions": forms.Textarea(attrs={"rows": 6}),
            "explanation_nl": forms.Textarea(attrs={"rows": 4, "lang": "nl"}),
            "explanation_en": forms.Textarea(attrs={"rows": 4, "lang": "en"}),
        }

    def clean_terms(self) -> str:
        return _validate_lines(self.cleaned_data["terms"], required=True)

    def clean_exceptions(self) -> str:
        return _validate_lines(self.cleaned_data.get("exceptions", ""), required=False)


class BoilerplatePhraseForm(forms.Form):
    phrase = forms.CharField(
        label=_("Stock phrase"),
        max_length=300,
        help_text=_("A sentence that says nothing on its own, such as “we hebben voor een andere kandidaat gekozen”."),
    )

    def clean_phrase(self) -> str:
        phrase = " ".join(self.cleaned_data["phrase"].split())
        if not normalise(phrase):
            raise forms.ValidationError(_("Enter words, not only punctuation."))
        return phrase


class GateSampleForm(forms.Form):
    sample = forms.CharField(
        label=_("Try a sentence"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("See what the gate says about a sentence before a recruiter writes it."),
    )
