"""What the candidate page needs from this app: the written summaries of the advice the candidate was sent."""

from __future__ import annotations

from nagesprek.advising import selectors
from nagesprek.candidates.models import Candidate


def advice_summary_context(*, candidate: Candidate) -> dict:
    """Template context for ``advising/_candidate_section.html``: sent summaries, newest first (one query)."""
    return {"advice_summaries": list(selectors.sent_summaries_for_candidate(candidate=candidate))}
