from __future__ import annotations

from collections.abc import Sequence

from django import forms
from django.utils.translation import gettext_lazy as _

from nagesprek.accounts.constants import Language
from nagesprek.advising.constants import ADVICE_MAX_LENGTH, NOTE_MAX_LENGTH, SUMMARY_MAX_LENGTH
from nagesprek.routes.models import Route


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Note"),
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Only career advisors read this. Write it as if the candidate reads it: they may ask for it."),
        error_messages={"required": _("Write the note.")},
    )


def _route_label(route: Route) -> str:
    return f"{route.title} – {route.provider}"  # noqa: RUF001


class OutcomeForm(forms.Form):
    """The outcome of a conversation. The routes are read once per page: active ones plus any already chosen."""

    advice = forms.CharField(
        label=_("Advice you gave"),
        required=False,
        max_length=ADVICE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("In your own words. Choose routes below as well, or instead."),
    )
    routes = forms.TypedMultipleChoiceField(
        label=_("Routes from the catalogue"), required=False, coerce=int, widget=forms.CheckboxSelectMultiple
    )
    follow_up_on = forms.DateField(
        label=_("Follow up on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("When you want to contact the candidate again. It shows on your dashboard from that day."),
        error_messages={"invalid": _("Enter a date, for example 2026-03-31.")},
    )

    held = forms.BooleanField(
        label=_("The conversation took place"),
        required=False,
        help_text=_("Tick this after the conversation. Then you can send the candidate the summary."),
    )

    def __init__(self, *args, routes: Sequence[Route] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.route_objects = {route.pk: route for route in routes}
        ordered = sorted(self.route_objects.values(), key=lambda r: (r.title.casefold(), r.provider.casefold()))
        self.fields["routes"].choices = [(r.pk, _route_label(r)) for r in ordered]  # type: ignore[attr-defined]

    def clean_routes(self) -> list[Route]:
        return [self.route_objects[pk] for pk in self.cleaned_data["routes"]]


class ReferralConsentForm(forms.Form):
    confirmed = forms.BooleanField(
        label=_("The candidate agreed to this text in the conversation"),
        error_messages={"required": _("Tick the box only when the candidate said yes to this text.")},
    )
    language = forms.ChoiceField(label=_("Language in which you read it out"), choices=Language.choices)


class SummaryForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the summary"), choices=Language.choices)
    text = forms.CharField(
        label=_("Summary for the candidate"),
        max_length=SUMMARY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 18}),
        help_text=_("Plain words; in Dutch use “je”. The candidate gets this by e-mail and on their own page."),
        error_messages={"required": _("Write the summary.")},
    )
