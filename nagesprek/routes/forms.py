from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from nagesprek.routes.constants import DeliveryMode, RouteKind, RouteLanguage
from nagesprek.routes.csv_import import parse_cost
from nagesprek.routes.models import Route
from nagesprek.routes.services import RouteData
from nagesprek.routes.targets import TargetError, parse_targets, targets_text

CLOSES_HELP = _(
    "One per line, as kind: name. Kinds: certificate, diploma, licence, registration, skill, language, "
    "experience, education_level, competency. For example: certificate: Deelcertificaat Anesthesiologie, "
    "language: Nederlands C1, education_level: mbo4."
)


class RouteFilterForm(forms.Form):
    q = forms.CharField(label=_("Search title or provider"), required=False, max_length=100)
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", _("All kinds")), *RouteKind.choices])
    active = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Active and inactive")), ("yes", _("Active")), ("no", _("Inactive"))],
    )

    def active_value(self) -> bool | None:
        return {"yes": True, "no": False}.get(self.cleaned_data.get("active") or "")


class RouteForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=RouteKind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    provider = forms.CharField(label=_("Provider"), max_length=200)
    closes = forms.CharField(label=_("What it closes"), widget=forms.Textarea(attrs={"rows": 4}), help_text=CLOSES_HELP)
    duration_weeks = forms.IntegerField(
        label=_("Duration in weeks"), required=False, min_value=1, max_value=520,
        help_text=_("Used to put shorter routes first."),
    )  # fmt: skip
    duration_text = forms.CharField(
        label=_("Duration in words"), required=False, max_length=100,
        help_text=_("For example: 6 months, two evenings a week."),
    )  # fmt: skip
    cost_eur = forms.CharField(
        label=_("Cost in euros"), required=False, max_length=20,
        help_text=_("An estimate, for example 1250 or 1.250,00. Leave empty when unknown; 0 means free."),
    )  # fmt: skip
    level = forms.CharField(label=_("Level"), required=False, max_length=50)
    language = forms.ChoiceField(label=_("Language"), choices=RouteLanguage.choices)
    delivery_mode = forms.ChoiceField(label=_("Delivery mode"), choices=DeliveryMode.choices)
    link = forms.URLField(label=_("Link"), required=False, assume_scheme="https")
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("In plain Dutch, for the candidate."),
    )  # fmt: skip

    @staticmethod
    def initial_for(route: Route) -> dict:
        return {
            "kind": route.kind, "title": route.title, "provider": route.provider,
            "closes": targets_text(route.targets.all()), "duration_weeks": route.duration_weeks,
            "duration_text": route.duration_text,
            "cost_eur": "" if route.cost_eur is None else str(route.cost_eur).replace(".", ","),
            "level": route.level, "language": route.language, "delivery_mode": route.delivery_mode,
            "link": route.link, "description": route.description,
        }  # fmt: skip

    def clean_closes(self):
        try:
            return tuple(parse_targets(self.cleaned_data["closes"]))
        except TargetError as error:
            raise forms.ValidationError(str(error)) from None

    def clean_cost_eur(self):
        try:
            return parse_cost(self.cleaned_data["cost_eur"] or "")
        except ValueError:
            raise forms.ValidationError(_("Write an amount in euros, for example 1250 or 1.250,00.")) from None

    def route_data(self, *, is_active: bool = True) -> RouteData:
        data = self.cleaned_data
        return RouteData(
            kind=data["kind"], title=data["title"].strip(), provider=data["provider"].strip(),
            targets=data["closes"], duration_weeks=data["duration_weeks"], duration_text=data["duration_text"],
            cost_eur=data["cost_eur"], level=data["level"], language=data["language"],
            delivery_mode=data["delivery_mode"], link=data["link"], description=data["description"],
            is_active=is_active,
        )  # fmt: skip


class ImportForm(forms.Form):
    file = forms.FileField(label=_("CSV file"), required=False)
    # After the preview, the same content comes back to be imported (nothing is stored in between).
    content = forms.CharField(widget=forms.HiddenInput, required=False)

    MAX_BYTES = 2 * 1024 * 1024

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        if upload is not None:
            if upload.size > self.MAX_BYTES:
                raise forms.ValidationError(_("The file is larger than 2 MB."))
            data["bytes"] = upload.read()
        elif data.get("content"):
            data["bytes"] = data["content"].encode("utf-8")
        else:
            raise forms.ValidationError(_("Choose a CSV file."))
        return data
