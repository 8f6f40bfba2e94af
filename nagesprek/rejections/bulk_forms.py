"""Forms of the bulk rejection pages: which stage to look at, and which applications to reject."""

from __future__ import annotations

from collections.abc import Sequence

from django import forms
from django.utils.translation import gettext_lazy as _

from nagesprek.applications.models import Application
from nagesprek.vacancies.models import Stage

SCOPE_ALL = "all"
SCOPE_SELECTED = "selected"


class StageFilterForm(forms.Form):
    """The stage whose applications the page lists (GET); empty for every stage."""

    stage = forms.TypedChoiceField(label=_("Stage"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, stages: Sequence[tuple[Stage, int]], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.stages = {stage.pk: stage for stage, _count in stages}
        stage_field = self.fields["stage"]
        assert isinstance(stage_field, forms.TypedChoiceField)
        stage_field.choices = [("", _("All stages"))] + [
            (stage.pk, f"{stage.name} ({count})") for stage, count in stages
        ]

    def chosen_stage(self) -> Stage | None:
        if not self.is_valid():
            return None
        return self.stages.get(self.cleaned_data["stage"])


class BulkStartForm(forms.Form):
    """All applications that match the filter, or only the ones ticked; and the recruiter's confirmation."""

    stage = forms.IntegerField(required=False, widget=forms.HiddenInput)
    # How many applications "all" meant when the page was shown: a list that has grown since is not taken blindly.
    seen_total = forms.IntegerField(required=False, widget=forms.HiddenInput)
    scope = forms.ChoiceField(
        label=_("Which applications?"),
        choices=[(SCOPE_ALL, _("All of them")), (SCOPE_SELECTED, _("Only the ones I tick in the list below"))],
        initial=SCOPE_ALL,
        widget=forms.RadioSelect,
    )
    applications = forms.TypedMultipleChoiceField(
        label=_("Applications"), required=False, coerce=int, widget=forms.CheckboxSelectMultiple
    )
    confirm = forms.BooleanField(
        label=_(
            "I have checked the selection. Letters whose reasons the record supports go out without being "
            "read one by one; the others wait for me."
        ),
        error_messages={"required": _("Confirm that you have checked the selection.")},
    )

    def __init__(self, *args, listed: Sequence[Application], total: int, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.total = total
        self.fields["seen_total"].initial = total
        applications, scope = self.fields["applications"], self.fields["scope"]
        assert isinstance(applications, forms.ChoiceField) and isinstance(scope, forms.ChoiceField)
        applications.choices = [(a.pk, a.candidate.full_name) for a in listed]
        scope.choices = [
            (SCOPE_ALL, _("All %(count)s applications in this list") % {"count": total}),
            (SCOPE_SELECTED, _("Only the ones I tick in the list below")),
        ]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("scope") == SCOPE_SELECTED and not cleaned.get("applications"):
            self.add_error("applications", _("Tick at least one application, or choose all of them."))
        if cleaned.get("scope") == SCOPE_ALL and cleaned.get("seen_total") != self.total:
            raise forms.ValidationError(
                _("The list has changed since you opened it: it now holds %(count)s applications. Check it again."),
                params={"count": self.total},
            )
        return cleaned

    @property
    def takes_all(self) -> bool:
        return self.cleaned_data["scope"] == SCOPE_ALL
