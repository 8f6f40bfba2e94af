"""The scorecard form: every criterion of a stage on the fixed 4-point scale, with evidence."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from nagesprek.evaluations.constants import LOW_RATINGS, Rating
from nagesprek.evaluations.models import Scorecard
from nagesprek.evaluations.services import RatingInput
from nagesprek.vacancies.models import Criterion

SUBMIT, DRAFT = "submit", "draft"


@dataclass(frozen=True)
class CriterionFields:
    """The two fields of one criterion, for the template to put in one fieldset."""

    criterion: Criterion
    rating: forms.BoundField
    evidence: forms.BoundField


class ScorecardForm(forms.Form):
    summary = forms.CharField(
        label=_("Overall remarks"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Your overall impression, in the same factual words you would use to the candidate."),
    )
    # Set by the button pressed; pressing Enter in a field uses the first button, "save as draft".
    action = forms.ChoiceField(choices=[(SUBMIT, SUBMIT), (DRAFT, DRAFT)], required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, criteria: list[Criterion], scorecard: Scorecard | None = None, **kwargs: Any):
        if scorecard is not None and "initial" not in kwargs:
            kwargs["initial"] = self.initial_for(scorecard)
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            self.fields[f"rating_{criterion.pk}"] = forms.TypedChoiceField(
                label=criterion.label,
                choices=[(value, f"{value} – {label}") for value, label in Rating.choices],  # noqa: RUF001 - typographic dash
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect,
            )
            self.fields[f"evidence_{criterion.pk}"] = forms.CharField(
                label=gettext("Evidence for “%(criterion)s”") % {"criterion": criterion.label},
                required=False,
                max_length=5000,
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text=_("Required for a rating of 1 or 2, recommended otherwise: what did the candidate show?"),
            )

    @staticmethod
    def initial_for(scorecard: Scorecard) -> dict[str, Any]:
        initial: dict[str, Any] = {"summary": scorecard.summary}
        for rating in scorecard.ratings.all():
            initial[f"rating_{rating.criterion_id}"] = rating.rating
            initial[f"evidence_{rating.criterion_id}"] = rating.evidence
        return initial

    @property
    def is_submit(self) -> bool:
        return self.data.get("action") == SUBMIT

    def criterion_fields(self) -> list[CriterionFields]:
        return [
            CriterionFields(criterion=c, rating=self[f"rating_{c.pk}"], evidence=self[f"evidence_{c.pk}"])
            for c in self.criteria
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        submitting = data.get("action") == SUBMIT
        for criterion in self.criteria:
            rating = data.get(f"rating_{criterion.pk}")
            evidence = (data.get(f"evidence_{criterion.pk}") or "").strip()
            if submitting and rating is None:
                self.add_error(f"rating_{criterion.pk}", _("Choose a rating before submitting."))
            elif rating in LOW_RATINGS and not evidence and submitting:
                self.add_error(
                    f"evidence_{criterion.pk}",
                    _("A rating of 1 or 2 needs evidence: what did the candidate show or not show?"),
                )
            elif rating is None and evidence:
                self.add_error(f"rating_{criterion.pk}", _("Choose a rating as well, or the evidence cannot be saved."))
        return data

    def ratings(self) -> list[RatingInput]:
        data = self.cleaned_data
        return [(c, data.get(f"rating_{c.pk}"), data.get(f"evidence_{c.pk}") or "") for c in self.criteria]
