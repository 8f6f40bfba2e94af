"""Forms for entering an application by hand and for keeping a candidate's profile."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from nagesprek.accounts.constants import Language
from nagesprek.candidates.constants import QualificationKind
from nagesprek.candidates.models import Candidate
from nagesprek.candidates.services import CandidateDetails, ExperienceData, LanguageData, Profile, QualificationData
from nagesprek.candidates.validators import MAX_CV_BYTES, validate_cv_file
from nagesprek.vacancies.constants import EducationLevel, LanguageLevel
from nagesprek.vacancies.forms import DateInput


def _cv_help() -> str:
    megabytes = MAX_CV_BYTES // (1024 * 1024)
    return gettext("PDF, Word (.docx), OpenDocument (.odt) or text (.txt), at most %(megabytes)s MB.") % {
        "megabytes": megabytes
    }


# Evaluated per request, in the language of that request.
CV_HELP = lazy(_cv_help, str)()


def _cv_file_field(label: Any) -> forms.FileField:
    return forms.FileField(
        label=label,
        required=False,
        validators=[validate_cv_file],
        help_text=CV_HELP,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx,.odt,.txt"}),
    )


class PersonFields(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    email = forms.EmailField(label=_("E-mail address"), help_text=_("The same address means the same person."))
    language = forms.ChoiceField(label=_("Language for contact"), choices=Language.choices, initial=Language.DUTCH)
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    city = forms.CharField(label=_("Place of residence"), max_length=100, required=False)
    education_level = forms.ChoiceField(
        label=_("Education level"),
        choices=[("", "–"), *EducationLevel.choices],  # noqa: RUF001 - typographic dash
        required=False,
    )
    cv_text = forms.CharField(label=_("CV text"), required=False, widget=forms.Textarea(attrs={"rows": 10}))


class ApplicationEntryForm(PersonFields):
    cv_file = _cv_file_field(_("CV file"))


class CandidateDetailsForm(PersonFields):
    cv_file = _cv_file_field(_("Replace the CV file"))

    @staticmethod
    def initial_for(candidate: Candidate) -> dict[str, Any]:
        fields = ("full_name", "email", "language", "phone", "city", "education_level", "cv_text")
        return {name: getattr(candidate, name) for name in fields}

    def details(self) -> CandidateDetails:
        data = self.cleaned_data
        return CandidateDetails(
            full_name=data["full_name"],
            email=data["email"],
            phone=data["phone"],
            city=data["city"],
            language=data["language"],
            education_level=data["education_level"],
            cv_text=data["cv_text"],
        )


class QualificationForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=QualificationKind.choices, initial=QualificationKind.CERTIFICATE)
    name = forms.CharField(label=_("Name"), max_length=200)
    issuer = forms.CharField(label=_("Issued by"), max_length=200, required=False)
    issued_on = forms.DateField(label=_("Issued on"), required=False, widget=DateInput())
    expires_on = forms.DateField(
        label=_("Expires on"), required=False, widget=DateInput(), help_text=_("Leave empty if it does not expire.")
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        issued, expires = data.get("issued_on"), data.get("expires_on")
        if issued and expires and expires < issued:
            self.add_error("expires_on", _("The expiry date is before the issue date."))
        return data


class LanguageForm(forms.Form):
    language = forms.CharField(label=_("Language"), max_length=50)
    level = forms.ChoiceField(label=_("Level (CEFR)"), choices=LanguageLevel.choices, initial=LanguageLevel.B1)


class ExperienceForm(forms.Form):
    role = forms.CharField(label=_("Role"), max_length=200)
    sector = forms.CharField(label=_("Sector"), max_length=200, required=False)
    years = forms.DecimalField(label=_("Years"), min_value=0, max_value=60, max_digits=4, decimal_places=1)


def _formset(form: type[forms.Form]) -> type[forms.BaseFormSet]:
    return forms.formset_factory(form, extra=1, can_delete=True, max_num=40, validate_max=True)


QualificationFormSet = _formset(QualificationForm)
LanguageFormSet = _formset(LanguageForm)
ExperienceFormSet = _formset(ExperienceForm)


class SkillsForm(forms.Form):
    skills = forms.CharField(
        label=_("Skills"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("One skill per line."),
    )

    def skill_list(self) -> list[str]:
        """The skills in order, blank lines dropped, repeats (in any case) kept once."""
        skills: dict[str, str] = {}
        for line in self.cleaned_data["skills"].splitlines():
            skill = line.strip()[:200]
            if skill:
                skills.setdefault(skill.lower(), skill)
        return list(skills.values())


class ProfileForms:
    """The details form, the skills list and three formsets, validated and read as one."""

    def __init__(self, candidate: Candidate, data: Any = None, files: Any = None) -> None:
        self.details = CandidateDetailsForm(data, files, initial=CandidateDetailsForm.initial_for(candidate))
        self.skills = SkillsForm(data, initial={"skills": "\n".join(s.name for s in candidate.skills.all())})
        self.qualifications = QualificationFormSet(
            data,
            prefix="qualification",
            initial=[
                {
                    "kind": q.kind,
                    "name": q.name,
                    "issuer": q.issuer,
                    "issued_on": q.issued_on,
                    "expires_on": q.expires_on,
                }
                for q in candidate.qualifications.all()
            ],
        )
        self.languages = LanguageFormSet(
            data,
            prefix="language",
            initial=[{"language": la.language, "level": la.level} for la in candidate.languages.all()],
        )
        self.experiences = ExperienceFormSet(
            data,
            prefix="experience",
            initial=[{"role": e.role, "sector": e.sector, "years": e.years} for e in candidate.experiences.all()],
        )

    @property
    def formsets(self) -> list[forms.BaseFormSet]:
        return [self.qualifications, self.languages, self.experiences]

    def is_valid(self) -> bool:
        results = [self.details.is_valid(), self.skills.is_valid()] + [f.is_valid() for f in self.formsets]
        return all(results)

    def has_errors(self) -> bool:
        return bool(self.details.errors or self.skills.errors or any(f.total_error_count() for f in self.formsets))

    def profile(self) -> Profile:
        return Profile(
            qualifications=[QualificationData(**row) for row in _kept(self.qualifications)],
            skills=self.skills.skill_list(),
            languages=[LanguageData(**row) for row in _kept(self.languages)],
            experiences=[ExperienceData(**row) for row in _kept(self.experiences)],
        )


def _kept(formset: forms.BaseFormSet) -> list[dict[str, Any]]:
    rows = []
    for form in formset.forms:
        data = dict(getattr(form, "cleaned_data", None) or {})
        if not data or data.pop("DELETE", False):
            continue
        rows.append(data)
    return rows
