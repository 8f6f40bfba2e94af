"""Suggestions shown to people: other vacancies for a candidate, talent-pool candidates for a vacancy.

Every set shown is written to the SuggestionLog (engine version, who asked, the ranking with its
explanations) in the same transaction as the audit row. Suggestions are advice to a person: nothing
here changes an application, invites anyone or sends anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from nagesprek.applications.models import Application
from nagesprek.audit.constants import ActorKind, AuditAction
from nagesprek.audit.services import record_event
from nagesprek.candidates.models import Candidate
from nagesprek.matching import suggestion_inputs as inputs
from nagesprek.matching.models_log import Audience, SuggestionKind, SuggestionLog
from nagesprek.matching.suggestion_source import FALLBACK_ENGINE_VERSION, Suggestion, rank
from nagesprek.matching.wording import explanation_line
from nagesprek.organisations.constants import Role
from nagesprek.organisations.selectors import Actor
from nagesprek.rejections.selectors import candidate_profile
from nagesprek.vacancies.constants import VacancyStatus
from nagesprek.vacancies.models import Vacancy

# Who sees suggestions: the people who decide on applications and vacancies. Evaluators judge one
# vacancy and advisors talk with one candidate; privacy officers and org admins do not recruit. None of
# them needs other candidates' data (the talent pool) or a ranking, so none gets one.
SUGGESTION_ROLES = (Role.RECRUITER, Role.HR_LEAD)
# Candidates see published vacancies only; staff also see drafts, marked as such.
VISIBLE_STATUSES = {
    Audience.CANDIDATE: (VacancyStatus.OPEN,),
    Audience.STAFF: (VacancyStatus.OPEN, VacancyStatus.DRAFT),
}
DEFAULT_K = 10


def current_engine_version() -> str:
    """The version of the ranking that makes suggestions now (shown on the explanation page, logged per set)."""
    return FALLBACK_ENGINE_VERSION


@dataclass(frozen=True)
class ShownSuggestion:
    """One suggestion as a page shows it: the vacancy or candidate, fit, reasons in words."""

    target: Vacancy | Candidate
    score: float
    fits_now: bool
    met: list[str]
    missing: list[str]
    route_title: str
    lines: list[str]


@dataclass(frozen=True)
class SuggestionSet:
    log: SuggestionLog
    items: list[ShownSuggestion]


def _check_staff(actor: Actor | None, organisation_id: int) -> Actor:
    if actor is None or not actor.has_role(*SUGGESTION_ROLES) or actor.organisation.pk != organisation_id:
        raise PermissionDenied
    return actor


def _result_json(suggestion: Suggestion) -> dict:
    return {
        "id": suggestion.target_id,
        "score": suggestion.score,
        "fits_now": suggestion.fits_now,
        "met": suggestion.met,
        "missing": suggestion.missing,
        "route": {"id": suggestion.route.id, "title": suggestion.route.title} if suggestion.route else None,
        "explanation": [{"code": e.code, "params": e.params} for e in suggestion.explanation],
    }


def _shown(suggestions: list[Suggestion], targets: dict) -> list[ShownSuggestion]:
    return [
        ShownSuggestion(
            target=targets[s.target_id],
            score=s.score,
            fits_now=s.fits_now,
            met=s.met,
            missing=s.missing,
            route_title=s.route.title if s.route else "",
            lines=[explanation_line(e.code, e.params) for e in s.explanation],
        )
        for s in suggestions
    ]


def _rank_vacancies(*, candidate: Candidate, vacancies: list[Vacancy], today: date, k: int) -> tuple[str, list]:
    # The one place that calls the ranking; part F's engine (matching.index) replaces this body.
    profile = candidate_profile(candidate)
    routes = inputs.routes_as_data(organisation=candidate.organisation)
    triples = [(v.pk, inputs.requirement_specs(v), profile) for v in vacancies]
    return FALLBACK_ENGINE_VERSION, rank(targets=triples, routes=routes, today=today, k=k)


def _rank_candidates(*, vacancy: Vacancy, candidates: list[Candidate], today: date, k: int) -> tuple[str, list]:
    # As above: the engine's rank_candidates replaces this body.
    specs = inputs.requirement_specs(vacancy)
    routes = inputs.routes_as_data(organisation=vacancy.organisation)
    triples = [(c.pk, specs, candidate_profile(c)) for c in candidates]
    return FALLBACK_ENGINE_VERSION, rank(targets=triples, routes=routes, today=today, k=k)


@transaction.atomic
def suggest_vacancies_for_application(
    *, actor: Actor | None = None, application: Application, audience: Audience, k: int = DEFAULT_K
) -> SuggestionSet:
    """The organisation's other vacancies that fit the application's candidate now or after one route.

    ``audience`` STAFF needs an actor with a SUGGESTION_ROLE in the application's organisation
    (PermissionDenied otherwise); CANDIDATE is the candidate on their own page (no actor) and sees open
    vacancies only. Never the application's own vacancy or one the candidate already applied to. Writes
    one SuggestionLog row and, for staff, an audit row (the candidate's profile was read).
    """
    if audience == Audience.STAFF:
        actor = _check_staff(actor, application.organisation_id)
    candidate = application.candidate
    applied = set(candidate.applications.values_list("vacancy_id", flat=True)) | {application.vacancy_id}
    vacancies = inputs.vacancies_to_rank(
        organisation=application.organisation, statuses=VISIBLE_STATUSES[audience], exclude_ids=applied
    )
    version, suggestions = _rank_vacancies(candidate=candidate, vacancies=vacancies, today=timezone.localdate(), k=k)
    log = SuggestionLog.objects.create(
        organisation=application.organisation,
        engine_version=version,
        kind=SuggestionKind.VACANCIES_FOR_CANDIDATE,
        audience=audience,
        subject_type=Application._meta.label,
        subject_id=application.pk,
        candidate_id=candidate.pk,
        requested_by=actor.user if actor else None,
        requested_by_candidate_id=candidate.pk if audience == Audience.CANDIDATE else None,
        results=[_result_json(s) for s in suggestions],
    )
    if actor is not None:
        record_event(
            organisation=application.organisation,
            action=AuditAction.VIEW,
            target=application,
            candidate_id=candidate.pk,
            user=actor.user,
            summary="Vacancy suggestions shown",
        )
    return SuggestionSet(log=log, items=_shown(suggestions, {v.pk: v for v in vacancies}))


@transaction.atomic
def suggest_candidates_for_vacancy(*, actor: Actor, vacancy: Vacancy, k: int = DEFAULT_K) -> SuggestionSet:
    """Earlier candidates from the talent pool (valid consent only) who fit the vacancy now or after one route.

    Needs an actor with a SUGGESTION_ROLE in the vacancy's organisation (PermissionDenied otherwise).
    Consent is read at call time, so a withdrawal counts from the next call. Writes one SuggestionLog row
    and one audit row per candidate shown (their data appears on the page).
    """
    actor = _check_staff(actor, vacancy.organisation_id)
    vacancy = inputs.with_requirements(vacancy)
    candidates = {c.pk: c for c in inputs.talent_pool(vacancy=vacancy)}
    version, suggestions = _rank_candidates(
        vacancy=vacancy, candidates=list(candidates.values()), today=timezone.localdate(), k=k
    )
    log = SuggestionLog.objects.create(
        organisation=vacancy.organisation,
        engine_version=version,
        kind=SuggestionKind.TALENT_POOL_FOR_VACANCY,
        audience=Audience.STAFF,
        subject_type=Vacancy._meta.label,
        subject_id=vacancy.pk,
        requested_by=actor.user,
        results=[_result_json(s) for s in suggestions],
    )
    for suggestion in suggestions:
        record_event(
            organisation=vacancy.organisation,
            action=AuditAction.VIEW,
            target=log,
            candidate_id=suggestion.target_id,
            user=actor.user,
            actor_kind=ActorKind.STAFF,
            summary=f"Shown as talent-pool candidate for vacancy {vacancy.reference}",
        )
    return SuggestionSet(log=log, items=_shown(suggestions, candidates))
