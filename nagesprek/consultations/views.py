"""Staff pages for consultation hours: the hours, their dates, a date's slot grid, and the policy."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from nagesprek.consultations import grid, selectors, services
from nagesprek.consultations.forms import CancelSessionForm, HourForm, OutcomeForm, PolicyForm
from nagesprek.organisations.access import actor_required
from nagesprek.vacancies.form_errors import add_service_errors


@require_http_methods(["GET"])
@actor_required(*selectors.MANAGE_ROLES)
def hour_list(request: HttpRequest) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    hours = selectors.list_hours_with_next_dates(actor=actor)
    context = {"hours": hours, "may_set_policy": actor.has_role(*selectors.POLICY_ROLES)}
    return render(request, "consultations/hour_list.html", context)


@require_http_methods(["GET", "POST"])
@actor_required(*selectors.MANAGE_ROLES)
def hour_create(request: HttpRequest) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    form = HourForm(request.POST or None, actor=actor, initial={"slot_minutes": 15, "mode": "on_site"})
    if request.method == "POST" and form.is_valid():
        try:
            hour = services.create_hour(actor=actor, data=form.hour_data())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Consultation hour “%(title)s” added.") % {"title": hour.title})
            return redirect("consultations:hour", hour.pk)
    status = 422 if form.errors else 200
    return render(request, "consultations/hour_form.html", {"form": form, "hour": None}, status=status)


@require_http_methods(["GET", "POST"])
@actor_required(*selectors.MANAGE_ROLES)
def hour_edit(request: HttpRequest, hour_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    hour = selectors.get_hour_for_actor(actor=actor, hour_id=hour_id)
    form = HourForm(request.POST or None, actor=actor, hour=hour)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_hour(actor=actor, hour=hour, data=form.hour_data())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Consultation hour “%(title)s” saved.") % {"title": form.cleaned_data["title"]})
            return redirect("consultations:hour", hour.pk)
    status = 422 if form.errors else 200
    return render(request, "consultations/hour_form.html", {"form": form, "hour": hour}, status=status)


@require_http_methods(["GET"])
@actor_required(*selectors.MANAGE_ROLES)
def hour_detail(request: HttpRequest, hour_id: int) -> HttpResponse:
    hour = selectors.get_hour_for_actor(actor=request.actor, hour_id=hour_id)  # type: ignore[attr-defined]
    sessions = selectors.list_sessions_of_hour(hour=hour)
    return render(request, "consultations/hour_detail.html", {"hour": hour, "sessions": sessions})


@require_http_methods(["GET"])
@actor_required(*selectors.MANAGE_ROLES)
def session_detail(request: HttpRequest, session_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    session = selectors.get_session_for_actor(actor=actor, session_id=session_id)
    bookings = None
    if selectors.can_see_bookings(actor):
        bookings = selectors.list_bookings_for_session(actor=actor, session=session)
        services.record_session_viewed(actor=actor, session=session, bookings=bookings)
    context = {"session": session, "hour": session.hour, "grid": grid.session_grid(session=session, bookings=bookings)}
    return render(request, "consultations/session_detail.html", context)


@require_http_methods(["GET", "POST"])
@actor_required(*selectors.MANAGE_ROLES)
def session_cancel(request: HttpRequest, session_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    session = selectors.get_session_for_actor(actor=actor, session_id=session_id)
    form = CancelSessionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        count = services.cancel_session(actor=actor, session=session, note=form.cleaned_data["note"])
        messages.success(
            request,
            ngettext(
                "The date is cancelled. %(count)s candidate got an e-mail.",
                "The date is cancelled. %(count)s candidates got an e-mail.",
                count,
            )
            % {"count": count},
        )
        return redirect("consultations:hour", session.hour_id)
    return render(request, "consultations/session_cancel.html", {"session": session, "form": form})


@require_POST
@actor_required(*selectors.BOOKING_ROLES)
def booking_outcome(request: HttpRequest, booking_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    booking = selectors.get_booking_for_actor(actor=actor, booking_id=booking_id)
    form = OutcomeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose held or did not come."))
        return redirect("consultations:session", booking.session_id)
    try:
        booking = services.record_outcome(actor=actor, booking=booking, status=form.cleaned_data["status"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("%(name)s: %(status)s.") % {"name": booking.candidate.full_name, "status": booking.get_status_display()},
        )
    return redirect("consultations:session", booking.session_id)


@require_http_methods(["GET", "POST"])
@actor_required(*selectors.POLICY_ROLES)
def policy(request: HttpRequest) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    current = selectors.get_policy_for_actor(actor=actor)
    form = PolicyForm(request.POST or None, initial={"audience": current.audience})
    if request.method == "POST" and form.is_valid():
        services.set_policy(actor=actor, audience=form.cleaned_data["audience"])
        messages.success(request, _("Saved: who may book the consultation hours."))
        return redirect("consultations:list")
    return render(request, "consultations/policy.html", {"form": form}, status=422 if form.errors else 200)
