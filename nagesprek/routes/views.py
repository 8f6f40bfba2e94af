"""The route catalogue pages: list with filters, add, edit, (de)activate, and the CSV import with a preview."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from nagesprek.organisations.access import actor_required
from nagesprek.routes import csv_import, selectors, services
from nagesprek.routes.forms import ImportForm, RouteFilterForm, RouteForm
from nagesprek.routes.models import Route
from nagesprek.vacancies.form_errors import add_service_errors

PAGE_SIZE = 25


@require_http_methods(["GET"])
@actor_required(*selectors.MANAGE_ROLES)
def route_list(request: HttpRequest) -> HttpResponse:
    filters = RouteFilterForm(request.GET or None)
    clean = filters.cleaned_data if filters.is_valid() else {}
    routes = selectors.list_routes_for_actor(
        actor=request.actor,  # type: ignore[attr-defined]
        kind=clean.get("kind", ""),
        active=filters.active_value() if clean else None,
        query=clean.get("q", ""),
    )
    page = Paginator(routes, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "routes/route_list.html", {"filters": filters, "page": page})


@require_http_methods(["GET", "POST"])
@actor_required(*selectors.MANAGE_ROLES)
def route_create(request: HttpRequest) -> HttpResponse:
    form = RouteForm(request.POST or None, initial={"language": "nl"})
    if request.method == "POST" and form.is_valid():
        try:
            route = services.create_route(actor=request.actor, data=form.route_data())  # type: ignore[attr-defined]
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Route “%(title)s” added.") % {"title": route.title})
            return redirect("routes:list")
    return render(request, "routes/route_form.html", {"form": form, "route": None})


@require_http_methods(["GET", "POST"])
@actor_required(*selectors.MANAGE_ROLES)
def route_edit(request: HttpRequest, route_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    route = selectors.get_route_for_actor(actor=actor, route_id=route_id)
    form = RouteForm(request.POST or None, initial=RouteForm.initial_for(route))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_route(actor=actor, route=route, data=form.route_data(is_active=route.is_active))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Route “%(title)s” saved.") % {"title": form.cleaned_data["title"]})
            return redirect("routes:list")
    return render(request, "routes/route_form.html", {"form": form, "route": route})


@require_POST
@actor_required(*selectors.MANAGE_ROLES)
def route_toggle(request: HttpRequest, route_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    route = selectors.get_route_for_actor(actor=actor, route_id=route_id)
    route = services.set_route_active(actor=actor, route=route, active=not route.is_active)
    if route.is_active:
        messages.success(request, _("Route “%(title)s” is active again.") % {"title": route.title})
    else:
        messages.success(
            request, _("Route “%(title)s” is inactive: new advice will not use it.") % {"title": route.title}
        )
    return redirect("routes:list")


def _existing(actor) -> set[tuple[str, str]]:
    return set(Route.objects.filter(organisation=actor.organisation).values_list("title", "provider"))


@require_http_methods(["GET", "POST"])
@actor_required(*selectors.MANAGE_ROLES)
def route_import(request: HttpRequest) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    selectors.list_routes_for_actor(actor=actor)  # the access rule
    form = ImportForm(request.POST or None, request.FILES or None)
    context = {"form": form, "columns": csv_import.COLUMNS, "parsed": None, "content": ""}
    if request.method == "POST" and form.is_valid():
        raw = form.cleaned_data["bytes"]
        parsed = csv_import.parse_routes_csv(raw, existing=_existing(actor))
        context.update(parsed=parsed, preview=list(zip(parsed.row_numbers, parsed.rows, strict=True)))
        if parsed.ok and request.POST.get("action") == "import":
            try:
                routes = services.import_routes(actor=actor, rows=parsed.rows)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("%(count)s routes imported.") % {"count": len(routes)})
                return redirect("routes:list")
        if parsed.ok:
            context["content"] = raw.decode("utf-8-sig")
    return render(request, "routes/route_import.html", context)
