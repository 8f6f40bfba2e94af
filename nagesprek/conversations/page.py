"""What the candidate page and the rejection letter need from this app: the offer of a conversation, and its state."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone

from nagesprek.candidates.models import Candidate
from nagesprek.conversations import selectors, slots
from nagesprek.conversations.constants import ConversationMode, ConversationStatus
from nagesprek.conversations.models import Conversation, ConversationOffer
from nagesprek.rejections.constants import RejectionStatus
from nagesprek.rejections.models import Rejection
from nagesprek.scheduling.holidays import add_working_days


def can_change(conversation: Conversation) -> bool:
    """Whether the candidate may still move or cancel it: booked, not started, and booked through an offer."""
    return (
        conversation.status == ConversationStatus.BOOKED
        and conversation.starts_at > timezone.now()
        and conversation.offer_id is not None
    )


def needs_new_time(conversation: Conversation) -> bool:
    """The advisor cancelled and the candidate has not booked again yet: offer new times."""
    offer = conversation.offer
    return (
        conversation.status == ConversationStatus.CANCELLED_BY_ADVISOR
        and offer is not None
        and slots.is_open(offer)
        and slots.active_conversation(offer) is None
    )


def conversation_context(*, candidate: Candidate) -> dict[str, Any]:
    """Template context for ``conversations/_candidate_section.html``: each offer with its latest conversation."""
    items = []
    for offer in slots.list_offers_for_candidate(candidate=candidate):
        latest = offer.conversations.select_related("advisor").order_by("-created_at", "-pk").first()
        items.append(
            {
                "offer": offer,
                "conversation": latest,
                "is_active": latest is not None and latest.is_active,
                "is_open": slots.is_open(offer),
                "modes": [ConversationMode(m).label for m in offer.modes],
            }
        )
    return {"conversation_offers": items}


def letter_offer(*, rejection: Rejection, candidate_url: str) -> dict[str, Any] | None:
    """The ``conversation_offer`` section of a rejection letter, or None when the letter offers no conversation.

    A sent letter shows the offer recorded when it was sent; a letter not sent yet (the staff preview)
    shows what the policy would offer if it went out today. ``url`` is the booking page behind the
    candidate's personal link, or ``""`` when there is no link (the PDF: the candidate books from their page).
    """
    offer = ConversationOffer.objects.filter(application_id=rejection.application_id).first()
    if offer is not None:
        deadline, modes, offer_id = offer.deadline, offer.modes, offer.pk
    elif rejection.status != RejectionStatus.SENT:
        policy = selectors.effective_policy(
            organisation=rejection.organisation_id, vacancy=rejection.application.vacancy
        )
        if not selectors.offer_applies(rejection=rejection, policy=policy):
            return None
        deadline, modes, offer_id = (
            add_working_days(timezone.localdate(), policy.deadline_working_days),
            policy.modes,
            None,
        )
    else:
        return None
    token = _token(candidate_url)
    url = settings.SITE_URL + reverse("conversations:book", args=[token, offer_id]) if token and offer_id else ""
    return {"url": url, "deadline": deadline, "modes": [ConversationMode(m).label for m in modes]}


def _token(candidate_url: str) -> str:
    if not candidate_url:
        return ""
    try:
        match = resolve(urlsplit(candidate_url).path)
    except Resolver404:
        return ""
    return match.kwargs.get("token", "") if match.view_name == "portal:page" else ""
