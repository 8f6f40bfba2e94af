"""Forms of the conversation pages: the candidate's choices of time, and staff settings."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from nagesprek.accounts.constants import Language
from nagesprek.conversations.constants import (
    MAX_DEADLINE_WORKING_DAYS,
    AbsenceKind,
    ConversationMode,
    OfferScope,
    WaveScope,
    Weekday,
)
from nagesprek.conversations.models import AdvisorProfile
from nagesprek.conversations.slots import decode_time


def _mode_choices(modes: Sequence[str]) -> list[tuple[str, Any]]:
    return [(mode, ConversationMode(mode).label) for mode in ConversationMode.values if mode in modes]


class SlotFilterForm(forms.Form):
    """Which way to talk and with whom: narrows the times shown (a GET form; never changes anything)."""

    mode = forms.ChoiceField(label=_("How do you want to talk?"), widget=forms.RadioSelect)
    advisor = forms.ChoiceField(label=_("With whom?"), required=False)

    def __init__(self, *args, modes: Sequence[str], advisors: Sequence[AdvisorProfile], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["mode"].choices = _mode_choices(modes)  # type: ignore[attr-defined]
        self.fields["advisor"].choices = [  # type: ignore[attr-defined]
            ("", _("Any advisor (the first one free)")),
            *((str(p.user_id), p.user.full_name) for p in advisors),
        ]

    def chosen(self, default_mode: str) -> tuple[str, int | None]:
        """The mode and advisor (user id or None) to show times for; defaults when the form is not valid."""
        if not self.is_valid():
            return default_mode, None
        advisor = self.cleaned_data.get("advisor")
        return self.cleaned_data["mode"], int(advisor) if advisor else None


class SlotChoiceForm(forms.Form):
    """The time picked on the list of times (radio buttons), with the mode and advisor it was shown for."""

    slot = forms.CharField(error_messages={"required": _("Choose a time.")})
    mode = forms.ChoiceField(choices=ConversationMode.choices)
    advisor = forms.IntegerField(required=False, min_value=1)

    def clean_slot(self) -> datetime:
        value = decode_time(self.cleaned_data["slot"])
        if value is None:
            raise forms.ValidationError(_("Choose a time."))
        return value


class CandidateCancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Why do you cancel?"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("You do not have to say why. If you do, it helps us."),
    )


class AdvisorCancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for cancelling"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The candidate reads this in the e-mail that offers new times."),
        error_messages={"required": _("Say why the conversation is cancelled; the candidate reads it.")},
    )


class PolicyForm(forms.Form):
    offer_to = forms.ChoiceField(
        label=_("Who is offered a conversation"), choices=OfferScope.choices, widget=forms.RadioSelect
    )
    deadline_working_days = forms.IntegerField(
        label=_("Within how many working days after the letter"),
        min_value=1,
        max_value=MAX_DEADLINE_WORKING_DAYS,
        help_text=_("Dutch public holidays and weekends do not count."),
    )
    modes = forms.MultipleChoiceField(
        label=_("Ways to talk offered"),
        choices=ConversationMode.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one way to talk.")},
    )


class ProfileForm(forms.Form):
    job_families: forms.ModelMultipleChoiceField = forms.ModelMultipleChoiceField(
        label=_("Expertise (job families)"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Candidates rejected for a vacancy in these job families go to you first."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=Language.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one language.")},
    )
    modes = forms.MultipleChoiceField(
        label=_("Ways to talk"),
        choices=ConversationMode.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one way to talk.")},
    )
    location = forms.CharField(
        label=_("Location for on-site conversations"),
        required=False,
        max_length=200,
        help_text=_("For example: Main building, room 2.14."),
    )
    conversation_minutes = forms.IntegerField(
        label=_("Length of a conversation in minutes"), min_value=15, max_value=180
    )
    max_per_day = forms.IntegerField(label=_("Most conversations per day"), required=False, min_value=1, max_value=20)
    is_active = forms.BooleanField(label=_("Takes conversations"), required=False)

    def __init__(self, *args, job_families, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["job_families"].queryset = job_families  # type: ignore[attr-defined]


class NewProfileForm(ProfileForm):
    user: forms.ModelChoiceField = forms.ModelChoiceField(label=_("Career advisor"), queryset=None)

    field_order = ["user"]

    def __init__(self, *args, advisors, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = advisors  # type: ignore[attr-defined]


WEEKDAYS = Weekday.choices


PERIODS_PER_DAY = 2


class HoursForm(forms.Form):
    """The week: per day up to two periods (from, until), e.g. a morning and an afternoon; empty = not working."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for day, day_name in WEEKDAYS:
            for period in range(PERIODS_PER_DAY):
                for part, part_label in (("start", _("from")), ("end", _("until"))):
                    self.fields[f"d{day}p{period}{part}"] = forms.TimeField(
                        label=f"{day_name}, {_('period')} {period + 1}, {part_label}",
                        required=False,
                        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
                    )

    @staticmethod
    def initial_for(periods) -> dict:
        initial: dict = {}
        counts: dict[int, int] = {}
        for row in periods:
            period = counts.get(row.weekday, 0)
            if period < PERIODS_PER_DAY:
                initial[f"d{row.weekday}p{period}start"], initial[f"d{row.weekday}p{period}end"] = row.start, row.end
            counts[row.weekday] = period + 1
        return initial

    def rows(self) -> list[tuple[Any, list]]:
        """Per weekday its name and bound fields (from, until per period), for the table."""
        return [
            (name, [self[f"d{day}p{period}{part}"] for period in range(PERIODS_PER_DAY) for part in ("start", "end")])
            for day, name in WEEKDAYS
        ]

    def clean(self):
        data = super().clean()
        periods = []
        for day, _name in WEEKDAYS:
            for period in range(PERIODS_PER_DAY):
                start, end = data.get(f"d{day}p{period}start"), data.get(f"d{day}p{period}end")
                if start is None and end is None:
                    continue
                if start is None or end is None:
                    self.add_error(f"d{day}p{period}{'start' if start is None else 'end'}", _("Fill in both times."))
                elif end <= start:
                    self.add_error(f"d{day}p{period}end", _("The end must be after the start."))
                else:
                    periods.append((day, start, end))
        data["periods"] = periods
        return data


class AbsenceForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=AbsenceKind.choices, widget=forms.RadioSelect)
    starts_at = forms.DateTimeField(
        label=_("From"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}), help_text=_("Date and time.")
    )
    ends_at = forms.DateTimeField(
        label=_("Until"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}), help_text=_("Date and time.")
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=200)

    def clean(self):
        data = super().clean()
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] <= data["starts_at"]:
            self.add_error("ends_at", _("The end must be after the start."))
        return data


class WaveSelectionForm(forms.Form):
    """Which open offers to plan: all, those of one bulk rejection, or those of one vacancy (a GET form)."""

    scope = forms.ChoiceField(
        label=_("Which offers do you want to plan?"),
        choices=[c for c in WaveScope.choices if c[0] != WaveScope.REPLAN],
        widget=forms.RadioSelect,
        initial=WaveScope.ALL,
    )
    bulk = forms.TypedChoiceField(label=_("Bulk rejection"), required=False, coerce=int, empty_value=None)
    vacancy = forms.TypedChoiceField(label=_("Vacancy"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, bulks: Sequence, vacancies: Sequence, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["bulk"].choices = [  # type: ignore[attr-defined]
            ("", _("Choose a bulk rejection")),
            *((b.pk, f"{b.vacancy.title} · {b.created_at:%d-%m-%Y}") for b in bulks),
        ]
        self.fields["vacancy"].choices = [  # type: ignore[attr-defined]
            ("", _("Choose a vacancy")),
            *((v.pk, f"{v.title} ({v.reference})") for v in vacancies),
        ]

    def clean(self):
        data = super().clean()
        if data.get("scope") == WaveScope.BULK and not data.get("bulk"):
            self.add_error("bulk", _("Choose the bulk rejection whose offers you want to plan."))
        if data.get("scope") == WaveScope.VACANCY and not data.get("vacancy"):
            self.add_error("vacancy", _("Choose the vacancy whose offers you want to plan."))
        return data

    def selection(self) -> dict[str, Any]:
        """The keyword arguments of ``selectors.list_plannable_offers_for_actor`` for the valid form."""
        scope = self.cleaned_data["scope"]
        return {
            "scope": scope,
            "bulk_id": self.cleaned_data["bulk"] if scope == WaveScope.BULK else None,
            "vacancy_id": self.cleaned_data["vacancy"] if scope == WaveScope.VACANCY else None,
        }


class WaveConfirmForm(forms.Form):
    """The plan the person saw, by its fingerprint: confirming proposes exactly that plan, or nothing."""

    key = forms.CharField(max_length=64, min_length=64, widget=forms.HiddenInput)
