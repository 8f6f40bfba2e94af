"""The candidate's booking pages, opened from their personal link (no account): pick, confirm, see, move, cancel.

Every page resolves the signed link first (``portal.selectors.resolve_link``) and reads only that
candidate's offers and conversations; anything else is a 404. Every page view is audited (the
candidate as actor). Pages with a form send ``Referrer-Policy: same-origin`` (see portal.headers).
Times are radio buttons grouped per day inside one form: no JavaScript, keyboard only, 320 px wide.
"""

from __future__ import annotations

import contextlib
from itertools import groupby
from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.http import require_GET, require_http_methods

from nagesprek.candidates.models import Candidate
from nagesprek.conversations import page, services, slots
from nagesprek.conversations.constants import ConversationMode
from nagesprek.conversations.forms import CandidateCancelForm, SlotChoiceForm, SlotFilterForm
from nagesprek.conversations.invitations import invitation_ics
from nagesprek.conversations.models import Conversation, ConversationOffer
from nagesprek.portal import selectors as portal_selectors
from nagesprek.portal.headers import SAME_ORIGIN, candidate_page_headers


def _language(request: HttpRequest, default: str) -> str:
    wanted = request.GET.get("lang", "")
    language = wanted if wanted in dict(settings.LANGUAGES) else default
    translation.activate(language)
    request.LANGUAGE_CODE = language
    return language


class _LinkProblem(Exception):
    pass


def _candidate(request: HttpRequest, token: str) -> Candidate:
    try:
        link = portal_selectors.resolve_link(token=token)
    except portal_selectors.LinkError:
        raise _LinkProblem from None
    _language(request, link.candidate.language)
    return link.candidate


def _offer(candidate: Candidate, offer_id: int) -> ConversationOffer:
    offer = slots.get_offer_for_candidate(candidate=candidate, offer_id=offer_id)
    if offer is None:
        raise Http404
    return offer


def _conversation(candidate: Candidate, conversation_id: int) -> Conversation:
    conversation = slots.get_conversation_for_candidate(candidate=candidate, conversation_id=conversation_id)
    if conversation is None:
        raise Http404
    return conversation


def _days(options: list[slots.SlotOption]) -> list[tuple[Any, list[slots.SlotOption]]]:
    """Options grouped per local date, in order."""
    return [(day, list(group)) for day, group in groupby(options, key=lambda o: timezone.localdate(o.starts_at))]


def _pick_context(
    request: HttpRequest,
    *,
    offer: ConversationOffer,
    current: Conversation | None,
    message: str = "",
    chosen: tuple[str, int | None] | None = None,
) -> dict[str, Any]:
    """The list of times; ``chosen`` (mode, advisor) keeps the candidate's choice after a refused confirmation."""
    default_mode = current.mode if current else offer.modes[0]
    default_advisor = current.advisor_id if current else None
    if chosen is not None and chosen[0] in offer.modes:
        default_mode, default_advisor = chosen
    data = request.GET if "mode" in request.GET else None
    initial = {"mode": default_mode, "advisor": str(default_advisor or "")}
    probe = SlotFilterForm(data, modes=offer.modes, advisors=[], initial=initial)
    mode = probe.cleaned_data["mode"] if data is not None and probe.is_valid() else default_mode
    advisors = slots.eligible_profiles(offer=offer, mode=mode)
    filters = SlotFilterForm(data, modes=offer.modes, advisors=advisors, initial=initial)
    mode, advisor_id = filters.chosen(default_mode) if data is not None else (mode, default_advisor)
    if advisor_id is not None and advisor_id not in {p.user_id for p in advisors}:
        advisor_id = None
    options = slots.available_slots(
        offer=offer, mode=mode, advisor_id=advisor_id, ignore_conversation_id=current.pk if current else None
    )
    return {
        "offer": offer,
        "current": current,
        "filters": filters,
        "mode": mode,
        "advisor_id": advisor_id or "",
        "days": _days(options),
        "message": message,
        "is_open": slots.is_open(offer),
    }


def _render_pick(request: HttpRequest, token: str, context: dict[str, Any], status: int = 200) -> HttpResponse:
    candidate = context["offer"].candidate
    services.record_booking_page_viewed(candidate=candidate, target=context["current"] or context["offer"])
    context.update(token=token, candidate=candidate, organisation=candidate.organisation)
    return render(request, "conversations/candidate/pick.html", context, status=status)


def _unbooked_offer(request: HttpRequest, token: str, offer_id: int) -> ConversationOffer | HttpResponse:
    """The candidate's offer with no booking yet, or where to go instead (their page, or their booking)."""
    try:
        candidate = _candidate(request, token)
    except _LinkProblem:
        return redirect("portal:page", token=token)
    offer = _offer(candidate, offer_id)
    booked = slots.active_conversation(offer)
    if booked is not None:
        return redirect("conversations:mine", token=token, conversation_id=booked.pk)
    return offer


@candidate_page_headers(SAME_ORIGIN)
@require_GET
def book(request: HttpRequest, token: str, offer_id: int) -> HttpResponse:
    offer = _unbooked_offer(request, token, offer_id)
    if isinstance(offer, HttpResponse):
        return offer
    return _render_pick(request, token, _pick_context(request, offer=offer, current=None))


def _confirm(
    request: HttpRequest, token: str, *, offer: ConversationOffer, current: Conversation | None
) -> HttpResponse:
    form = SlotChoiceForm(request.POST if request.method == "POST" else request.GET)
    if not form.is_valid() or form.cleaned_data["mode"] not in offer.modes:
        context = _pick_context(request, offer=offer, current=current, message=str(form.errors.get("slot", [""])[0]))
        return _render_pick(request, token, context, status=422)
    starts_at, mode, advisor_id = form.cleaned_data["slot"], form.cleaned_data["mode"], form.cleaned_data["advisor"]
    try:
        if request.method == "POST":
            return _book_or_move(
                token, offer=offer, current=current, starts_at=starts_at, mode=mode, advisor_id=advisor_id
            )
        option = _still_free(offer, current, starts_at=starts_at, mode=mode, advisor_id=advisor_id)
    except services.BookingError as error:
        context = _pick_context(request, offer=offer, current=current, message=str(error), chosen=(mode, advisor_id))
        return _render_pick(request, token, context, status=409 if isinstance(error, services.SlotTaken) else 422)
    candidate = offer.candidate
    services.record_booking_page_viewed(candidate=candidate, target=current or offer)
    context = {
        "token": token, "candidate": candidate, "organisation": candidate.organisation, "offer": offer,
        "current": current, "option": option, "form": form, "mode_label": ConversationMode(mode).label,
    }  # fmt: skip
    return render(request, "conversations/candidate/confirm.html", context)


def _still_free(
    offer: ConversationOffer, current: Conversation | None, *, starts_at, mode: str, advisor_id: int | None
) -> slots.SlotOption:
    options = slots.available_slots(
        offer=offer, mode=mode, advisor_id=advisor_id, ignore_conversation_id=current.pk if current else None
    )
    option = next((o for o in options if o.starts_at == starts_at), None)
    if option is None:
        raise services.SlotTaken(translation.gettext("This time was just taken. Choose another time."))
    return option


def _book_or_move(
    token: str, *, offer: ConversationOffer, current: Conversation | None, starts_at, mode: str, advisor_id: int | None
) -> HttpResponse:
    if current is None:
        conversation = services.book_slot(offer=offer, starts_at=starts_at, mode=mode, advisor_id=advisor_id)
        done = "booked"
    else:
        conversation = services.move_conversation(
            conversation=current, starts_at=starts_at, mode=mode, advisor_id=advisor_id
        )
        done = "moved"
    url = reverse("conversations:mine", args=[token, conversation.pk])
    return redirect(f"{url}?done={done}&lang={translation.get_language()}")


@candidate_page_headers(SAME_ORIGIN)
@require_http_methods(["GET", "POST"])
def book_confirm(request: HttpRequest, token: str, offer_id: int) -> HttpResponse:
    offer = _unbooked_offer(request, token, offer_id)
    if isinstance(offer, HttpResponse):
        return offer
    return _confirm(request, token, offer=offer, current=None)


@candidate_page_headers(SAME_ORIGIN)
@require_GET
def mine(request: HttpRequest, token: str, conversation_id: int) -> HttpResponse:
    try:
        candidate = _candidate(request, token)
    except _LinkProblem:
        return redirect("portal:page", token=token)
    conversation = _conversation(candidate, conversation_id)
    services.record_booking_page_viewed(candidate=candidate, target=conversation)
    from nagesprek.conversations.views_proposals import proposal_context  # it builds on this module

    context = {
        "token": token, "candidate": candidate, "organisation": candidate.organisation, "conversation": conversation,
        "done": request.GET.get("done", ""), "can_change": page.can_change(conversation),
        "offer_open": conversation.offer is not None and slots.is_open(conversation.offer),
        "rebook": page.needs_new_time(conversation), **proposal_context(conversation),
    }  # fmt: skip
    return render(request, "conversations/candidate/mine.html", context)


def _movable(request: HttpRequest, token: str, conversation_id: int) -> Conversation | HttpResponse:
    try:
        candidate = _candidate(request, token)
    except _LinkProblem:
        return redirect("portal:page", token=token)
    conversation = _conversation(candidate, conversation_id)
    if not page.can_change(conversation):
        return redirect("conversations:mine", token=token, conversation_id=conversation.pk)
    return conversation


@candidate_page_headers(SAME_ORIGIN)
@require_GET
def move(request: HttpRequest, token: str, conversation_id: int) -> HttpResponse:
    conversation = _movable(request, token, conversation_id)
    if isinstance(conversation, HttpResponse):
        return conversation
    assert conversation.offer is not None  # can_change says so
    return _render_pick(request, token, _pick_context(request, offer=conversation.offer, current=conversation))


@candidate_page_headers(SAME_ORIGIN)
@require_http_methods(["GET", "POST"])
def move_confirm(request: HttpRequest, token: str, conversation_id: int) -> HttpResponse:
    conversation = _movable(request, token, conversation_id)
    if isinstance(conversation, HttpResponse):
        return conversation
    assert conversation.offer is not None
    return _confirm(request, token, offer=conversation.offer, current=conversation)


@candidate_page_headers(SAME_ORIGIN)
@require_http_methods(["GET", "POST"])
def cancel(request: HttpRequest, token: str, conversation_id: int) -> HttpResponse:
    conversation = _movable(request, token, conversation_id)
    if isinstance(conversation, HttpResponse):
        return conversation
    form = CandidateCancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        # If it changed meanwhile (held, past), the conversation page shows how it stands.
        with contextlib.suppress(services.BookingError):
            services.cancel_conversation(conversation=conversation, reason=form.cleaned_data["reason"])
        url = reverse("conversations:mine", args=[token, conversation.pk])
        return redirect(f"{url}?done=cancelled&lang={translation.get_language()}")
    candidate = conversation.candidate
    services.record_booking_page_viewed(candidate=candidate, target=conversation)
    context = {
        "token": token, "candidate": candidate, "organisation": candidate.organisation,
        "conversation": conversation, "form": form,
    }  # fmt: skip
    return render(request, "conversations/candidate/cancel.html", context, status=422 if form.errors else 200)


@candidate_page_headers()
@require_GET
def calendar_file(request: HttpRequest, token: str, conversation_id: int) -> HttpResponse:
    """The conversation as an .ics file to add to a calendar (a cancellation removes it)."""
    try:
        candidate = _candidate(request, token)
    except _LinkProblem:
        return redirect("portal:page", token=token)
    conversation = _conversation(candidate, conversation_id)
    services.record_calendar_downloaded(conversation=conversation)
    method = "REQUEST" if conversation.is_active else "CANCEL"
    content = invitation_ics(conversation, method=method, language=translation.get_language() or candidate.language)
    response = HttpResponse(content, content_type=f"text/calendar; method={method}; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="nagesprek.ics"'
    return response
