from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from nagesprek.advice.constants import AdviceKind
from nagesprek.routes.models import Route


def _route_label(route: Route) -> str:
    return f"{route.title} – {route.provider}"  # noqa: RUF001


class AdviceItemForm(forms.Form):
    text = forms.CharField(label=_("Advice for the candidate"), widget=forms.Textarea(attrs={"rows": 4}))
    route = forms.ModelChoiceField(
        label=_("Route"), queryset=Route.objects.none(), required=False, empty_label=_("No route")
    )

    def __init__(self, *args, routes=None, current: Route | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        queryset = Route.objects.none()
        if routes is not None:
            queryset = routes
        if current is not None:
            queryset = queryset | Route.objects.filter(pk=current.pk)
        self.fields["route"].queryset = queryset.distinct().order_by("title", "provider")
        self.fields["route"].label_from_instance = _route_label


class NewAdviceItemForm(AdviceItemForm):
    kind = forms.ChoiceField(label=_("Kind of advice"), choices=AdviceKind.choices)

    field_order = ["kind", "text", "route"]
