"""What the candidate page needs from matching: the vacancies that fit, for their latest letter."""

from __future__ import annotations

from nagesprek.candidates.models import Candidate
from nagesprek.matching import services
from nagesprek.matching.models_log import Audience
from nagesprek.portal import selectors as portal_selectors


def suggestion_context(*, candidate: Candidate) -> dict:
    """Template context for ``matching/_candidate_section.html``: suggestions after the latest sent letter.

    Before any letter is sent the candidate is still in a procedure and gets no other vacancies.
    Each call is one logged set of suggestions (the candidate asked for it by opening the page).
    """
    latest = portal_selectors.list_sent_rejections_for_candidate(candidate=candidate).first()
    if latest is None:
        return {"fitting_vacancies": None}
    shown = services.suggest_vacancies_for_application(application=latest.application, audience=Audience.CANDIDATE)
    return {"fitting_vacancies": shown.items}
