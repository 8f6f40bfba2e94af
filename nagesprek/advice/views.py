"""The advice page of a rejection: each item with its route, edited, replaced, removed or added by a person."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from nagesprek.advice import selectors, services
from nagesprek.advice.forms import AdviceItemForm, NewAdviceItemForm
from nagesprek.advice.models import AdviceItem
from nagesprek.organisations.access import actor_required
from nagesprek.rejections.models import Rejection
from nagesprek.routes.models import Route
from nagesprek.vacancies.form_errors import add_service_errors


def _routes(rejection: Rejection) -> list[Route]:
    return list(Route.objects.filter(organisation_id=rejection.organisation_id, is_active=True))


def _item_form(rejection: Rejection, item: AdviceItem, data=None, routes: list[Route] | None = None) -> AdviceItemForm:
    return AdviceItemForm(
        data, prefix=f"item-{item.pk}", routes=_routes(rejection) if routes is None else routes, current=item.route,
        initial={"text": item.text, "route": item.route_id},
    )  # fmt: skip


def _render(request, rejection, *, bound: AdviceItemForm | None = None, bound_id=None, new_form=None, status=200):
    actor = request.actor  # type: ignore[attr-defined]
    editable = selectors.can_edit_advice(actor=actor, rejection=rejection)
    items = list(selectors.list_advice_items(rejection=rejection))
    routes = _routes(rejection) if editable else []
    rows = [
        (item, (bound if item.pk == bound_id else _item_form(rejection, item, routes=routes)) if editable else None)
        for item in items
    ]
    context = {
        "rejection": rejection,
        "application": rejection.application,
        "rows": [row for row in rows if not row[0].is_removed],
        "removed": [item for item, _form in rows if item.is_removed],
        "editable": editable,
        "new_form": (new_form or NewAdviceItemForm(prefix="new", routes=routes)) if editable else None,
    }
    return render(request, "advice/advice_page.html", context, status=status)


@require_GET
@actor_required(*selectors.VIEW_ROLES)
def advice_page(request: HttpRequest, rejection_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    rejection = selectors.get_rejection_for_advice(actor=actor, rejection_id=rejection_id)
    services.record_advice_viewed(actor=actor, rejection=rejection)
    return _render(request, rejection)


def _editable_rejection(request: HttpRequest, rejection_id: int) -> Rejection | HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    rejection = selectors.get_rejection_for_advice(actor=actor, rejection_id=rejection_id)
    if not selectors.can_edit_advice(actor=actor, rejection=rejection):
        messages.error(request, _("This letter has been approved or sent: its advice can no longer be changed."))
        return redirect("advice:page", rejection.pk)
    return rejection


@require_POST
@actor_required(*selectors.EDIT_ROLES)
def item_save(request: HttpRequest, rejection_id: int, item_id: int) -> HttpResponse:
    rejection = _editable_rejection(request, rejection_id)
    if isinstance(rejection, HttpResponse):
        return rejection
    item = selectors.get_advice_item(rejection=rejection, item_id=item_id)
    form = _item_form(rejection, item, request.POST)
    if form.is_valid():
        try:
            services.save_advice_item(
                actor=request.actor,  # type: ignore[attr-defined]
                item=item, text=form.cleaned_data["text"], route=form.cleaned_data["route"],
            )  # fmt: skip
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Advice saved."))
            return redirect(reverse("advice:page", args=[rejection.pk]) + f"#item-{item.pk}")
    return _render(request, rejection, bound=form, bound_id=item.pk, status=400)


@require_POST
@actor_required(*selectors.EDIT_ROLES)
def item_remove(request: HttpRequest, rejection_id: int, item_id: int) -> HttpResponse:
    rejection = _editable_rejection(request, rejection_id)
    if isinstance(rejection, HttpResponse):
        return rejection
    item = selectors.get_advice_item(rejection=rejection, item_id=item_id)
    services.remove_advice_item(actor=request.actor, item=item)  # type: ignore[attr-defined]
    messages.success(request, _("Advice removed from the letter."))
    return redirect("advice:page", rejection.pk)


@require_POST
@actor_required(*selectors.EDIT_ROLES)
def item_add(request: HttpRequest, rejection_id: int) -> HttpResponse:
    rejection = _editable_rejection(request, rejection_id)
    if isinstance(rejection, HttpResponse):
        return rejection
    form = NewAdviceItemForm(request.POST, prefix="new", routes=_routes(rejection))
    if form.is_valid():
        try:
            services.add_advice_item(
                actor=request.actor,  # type: ignore[attr-defined]
                rejection=rejection, kind=form.cleaned_data["kind"], text=form.cleaned_data["text"],
                route=form.cleaned_data["route"],
            )  # fmt: skip
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Advice added."))
            return redirect("advice:page", rejection.pk)
    return _render(request, rejection, new_form=form, status=400)


@require_POST
@actor_required(*selectors.EDIT_ROLES)
def redraft(request: HttpRequest, rejection_id: int) -> HttpResponse:
    rejection = _editable_rejection(request, rejection_id)
    if isinstance(rejection, HttpResponse):
        return rejection
    services.redraft_advice(actor=request.actor, rejection=rejection)  # type: ignore[attr-defined]
    messages.success(request, _("Advice drafted again. Your own changes are kept."))
    return redirect("advice:page", rejection.pk)
