"""What the candidate page needs from this app: the consultation-hour offer and the candidate's appointments."""

from __future__ import annotations

from django.utils import timezone

from nagesprek.candidates.models import Candidate
from nagesprek.consultations import selectors


def consultation_context(*, candidate: Candidate) -> dict:
    """Template context for ``consultations/_candidate_section.html``.

    The section shows when the organisation's policy lets the candidate book and a published consultation
    hour has a date ahead, or when the candidate has an appointment already.
    """
    bookings = selectors.list_bookings_for_candidate(candidate=candidate)
    upcoming = selectors.next_session(organisation=candidate.organisation, now=timezone.now())
    may_book = upcoming is not None and selectors.candidate_may_book(candidate=candidate)
    return {
        "consultation_open": may_book or bool(bookings),
        "consultation_next": upcoming if may_book else None,
        "consultation_bookings": bookings,
    }
