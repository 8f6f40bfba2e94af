"""The candidate's answer to a proposed time, from their personal link: accept it, or choose another time.

The e-mail links here (GET shows the time and one button; the button posts); the conversation's own page
(``views_candidate.mine``) shows the same two buttons together. A link that no longer fits (accepted,
released, expired) leads to the conversation's page, which says how it stands.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.http import require_http_methods

from nagesprek.conversations import explanations, services
from nagesprek.conversations.models import Conversation
from nagesprek.conversations.views_candidate import _candidate, _conversation, _LinkProblem
from nagesprek.portal.headers import SAME_ORIGIN, candidate_page_headers


def is_open(conversation: Conversation) -> bool:
    """A proposal the candidate can still answer."""
    proposal = getattr(conversation, "proposal", None)
    return conversation.is_proposed and proposal is not None and proposal.expires_at > timezone.now()


def proposal_context(conversation: Conversation) -> dict[str, Any]:
    """The proposal's reasons in the candidate's words (the active language), and whether it is still open."""
    proposal = getattr(conversation, "proposal", None)
    if proposal is None:
        return {"proposal": None}
    family = conversation.application.vacancy.job_family
    reasons = explanations.for_candidate(
        proposal.reasons, advisor=conversation.advisor.full_name, job_family=family.name if family else ""
    )
    return {"proposal": proposal, "proposal_reasons": reasons, "proposal_open": is_open(conversation)}


def _proposal(request: HttpRequest, token: str, conversation_id: int) -> Conversation | HttpResponse:
    try:
        candidate = _candidate(request, token)
    except _LinkProblem:
        return redirect("portal:page", token=token)
    conversation = _conversation(candidate, conversation_id)
    if not is_open(conversation):
        return _to_mine(token, conversation)
    return conversation


def _to_mine(token: str, conversation: Conversation, done: str = "") -> HttpResponse:
    url = reverse("conversations:mine", args=[token, conversation.pk])
    query = f"?done={done}&lang={translation.get_language()}" if done else f"?lang={translation.get_language()}"
    return redirect(url + query)


def _page(request: HttpRequest, token: str, conversation: Conversation, template: str) -> HttpResponse:
    services.record_booking_page_viewed(candidate=conversation.candidate, target=conversation)
    context = {
        "token": token, "candidate": conversation.candidate, "organisation": conversation.organisation,
        "conversation": conversation, **proposal_context(conversation),
    }  # fmt: skip
    return render(request, template, context)


@candidate_page_headers(SAME_ORIGIN)
@require_http_methods(["GET", "POST"])
def accept(request: HttpRequest, token: str, conversation_id: int) -> HttpResponse:
    conversation = _proposal(request, token, conversation_id)
    if isinstance(conversation, HttpResponse):
        return conversation
    if request.method == "POST":
        try:
            services.accept_proposal(conversation=conversation)
        except services.BookingError:
            return _to_mine(token, conversation)  # its page says why (expired, withdrawn)
        return _to_mine(token, conversation, done="booked")
    return _page(request, token, conversation, "conversations/candidate/proposal_accept.html")


@candidate_page_headers(SAME_ORIGIN)
@require_http_methods(["GET", "POST"])
def other_time(request: HttpRequest, token: str, conversation_id: int) -> HttpResponse:
    conversation = _proposal(request, token, conversation_id)
    if isinstance(conversation, HttpResponse):
        return conversation
    if request.method == "POST":
        try:
            services.decline_proposal(conversation=conversation)
        except services.BookingError:
            return _to_mine(token, conversation)
        url = reverse("conversations:book", args=[token, conversation.offer_id])
        return redirect(f"{url}?lang={translation.get_language()}")
    return _page(request, token, conversation, "conversations/candidate/proposal_other.html")
