"""Where part G's services get their rankings from, behind one small interface.

Until part F's engine (``matching.engine`` through ``matching.index``) lands, this ranks with the
requirement assessment issue 3 already uses (``rejections.assessment``) and the organisation's route
catalogue (part E): a real, if simple, ranking, never a stub. Its output has the shape the engine
promises (issue 4): ``Suggestion(target_id, score, fits_now, met, missing, route, explanation)``, with
explanations as codes plus parameters that ``matching.explanations`` words in the reader's language.
When the engine lands, ``rank_vacancies``/``rank_candidates`` call it and the rest stays.

Rules kept here as in the engine: a must-have the record does not show met (unmet, expired, or
nothing recorded) is *missing*; a suggestion with a missing must-have is only made as a near-miss,
when one active route closes every missing must-have (a training that gives both a diploma and a
certificate counts), and it names that route.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from nagesprek.rejections import assessment
from nagesprek.rejections.assessment import FactKind, RequirementSpec, Status

FALLBACK_ENGINE_VERSION = "assessment-fallback-1"


@dataclass(frozen=True)
class RouteRef:
    id: int
    title: str


@dataclass(frozen=True)
class Explanation:
    code: str
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Suggestion:
    target_id: int
    score: float
    fits_now: bool
    met: list[str]
    missing: list[str]
    route: RouteRef | None = None
    explanation: list[Explanation] = field(default_factory=list)


@dataclass(frozen=True)
class RouteData:
    """A route as plain data: its id, title and what it closes as (kind, name) pairs."""

    id: int
    title: str
    closes: tuple[tuple[str, str], ...]


def _is_missing(item: assessment.RequirementAssessment) -> bool:
    if item.fact.kind == FactKind.JUDGED_IN_SELECTION:
        return False  # competencies are judged in the selection, not from a profile
    return item.status in (Status.UNMET, Status.EXPIRED, Status.UNKNOWN)


def _closes(route: RouteData, requirement: RequirementSpec) -> bool:
    return any(
        kind == requirement.kind and assessment.names_match(requirement.label, name) for kind, name in route.closes
    )


def _route_for(gaps: Sequence[RequirementSpec], routes: Sequence[RouteData]) -> RouteData | None:
    """The first route (catalogue order) that closes every gap on its own, or None."""
    return next((route for route in routes if all(_closes(route, gap) for gap in gaps)), None)


def rank_one(
    *,
    target_id: int,
    requirements: Sequence[RequirementSpec],
    profile: assessment.CandidateProfile,
    routes: Sequence[RouteData],
    today: date,
) -> Suggestion | None:
    """One candidate against one vacancy's requirements: a suggestion, or None when it does not fit."""
    assessed = assessment.assess_requirements(requirements, profile, today)
    musts = [a for a in assessed if a.requirement.is_must_have]
    nices = [a for a in assessed if not a.requirement.is_must_have]
    met = [a.requirement.label for a in assessed if a.status in (Status.MET, Status.EXPIRING)]
    missing = [a.requirement.label for a in musts if _is_missing(a)]
    route = None
    if missing:
        found = _route_for([a.requirement for a in musts if _is_missing(a)], routes)
        if found is None:
            return None
        route = RouteRef(found.id, found.title)
    must_met = sum(1 for a in musts if a.status in (Status.MET, Status.EXPIRING))
    nice_met = sum(1 for a in nices if a.status in (Status.MET, Status.EXPIRING))
    score = 0.7 * (must_met / len(musts) if musts else 1.0) + 0.3 * (nice_met / len(nices) if nices else 0.0)
    if route is not None:
        score *= 0.8  # a route to take first ranks below an equal fit today
    return Suggestion(
        target_id=target_id,
        score=round(score, 4),
        fits_now=route is None,
        met=met,
        missing=missing,
        route=route,
        explanation=_explain(
            must_met=must_met, musts=len(musts), nice_met=nice_met, nices=len(nices), route=route, missing=missing
        ),
    )


def _explain(*, must_met, musts, nice_met, nices, route, missing) -> list[Explanation]:
    lines = []
    if route is None:
        lines.append(Explanation("all_must_haves_met", {"count": musts}))
    else:
        lines.append(Explanation("must_haves_met", {"met": must_met, "total": musts}))
        lines.append(Explanation("route_closes_gap", {"route": route.title, "requirement": ", ".join(missing)}))
    if nice_met:
        lines.append(Explanation("nice_to_haves_met", {"met": nice_met, "total": nices}))
    return lines


def rank(
    *,
    targets: Iterable[tuple[int, Sequence[RequirementSpec], assessment.CandidateProfile]],
    routes: Sequence[RouteData],
    today: date,
    k: int,
) -> list[Suggestion]:
    """Rank (target id, requirements, profile) triples; the best ``k``, fits-now before near-misses at equal score."""
    found = [
        suggestion
        for target_id, requirements, profile in targets
        if (
            suggestion := rank_one(
                target_id=target_id, requirements=requirements, profile=profile, routes=routes, today=today
            )
        )
    ]
    found.sort(key=lambda s: (-s.score, not s.fits_now, s.target_id))
    return found[:k]
