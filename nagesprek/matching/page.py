"""What other apps' pages show from matching: the candidate page, the rejection screen, the vacancy page.

Each function returns template context for one of matching's blocks, and each set of suggestions it
computes is logged (and audited) by the services, because the page shows it. The staff blocks show the
first ``INLINE_K`` with their reasons and link to the full list.
"""

from __future__ import annotations

from nagesprek.applications.models import Application
from nagesprek.candidates.models import Candidate
from nagesprek.matching import services
from nagesprek.matching.models_log import Audience
from nagesprek.organisations.selectors import Actor
from nagesprek.portal import selectors as portal_selectors
from nagesprek.vacancies.constants import VacancyStatus
from nagesprek.vacancies.models import Vacancy

INLINE_K = 5
FULL_K = 25  # the full suggestion pages
# A talent pool helps while a vacancy is being filled; for a closed, filled or cancelled one it would only
# show other people's data for nothing.
TALENT_POOL_STATUSES = (VacancyStatus.DRAFT, VacancyStatus.OPEN)


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


def may_see_suggestions(actor: Actor | None) -> bool:
    """Whether the actor's pages show suggestions (recruiters and HR leads; the services enforce it)."""
    return actor is not None and actor.has_role(*services.SUGGESTION_ROLES)


def rejection_context(*, actor: Actor | None, application: Application) -> dict:
    """Context for ``matching/_rejection_block.html``: the first vacancies that fit the rejected candidate.

    ``fitting`` is None for an actor who does not get suggestions (the block then shows nothing).
    """
    if not may_see_suggestions(actor):
        return {"fitting": None}
    shown = services.suggest_vacancies_for_application(
        actor=actor, application=application, audience=Audience.STAFF, k=INLINE_K
    )
    return {"fitting": shown}


def vacancy_context(*, actor: Actor | None, vacancy: Vacancy) -> dict:
    """Context for ``matching/_vacancy_block.html``: the first talent-pool candidates who fit the vacancy.

    ``talent_pool`` is None for an actor who does not get suggestions, and for a vacancy no longer being filled.
    """
    if not may_see_suggestions(actor) or vacancy.status not in TALENT_POOL_STATUSES:
        return {"talent_pool": None}
    return {"talent_pool": services.suggest_candidates_for_vacancy(actor=actor, vacancy=vacancy, k=INLINE_K)}
