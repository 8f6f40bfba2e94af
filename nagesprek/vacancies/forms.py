"""Forms for setting up a vacancy: details, requirements, stages and criteria."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from nagesprek.accounts.models import User
from nagesprek.organisations.constants import Role
from nagesprek.organisations.models import Department
from nagesprek.organisations.selectors import Actor, list_departments_for_actor
from nagesprek.vacancies import selectors
from nagesprek.vacancies.constants import EducationLevel, LanguageLevel, RequirementKind, StageKind, VacancyStatus
from nagesprek.vacancies.models import JobFamily, Requirement, Stage, Vacancy
from nagesprek.vacancies.requirement_rules import check_requirement_fields
from nagesprek.vacancies.services import RequirementData, VacancyDetails


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


class VacancyForm(forms.Form):
    reference = forms.CharField(label=_("Reference"), max_length=30, help_text=_("Unique within the organisation."))
    title = forms.CharField(label=_("Title"), max_length=200)
    department = forms.ModelChoiceField(label=_("Department"), queryset=Department.objects.none(), required=False)
    new_department = forms.CharField(
        label=_("Or a new department"),
        max_length=200,
        required=False,
        help_text=_("Fill this in only if it is not in the list."),
    )
    job_family = forms.ModelChoiceField(label=_("Job family"), queryset=JobFamily.objects.none(), required=False)
    new_job_family = forms.CharField(
        label=_("Or a new job family"),
        max_length=200,
        required=False,
        help_text=_("Fill this in only if it is not in the list."),
    )
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 8}))
    location = forms.CharField(label=_("Location"), max_length=200)
    hours_min = forms.IntegerField(label=_("Hours per week (minimum)"), min_value=1, max_value=60)
    hours_max = forms.IntegerField(label=_("Hours per week (maximum)"), min_value=1, max_value=60)
    closing_date = forms.DateField(label=_("Closing date"), widget=DateInput())
    status = forms.ChoiceField(label=_("Status"), choices=VacancyStatus.choices, initial=VacancyStatus.DRAFT)
    recruiters = forms.ModelMultipleChoiceField(
        label=_("Recruiters"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    evaluators = forms.ModelMultipleChoiceField(
        label=_("Evaluators"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("They fill in scorecards for this vacancy's candidates."),
    )

    def __init__(self, *args: Any, actor: Actor, vacancy: Vacancy | None = None, **kwargs: Any) -> None:
        if vacancy is not None and "initial" not in kwargs:
            kwargs["initial"] = self.initial_for(vacancy)
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = list_departments_for_actor(actor=actor)  # type: ignore[attr-defined]
        self.fields["job_family"].queryset = JobFamily.objects.filter(organisation=actor.organisation)  # type: ignore[attr-defined]
        self.fields["recruiters"].queryset = selectors.list_team_members(actor=actor, role=Role.RECRUITER)  # type: ignore[attr-defined]
        self.fields["evaluators"].queryset = selectors.list_team_members(actor=actor, role=Role.EVALUATOR)  # type: ignore[attr-defined]
        for name in ("recruiters", "evaluators"):
            self.fields[name].label_from_instance = lambda user: user.full_name  # type: ignore[attr-defined]

    @staticmethod
    def initial_for(vacancy: Vacancy) -> dict[str, Any]:
        fields = ("reference", "title", "description", "location", "hours_min", "hours_max", "closing_date", "status")
        initial = {name: getattr(vacancy, name) for name in fields}
        initial |= {"department": vacancy.department_id, "job_family": vacancy.job_family_id}
        initial |= {"recruiters": list(vacancy.recruiters.all()), "evaluators": list(vacancy.evaluators.all())}
        return initial

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for choice, new in (("department", "new_department"), ("job_family", "new_job_family")):
            if bool(data.get(choice)) == bool((data.get(new) or "").strip()):
                self.add_error(choice, _("Choose one from the list, or fill in a new one (not both)."))
        hours_min, hours_max = data.get("hours_min"), data.get("hours_max")
        if hours_min and hours_max and hours_max < hours_min:
            self.add_error("hours_max", _("The maximum hours cannot be lower than the minimum."))
        return data

    def details(self) -> VacancyDetails:
        data = self.cleaned_data
        return VacancyDetails(
            reference=data["reference"],
            title=data["title"],
            department=data["department"] or data["new_department"],
            job_family=data["job_family"] or data["new_job_family"],
            description=data["description"],
            location=data["location"],
            hours_min=data["hours_min"],
            hours_max=data["hours_max"],
            closing_date=data["closing_date"],
            status=data["status"],
            recruiters=list(data["recruiters"]),
            evaluators=list(data["evaluators"]),
        )


LEVEL_CHOICES = [
    ("", _("No level")),
    (_("Language level (CEFR)"), LanguageLevel.choices),
    (_("Education level"), EducationLevel.choices),
]


class RequirementForm(forms.Form):
    id = forms.IntegerField(widget=forms.HiddenInput, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", "–"), *RequirementKind.choices])  # noqa: RUF001 - typographic dash
    label = forms.CharField(label=_("Requirement"), max_length=200)
    description = forms.CharField(
        label=_("Plain-language description"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What it means, in words a candidate understands."),
    )
    is_must_have = forms.TypedChoiceField(
        label=_("Must-have or nice-to-have"),
        choices=[("1", _("Must-have")), ("0", _("Nice-to-have"))],
        coerce=lambda value: value == "1",
        initial="1",
        widget=forms.RadioSelect,
    )
    level = forms.ChoiceField(
        label=_("Level"), choices=LEVEL_CHOICES, required=False, help_text=_("For a language or an education level.")
    )
    years = forms.IntegerField(
        label=_("Years"), min_value=1, max_value=50, required=False, help_text=_("For experience in years.")
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind"):
            problems = check_requirement_fields(kind=data["kind"], level=data.get("level", ""), years=data.get("years"))
            for field, problem in problems.items():
                if field not in self.errors:
                    self.add_error(field, problem)
        return data


class BaseRequirementFormSet(forms.BaseFormSet):
    def __init__(self, *args: Any, current: dict[int, Requirement], **kwargs: Any) -> None:
        self.current = current
        super().__init__(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        for form in self.forms:
            pk = form.cleaned_data.get("id") if hasattr(form, "cleaned_data") else None
            if pk is not None and pk not in self.current:
                raise forms.ValidationError(_("A requirement was changed by someone else meanwhile. Reload the page."))

    def requirement_data(self) -> list[RequirementData]:
        """The requirements as the recruiter wants them: deleted and untouched blank rows left out."""
        result = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE"):
                continue
            replaces = self.current.get(data["id"]) if data.get("id") else None
            result.append(
                RequirementData(
                    kind=data["kind"],
                    label=data["label"],
                    description=data.get("description", ""),
                    is_must_have=data["is_must_have"],
                    level=data.get("level", ""),
                    years=data.get("years"),
                    replaces=replaces,
                )
            )
        return result


RequirementFormSet = cast(
    type[BaseRequirementFormSet],
    forms.formset_factory(
        RequirementForm, formset=BaseRequirementFormSet, extra=2, can_delete=True, max_num=60, validate_max=True
    ),
)


def requirement_initial(current: dict[int, Requirement]) -> list[dict[str, Any]]:
    return [
        {
            "id": r.pk,
            "kind": r.kind,
            "label": r.label,
            "description": r.description,
            "is_must_have": "1" if r.is_must_have else "0",
            "level": r.level,
            "years": r.years,
        }
        for r in current.values()
    ]


class ChangeReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Why do the requirements change?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("Kept in the version history of this vacancy. Candidates may ask to read it."),
    )


class StageForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=100)
    kind = forms.ChoiceField(label=_("Kind"), choices=StageKind.choices, initial=StageKind.INTERVIEW)

    @staticmethod
    def initial_for(stage: Stage) -> dict[str, Any]:
        return {"name": stage.name, "kind": stage.kind}


class StageMoveForm(forms.Form):
    direction = forms.ChoiceField(choices=[("up", "up"), ("down", "down")])


class CriterionForm(forms.Form):
    requirement = forms.ModelChoiceField(
        label=_("Requirement"),
        queryset=Requirement.objects.none(),
        required=False,
        empty_label=_("– none: a competency –"),  # noqa: RUF001 - typographic dash
        help_text=_("What the evaluators score, tied to one of the vacancy's requirements …"),
    )
    competency = forms.CharField(
        label=_("Or a competency"),
        max_length=200,
        required=False,
        help_text=_("… or a named competency, for example “Explains clearly”."),
    )
    description = forms.CharField(
        label=_("What evaluators look for"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, vacancy: Vacancy, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["requirement"].queryset = selectors.list_current_requirements(vacancy=vacancy)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if "requirement" in data and bool(data.get("requirement")) == bool((data.get("competency") or "").strip()):
            self.add_error(None, _("Choose a requirement or name a competency, not both."))
        return data
