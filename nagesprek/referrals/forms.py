from __future__ import annotations

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from nagesprek.referrals.constants import ReferralStatus
from nagesprek.vacancies.models import Stage, Vacancy


class VacancyChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Vacancy) -> str:
        return f"{obj.title} ({obj.reference}, {obj.department.name})"


class ReferralForm(forms.Form):
    vacancy = VacancyChoice(
        label=_("Vacancy"),
        queryset=Vacancy.objects.none(),
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the vacancy you refer the candidate to.")},
    )
    note = forms.CharField(
        label=_("Note for the recruiter"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Why you think this candidate fits, what you discussed. Write it as if the candidate reads it: "
            "they may ask to see it."
        ),
        error_messages={"required": _("Write a note for the recruiter.")},
    )
    log = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, vacancies: QuerySet[Vacancy], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["vacancy"].queryset = vacancies  # type: ignore[attr-defined]


class AcceptForm(forms.Form):
    stage = forms.ModelChoiceField(
        label=_("Start the application in stage"),
        queryset=Stage.objects.none(),
        empty_label=None,
        error_messages={"required": _("Choose the stage the application starts in.")},
    )
    note = forms.CharField(label=_("Note with the new application"), max_length=400, required=False)

    def __init__(self, *args, stages: QuerySet[Stage], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["stage"].queryset = stages  # type: ignore[attr-defined]


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for declining"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The advisor and the candidate read this reason. Point at what the vacancy needs."),
        error_messages={"required": _("Say why you decline, in a sentence the candidate can understand.")},
    )


class ReferralFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All statuses")), *ReferralStatus.choices]
    )


class CandidateSearchForm(forms.Form):
    q = forms.CharField(label=_("Search name or vacancy"), required=False, max_length=100)


class InviteForm(forms.Form):
    message = forms.CharField(
        label=_("Personal message"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Added to the e-mail. For example why you think of them for this vacancy."),
    )
    log = forms.IntegerField(required=False, widget=forms.HiddenInput)


class InvitationAnswerForm(forms.Form):
    APPLY = "apply"
    DECLINE = "decline"

    answer = forms.ChoiceField(
        choices=[(APPLY, _("Yes, I want to apply")), (DECLINE, _("No, thank you"))],
        error_messages={"required": _("Choose whether you want to apply.")},
    )


class ConversationConsentForm(forms.Form):
    """What the candidate answered when the advisor asked, per purpose, separately."""

    YES, NO, NOT_ASKED = "yes", "no", ""
    CHOICES = [(NOT_ASKED, _("Not asked")), (YES, _("Yes")), (NO, _("No"))]

    talent_pool = forms.ChoiceField(label=_("Keep their data for other vacancies (talent pool)"), choices=CHOICES,
                                    required=False, widget=forms.RadioSelect)  # fmt: skip
    referral = forms.ChoiceField(label=_("Pass their data to a recruiter for another job (referral)"), choices=CHOICES,
                                 required=False, widget=forms.RadioSelect)  # fmt: skip

    def answers(self) -> dict[str, bool | None]:
        from nagesprek.consents.constants import ConsentPurpose

        def value(name: str) -> bool | None:
            return {self.YES: True, self.NO: False}.get(self.cleaned_data.get(name) or "")

        return {ConsentPurpose.TALENT_POOL: value("talent_pool"), ConsentPurpose.REFERRAL: value("referral")}
