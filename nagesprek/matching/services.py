"""Suggestions shown to people: other vacancies for a candidate, talent-pool candidates for a vacancy.

Every set shown is written to the SuggestionLog (engine version, who asked, the ranking with its
explanations) in the same transaction as the audit row. Suggestions are advice to a person: nothing
here changes an application, invites anyone or sends anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from django.core.exceptions import PermissionDenied
from django.db import transaction

from nagesprek.applications.models import Application
from nagesprek.audit.constants import ActorKind, AuditAction
from nagesprek.audit.services import record_event
from nagesprek.candidates.models import Candidate
from nagesprek.matching import engine, index
from nagesprek.matching import selectors as matching_selectors
from nagesprek.matching import suggestion_inputs as inputs
from nagesprek.matching.models_log import Audience, SuggestionKind, SuggestionLog
from nagesprek.matching.wording import explanation_line
from nagesprek.organisations.constants import Role
from nagesprek.organisations.selectors import Actor
from nagesprek.vacancies.constants import VacancyStatus
from nagesprek.vacancies.models import Vacancy

# Who sees suggestions: the people who decide on applications and vacancies. Evaluators judge one
# vacancy; privacy officers and org admins do not recruit. None of them needs other candidates' data
# (the talent pool) or a ranking, so none gets one.
SUGGESTION_ROLES = (Role.RECRUITER, Role.HR_LEAD)
# Career advisors talk with one rejected candidate and refer them to another vacancy (issue 6): they see
# the vacancies that fit that candidate, never the talent pool (other candidates).
VACANCY_SUGGESTION_ROLES = (*SUGGESTION_ROLES, Role.ADVISOR)
# Only published (open) vacancies are suggested, to candidates and staff alike: one can apply to nothing
# else, and the engine's index holds open vacancies only. Filtered here again, whatever the engine returns.
SUGGESTED_STATUSES = (VacancyStatus.OPEN,)
DEFAULT_K = 10


def current_engine_version() -> str:
    """The version of the ranking that makes suggestions now (shown on the explanation page, logged per set)."""
    return engine.ENGINE_VERSION


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
    route_id: int | str | None = None
    codes: list[str] = field(default_factory=list)  # the explanation's codes, one per line


@dataclass(frozen=True)
class SuggestionSet:
    log: SuggestionLog
    items: list[ShownSuggestion]


class ApiCaller(Protocol):
    """An external system asking through one organisation's API key (``integrations.ApiKey`` is one)."""

    pk: int
    organisation_id: int

    @property
    def audit_label(self) -> str: ...


def _check_requester(
    actor: Actor | None, caller: ApiCaller | None, organisation_id: int, roles: tuple[str, ...] = SUGGESTION_ROLES
) -> Actor | None:
    """Staff with one of ``roles`` in the organisation, or an API key of it; PermissionDenied otherwise."""
    if caller is not None:
        if caller.organisation_id != organisation_id:
            raise PermissionDenied
        return None
    if actor is None or not actor.has_role(*roles) or actor.organisation.pk != organisation_id:
        raise PermissionDenied
    return actor


def _audit_view(*, organisation, target, candidate_id: int, actor: Actor | None, caller, summary: str) -> None:
    """One audit row for a candidate's data shown to a member of staff or handed to an external system."""
    if actor is None and caller is None:
        return  # the candidate on their own page: the portal records that page view
    record_event(
        organisation=organisation,
        action=AuditAction.VIEW,
        target=target,
        candidate_id=candidate_id,
        user=actor.user if actor else None,
        actor_kind=ActorKind.STAFF if actor else ActorKind.SYSTEM,
        actor_label=caller.audit_label if caller else "",
        summary=summary,
    )


def _labelled(suggestion: engine.Suggestion, labels: dict[str, str]) -> tuple[list[str], list[str], list]:
    """Met and missing as the requirements' words, and the reasons with concept ids worded the same way."""
    met = [labels.get(c, c) for c in suggestion.met]
    missing = [labels.get(c, c) for c in suggestion.missing]
    reasons = []
    for reason in suggestion.explanation:
        params = dict(reason.params)
        if "missing" in params:
            params["missing"] = labels.get(params["missing"], params["missing"])
        if "held" in params:
            params["held"] = [labels.get(c, c) for c in params["held"]]
        if "met" in params and isinstance(params["met"], list):
            params["met"] = [labels.get(c, c) for c in params["met"]]
        reasons.append({"code": reason.code, "params": params})
    return met, missing, reasons


def _show(suggestion: engine.Suggestion, target, labels: dict[str, str]) -> tuple[ShownSuggestion, dict]:
    """The suggestion as shown, and as logged (the same words, plus ids and the score)."""
    met, missing, reasons = _labelled(suggestion, labels)
    route = suggestion.route
    shown = ShownSuggestion(
        target=target,
        score=suggestion.score,
        fits_now=suggestion.fits_now,
        met=met,
        missing=missing,
        route_title=route.title if route else "",
        lines=[explanation_line(r["code"], r["params"]) for r in reasons],
        route_id=route.id if route else None,
        codes=[r["code"] for r in reasons],
    )
    logged = {
        "id": suggestion.target_id,
        "score": round(float(suggestion.score), 6),
        "fits_now": suggestion.fits_now,
        "met": met,
        "missing": missing,
        "route": {"id": route.id, "title": route.title} if route else None,
        "explanation": reasons,
    }
    return shown, logged


def _take(rank, load, k: int, depth: int) -> list[tuple[engine.Suggestion, Any]]:
    """The first ``k`` ranked suggestions whose target ``load`` still returns (open, consented, not applied to).

    The index may lag behind the database (another process changed a vacancy or a consent), and the
    targets the caller excludes are ranked too; so rank ``depth`` deep, load only those targets (a fixed
    number of queries), and rank deeper only when too few are left and the ranking had more.
    """
    while True:
        ranked = rank(depth)
        loaded = load([s.target_id for s in ranked])
        kept = [(s, loaded[s.target_id]) for s in ranked if s.target_id in loaded][:k]
        if len(kept) >= k or len(ranked) < depth:
            return kept
        depth *= 4


def _rank_vacancies(*, application: Application, k: int) -> list[tuple[ShownSuggestion, dict]]:
    """The engine over the organisation's index; only open vacancies the candidate has not applied to are kept."""
    organisation, candidate = application.organisation, application.candidate
    match_index, vocabulary = index.index_and_vocabulary(organisation)
    profile = matching_selectors.profile_doc(inputs.candidate_with_profile(candidate), vocabulary)
    applied = set(candidate.applications.values_list("vacancy_id", flat=True)) | {application.vacancy_id}

    def load(ids: list[int]) -> dict:
        wanted = [i for i in ids if i not in applied]
        found = inputs.vacancies_to_rank(organisation=organisation, statuses=SUGGESTED_STATUSES, ids=wanted)
        return {v.pk: v for v in found}

    kept = _take(lambda depth: engine.rank_vacancies(match_index, profile, k=depth), load, k, k + len(applied))
    return [_show(s, vacancy, inputs.concept_labels(vacancy, vocabulary)) for s, vacancy in kept]


def _rank_candidates(*, vacancy: Vacancy, k: int) -> list[tuple[ShownSuggestion, dict]]:
    """The engine over the talent pool in the index; only candidates consented now, not applied here, are kept."""
    match_index, vocabulary = index.index_and_vocabulary(vacancy.organisation)
    doc = matching_selectors.vacancy_doc(vacancy, vocabulary)

    def load(ids: list[int]) -> dict:
        return {c.pk: c for c in inputs.talent_pool(vacancy=vacancy, ids=ids)}

    kept = _take(lambda depth: engine.rank_candidates(match_index, doc, k=depth), load, k, 2 * k)
    labels = inputs.concept_labels(vacancy, vocabulary)
    return [_show(s, candidate, labels) for s, candidate in kept]


@transaction.atomic
def suggest_vacancies_for_application(
    *,
    actor: Actor | None = None,
    application: Application,
    audience: Audience,
    k: int = DEFAULT_K,
    caller: ApiCaller | None = None,
) -> SuggestionSet:
    """The organisation's other vacancies that fit the application's candidate now or after one route.

    ``audience`` STAFF needs an actor with a VACANCY_SUGGESTION_ROLE in the application's organisation,
    INTEGRATION an API key (``caller``) of that organisation (PermissionDenied otherwise); CANDIDATE is the
    candidate on their own page (no actor). Only open vacancies, never the application's own vacancy or one
    the candidate already applied to. Writes one SuggestionLog row and, for staff and API keys, an audit row
    (the candidate's profile was read). A fixed number of queries, whatever the number of vacancies.
    """
    if audience != Audience.CANDIDATE:
        caller = caller if audience == Audience.INTEGRATION else None
        actor = _check_requester(actor, caller, application.organisation_id, VACANCY_SUGGESTION_ROLES)
    candidate = application.candidate
    pairs = _rank_vacancies(application=application, k=k)
    log = SuggestionLog.objects.create(
        organisation=application.organisation,
        engine_version=current_engine_version(),
        kind=SuggestionKind.VACANCIES_FOR_CANDIDATE,
        audience=audience,
        subject_type=Application._meta.label,
        subject_id=application.pk,
        candidate_id=candidate.pk,
        requested_by=actor.user if actor else None,
        requested_by_candidate_id=candidate.pk if audience == Audience.CANDIDATE else None,
        requested_by_api_key_id=caller.pk if caller and audience == Audience.INTEGRATION else None,
        results=[logged for _shown, logged in pairs],
    )
    _audit_view(
        organisation=application.organisation,
        target=application,
        candidate_id=candidate.pk,
        actor=actor,
        caller=caller if audience == Audience.INTEGRATION else None,
        summary="Vacancy suggestions shown",
    )
    return SuggestionSet(log=log, items=[shown for shown, _logged in pairs])


@transaction.atomic
def suggest_candidates_for_vacancy(
    *, actor: Actor | None = None, vacancy: Vacancy, k: int = DEFAULT_K, caller: ApiCaller | None = None
) -> SuggestionSet:
    """Earlier candidates from the talent pool (valid consent only) who fit the vacancy now or after one route.

    Needs an actor with a SUGGESTION_ROLE in the vacancy's organisation, or an API key (``caller``) of it
    (PermissionDenied otherwise). Consent is read at call time, so a withdrawal counts from the next call.
    Writes one SuggestionLog row and one audit row per candidate shown (their data appears on the page or
    goes to the external system). A fixed number of queries, whatever the size of the talent pool.
    """
    actor = _check_requester(actor, caller, vacancy.organisation_id)
    vacancy = inputs.with_requirements(vacancy)
    pairs = _rank_candidates(vacancy=vacancy, k=k)
    log = SuggestionLog.objects.create(
        organisation=vacancy.organisation,
        engine_version=current_engine_version(),
        kind=SuggestionKind.TALENT_POOL_FOR_VACANCY,
        audience=Audience.INTEGRATION if caller else Audience.STAFF,
        subject_type=Vacancy._meta.label,
        subject_id=vacancy.pk,
        requested_by=actor.user if actor else None,
        requested_by_api_key_id=caller.pk if caller else None,
        results=[logged for _shown, logged in pairs],
    )
    for _shown, logged in pairs:
        _audit_view(
            organisation=vacancy.organisation,
            target=log,
            candidate_id=logged["id"],
            actor=actor,
            caller=caller,
            summary=f"Shown as talent-pool candidate for vacancy {vacancy.reference}",
        )
    return SuggestionSet(log=log, items=[shown for shown, _logged in pairs])
