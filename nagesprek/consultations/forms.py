"""Forms for consultation hours (staff) and for booking a slot (the candidate)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from nagesprek.accounts.models import User
from nagesprek.consultations import selectors
from nagesprek.consultations.constants import (
    OUTCOME_STATUSES,
    QUESTION_MAX_LENGTH,
    SLOT_MINUTES_CHOICES,
    BookingStatus,
    ConsultationAudience,
    ConsultationMode,
    Frequency,
    Weekday,
    WeekOfMonth,
)
from nagesprek.consultations.models import ConsultationHour
from nagesprek.consultations.services import HourData
from nagesprek.organisations.selectors import Actor
from nagesprek.vacancies.forms import DateInput


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%H:%M")


class HourForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, help_text=_("Candidates see this name."))
    frequency = forms.ChoiceField(label=_("How often"), choices=Frequency.choices, widget=forms.RadioSelect)
    week_of_month = forms.TypedChoiceField(
        label=_("Which week of the month"),
        choices=[("", _("Not applicable (every week)")), *WeekOfMonth.choices],
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_("Only for a monthly consultation hour: for example the first Tuesday of the month."),
    )
    weekday = forms.TypedChoiceField(label=_("Day of the week"), choices=Weekday.choices, coerce=int)
    start_time = forms.TimeField(label=_("Starts at"), widget=TimeInput())
    end_time = forms.TimeField(label=_("Ends at"), widget=TimeInput())
    slot_minutes = forms.TypedChoiceField(
        label=_("Minutes per conversation"), choices=SLOT_MINUTES_CHOICES, coerce=int, initial=15
    )
    hosts = forms.ModelMultipleChoiceField(
        label=_("Recruiters"),
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("They talk with candidates at the same time: each slot has one place per recruiter."),
    )
    mode = forms.ChoiceField(label=_("How"), choices=ConsultationMode.choices, widget=forms.RadioSelect)
    location = forms.CharField(
        label=_("Where"),
        max_length=300,
        required=False,
        help_text=_("The address and where to report, or how the video call or phone call works."),
    )
    description = forms.CharField(
        label=_("For the candidate"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("In plain Dutch, for the candidate."),
    )
    starts_on = forms.DateField(label=_("First date"), widget=DateInput())
    ends_on = forms.DateField(label=_("Last date"), widget=DateInput(), required=False)
    is_published = forms.BooleanField(
        label=_("Candidates can book"),
        required=False,
        help_text=_("Until you tick this, candidates do not see the consultation hour."),
    )

    def __init__(self, *args: Any, actor: Actor, hour: ConsultationHour | None = None, **kwargs: Any) -> None:
        if hour is not None and "initial" not in kwargs:
            kwargs["initial"] = self.initial_for(hour)
        super().__init__(*args, **kwargs)
        self.fields["hosts"].queryset = selectors.list_host_choices(actor=actor)  # type: ignore[attr-defined]
        self.fields["hosts"].label_from_instance = lambda user: user.full_name  # type: ignore[attr-defined]

    @staticmethod
    def initial_for(hour: ConsultationHour) -> dict[str, Any]:
        names = (
            "title", "frequency", "week_of_month", "weekday", "start_time", "end_time", "slot_minutes", "mode",
            "location", "description", "starts_on", "ends_on", "is_published",
        )  # fmt: skip
        return {**{name: getattr(hour, name) for name in names}, "hosts": list(hour.hosts.all())}

    def hour_data(self) -> HourData:
        data = dict(self.cleaned_data)
        data["hosts"] = tuple(data["hosts"])
        return HourData(**data)


class PolicyForm(forms.Form):
    audience = forms.ChoiceField(
        label=_("Who may book"), choices=ConsultationAudience.choices, widget=forms.RadioSelect
    )


class CancelSessionForm(forms.Form):
    note = forms.CharField(
        label=_("Reason, for the candidates"),
        max_length=300,
        required=False,
        help_text=_("Booked candidates get an e-mail with this text and a calendar cancellation."),
    )


class OutcomeForm(forms.Form):
    status = forms.ChoiceField(choices=[(s.value, s.label) for s in map(BookingStatus, OUTCOME_STATUSES)])


def slot_value(session_id: int, starts_at: datetime) -> str:
    """A slot as a radio value: the session and the slot's start in whole UTC seconds."""
    return f"{session_id}-{int(starts_at.timestamp())}"


def parse_slot_value(value: str) -> tuple[int, datetime] | None:
    session, _sep, stamp = value.partition("-")
    if not (session.isdigit() and stamp.isdigit()):
        return None
    return int(session), datetime.fromtimestamp(int(stamp), tz=UTC)


class BookingForm(forms.Form):
    """The candidate's choice of slot and optional question. The slot list is drawn by the template."""

    slot = forms.CharField(error_messages={"required": _("Choose a time.")})
    question = forms.CharField(
        label=_("Your question for the recruiter"),
        required=False,
        max_length=QUESTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What would you like to talk about? The recruiter reads this before your conversation."),
    )

    def clean_slot(self) -> tuple[int, datetime]:
        parsed = parse_slot_value(self.cleaned_data["slot"])
        if parsed is None:
            raise forms.ValidationError(_("Choose a time."))
        return parsed
