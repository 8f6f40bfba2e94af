"""The consultation hour in a rejection letter: the ``consultation_hour`` section of ``letters.context``."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone

from nagesprek.consultations import selectors
from nagesprek.rejections.models import Rejection


def consultation_offer(*, rejection: Rejection, candidate_url: str) -> dict[str, Any] | None:
    """``{"url", "next_starts_at", "minutes"}`` when the candidate may book a published consultation hour with
    a date ahead, else None. ``url`` is the booking page behind the same personal link as ``candidate_url``
    (``""`` for the PDF, which carries no personal link).
    """
    candidate = rejection.application.candidate
    upcoming = selectors.next_session(organisation=rejection.organisation, now=timezone.now())
    if upcoming is None or not selectors.candidate_may_book(candidate=candidate):
        return None
    return {
        "url": _booking_url(candidate_url),
        "next_starts_at": upcoming.starts_at,
        "minutes": upcoming.hour.slot_minutes,
    }


def _booking_url(candidate_url: str) -> str:
    if not candidate_url:
        return ""
    try:
        match = resolve(urlsplit(candidate_url).path)
    except Resolver404:
        return ""
    if match.view_name != "portal:page":
        return ""
    return settings.SITE_URL + reverse("consultations:book", args=[match.kwargs["token"]])
