from __future__ import annotations

from collections.abc import Sequence

from django import forms
from django.utils.translation import gettext_lazy as _

from nagesprek.advice.constants import AdviceKind
from nagesprek.routes.models import Route


def _route_label(route: Route) -> str:
    return f"{route.title} – {route.provider}"  # noqa: RUF001


class AdviceItemForm(forms.Form):
    """The text and route of one item. The routes are read once per page, not once per item."""

    text = forms.CharField(label=_("Advice for the candidate"), widget=forms.Textarea(attrs={"rows": 4}))
    route = forms.TypedChoiceField(label=_("Route"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, routes: Sequence[Route] = (), current: Route | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.routes = {route.pk: route for route in routes}
        if current is not None:
            self.routes.setdefault(current.pk, current)  # an inactive route the item already names stays choosable
        ordered = sorted(self.routes.values(), key=lambda r: (r.title.casefold(), r.provider.casefold()))
        choices = [("", _("No route")), *((r.pk, _route_label(r)) for r in ordered)]
        self.fields["route"].choices = choices  # type: ignore[attr-defined]

    def clean_route(self) -> Route | None:
        value = self.cleaned_data["route"]
        return self.routes[value] if value is not None else None


class NewAdviceItemForm(AdviceItemForm):
    kind = forms.ChoiceField(label=_("Kind of advice"), choices=AdviceKind.choices)

    field_order = ["kind", "text", "route"]
