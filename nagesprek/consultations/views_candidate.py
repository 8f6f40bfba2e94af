"""The candidate's consultation-hour pages, opened from their personal link (no account).

Choose a slot → check it → confirm; then the appointment's own page, with its calendar file and a way
to cancel. Pages with a form send a same-origin referrer (see ``portal.headers``); everything works
without JavaScript.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from nagesprek.candidates.models import Candidate
from nagesprek.consultations import emails, selectors, services
from nagesprek.consultations.constants import HOW_SENTENCES, BookingStatus, ConsultationMode
from nagesprek.consultations.forms import BookingForm, slot_value
from nagesprek.consultations.recurrence import SlotPlaces
from nagesprek.portal import selectors as portal_selectors
from nagesprek.portal.headers import SAME_ORIGIN, candidate_page_headers
from nagesprek.portal.models import CandidateLink


def _language(request: HttpRequest, default: str) -> str:
    wanted = request.GET.get("lang", "")
    language = wanted if wanted in dict(settings.LANGUAGES) else default
    translation.activate(language)
    request.LANGUAGE_CODE = language
    return language


def _link(request: HttpRequest, token: str) -> CandidateLink | None:
    try:
        link = portal_selectors.resolve_link(token=token)
    except portal_selectors.LinkError:
        return None  # the candidate page explains what is wrong with the link
    _language(request, link.candidate.language)
    return link


def _options(candidate: Candidate, chosen: str = "") -> list[dict[str, Any]]:
    """The bookable sessions as the template draws them; sessions the candidate already booked are left out.

    ``first_of_hour`` marks the first date of each consultation hour, where its description is shown once.
    """
    booked = {b.session_id for b in selectors.list_bookings_for_candidate(candidate=candidate)}
    options = []
    seen_hours: set[int] = set()
    for option in selectors.bookable_sessions(organisation=candidate.organisation):
        if option.session.pk in booked:
            continue
        options.append(
            {
                "session": option.session,
                "hour": option.hour,
                "how": HOW_SENTENCES[ConsultationMode(option.hour.mode)],
                "first_of_hour": option.hour.pk not in seen_hours,
                "slots": [_slot(option.session.pk, slot, chosen) for slot in option.slots],
            }
        )
        seen_hours.add(option.hour.pk)
    return options


def _slot(session_id: int, slot: SlotPlaces, chosen: str) -> dict[str, Any]:
    value = slot_value(session_id, slot.starts_at)
    return {"starts_at": slot.starts_at, "ends_at": slot.ends_at, "places": slot.places, "value": value,
            "checked": value == chosen}  # fmt: skip


def _render_choice(
    request: HttpRequest, link: CandidateLink, form: BookingForm, *, refusal: str = "", status: int = 200
) -> HttpResponse:
    candidate = link.candidate
    context = {
        "candidate": candidate,
        "organisation": candidate.organisation,
        "token": request.resolver_match.kwargs["token"],  # type: ignore[union-attr]
        "may_book": selectors.candidate_may_book(candidate=candidate),
        "options": _options(candidate, chosen=str(form.data.get("slot", "")) if form.is_bound else ""),
        "bookings": selectors.list_bookings_for_candidate(candidate=candidate),
        "form": form,
        "refusal": refusal,
    }
    return render(request, "consultations/book.html", context, status=status)


@candidate_page_headers(SAME_ORIGIN)
@require_http_methods(["GET", "POST"])
def book(request: HttpRequest, token: str) -> HttpResponse:
    link = _link(request, token)
    if link is None:
        return redirect("portal:page", token=token)
    form = BookingForm(request.POST or None)
    if request.method != "POST" or request.POST.get("step") == "change":
        return _render_choice(request, link, form)  # "change": back to the choice, with what was chosen
    if not form.is_valid():
        return _render_choice(request, link, form, status=422)
    session_id, starts_at = form.cleaned_data["slot"]
    option = next((o for o in _options(link.candidate) if o["session"].pk == session_id), None)
    slot = next((s for s in option["slots"] if s["starts_at"] == starts_at), None) if option else None
    if slot is None:
        return _render_choice(request, link, form, refusal=str(services.SLOT_TAKEN), status=409)
    if request.POST.get("step") != "confirm":
        context = {
            "organisation": link.candidate.organisation,
            "token": token,
            "form": form,
            "option": option,
            "slot": slot,
        }
        return render(request, "consultations/confirm.html", context)
    try:
        booking = services.book_slot(
            candidate=link.candidate, session=option["session"], starts_at=starts_at,  # type: ignore[index]
            question=form.cleaned_data["question"], token=token,
        )  # fmt: skip
    except services.BookingRefused as refused:
        status = 409 if isinstance(refused, services.SlotTaken) else 422
        return _render_choice(request, link, form, refusal=str(refused), status=status)
    url = reverse("consultations:booking", args=[token, booking.pk])
    return redirect(f"{url}?lang={translation.get_language()}&done=booked")


def _booking_or_none(request: HttpRequest, token: str, booking_id: int):
    link = _link(request, token)
    if link is None:
        return None, None
    return link, selectors.get_booking_for_candidate(candidate=link.candidate, booking_id=booking_id)


@candidate_page_headers(SAME_ORIGIN)
@require_GET
def booking_detail(request: HttpRequest, token: str, booking_id: int) -> HttpResponse:
    link, booking = _booking_or_none(request, token, booking_id)
    if link is None or booking is None:
        return redirect("portal:page", token=token)
    context = {
        "organisation": link.candidate.organisation,
        "candidate": link.candidate,
        "token": token,
        "booking": booking,
        "how": HOW_SENTENCES[ConsultationMode(booking.session.hour.mode)],
        "is_booked": booking.status == BookingStatus.BOOKED,
        "done": request.GET.get("done", ""),
        "refusal": request.GET.get("refused", "") == "1",
    }
    return render(request, "consultations/booking.html", context)


@candidate_page_headers(SAME_ORIGIN)
@require_POST
def booking_cancel(request: HttpRequest, token: str, booking_id: int) -> HttpResponse:
    link, booking = _booking_or_none(request, token, booking_id)
    if link is None or booking is None:
        return redirect("portal:page", token=token)
    url = reverse("consultations:booking", args=[token, booking.pk])
    try:
        services.cancel_booking(candidate=link.candidate, booking=booking, token=token)
    except services.BookingRefused:
        return redirect(f"{url}?lang={translation.get_language()}&refused=1")
    return redirect(f"{url}?lang={translation.get_language()}&done=cancelled")


@candidate_page_headers()
@require_GET
def booking_ics(request: HttpRequest, token: str, booking_id: int) -> HttpResponse:
    link, booking = _booking_or_none(request, token, booking_id)
    if link is None or booking is None:
        return redirect("portal:page", token=token)
    method = "REQUEST" if booking.is_taken else "CANCEL"
    content = emails.invitation(booking, method=method, url=emails.booking_url(token, booking))
    services.record_invitation_downloaded(booking=booking)
    response = HttpResponse(content, content_type=f"text/calendar; method={method}; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="invitation.ics"'
    return response
