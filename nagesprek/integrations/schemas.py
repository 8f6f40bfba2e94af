"""The API's typed request and response shapes; django-ninja turns them into the OpenAPI 3.1 document."""

from __future__ import annotations

from datetime import date

from ninja import Schema

from nagesprek.matching.services import ShownSuggestion
from nagesprek.vacancies.models import Requirement, Vacancy


class Error(Schema):
    detail: str


class RequirementOut(Schema):
    kind: str
    label: str
    must_have: bool
    level: str
    years: int | None

    @staticmethod
    def resolve_must_have(obj: Requirement) -> bool:
        return obj.is_must_have


class VacancyOut(Schema):
    id: int
    reference: str
    title: str
    department: str
    job_family: str
    location: str
    hours_min: int
    hours_max: int
    closing_date: date
    requirements: list[RequirementOut]

    @staticmethod
    def resolve_department(obj: Vacancy) -> str:
        return obj.department.name

    @staticmethod
    def resolve_job_family(obj: Vacancy) -> str:
        return obj.job_family.name

    @staticmethod
    def resolve_requirements(obj: Vacancy) -> list[Requirement]:
        return obj.current_reqs  # type: ignore[attr-defined]  # prefetched with to_attr


class RouteOut(Schema):
    id: int | str
    title: str


class ReasonOut(Schema):
    code: str  # same_occupation, same_family, fits_now, near_miss, nice_to_have (more may come)
    text: str  # the reason in words, in the language asked for


class CandidateOut(Schema):
    id: int
    full_name: str
    email: str


class VacancyRef(Schema):
    id: int
    reference: str
    title: str


class Suggestion(Schema):
    fits_now: bool
    score: float
    met: list[str]
    missing: list[str]
    route: RouteOut | None  # a near-miss: the route that closes what is missing
    explanation: list[ReasonOut]


class CandidateSuggestion(Suggestion):
    candidate: CandidateOut


class VacancySuggestion(Suggestion):
    vacancy: VacancyRef


class TalentPoolOut(Schema):
    vacancy_id: int
    engine_version: str
    suggestion_set: int  # the logged set (AI Act): quote it when asking why someone was suggested
    suggestions: list[CandidateSuggestion]


class FittingVacanciesOut(Schema):
    application_id: int
    candidate_id: int
    engine_version: str
    suggestion_set: int
    suggestions: list[VacancySuggestion]


def suggestion_fields(item: ShownSuggestion) -> dict:
    """The fields every suggestion has, from the one the services showed."""
    return {
        "fits_now": item.fits_now,
        "score": round(item.score, 6),
        "met": item.met,
        "missing": item.missing,
        "route": {"id": item.route_id, "title": item.route_title} if item.route_id is not None else None,
        "explanation": [{"code": code, "text": text} for code, text in zip(item.codes, item.lines, strict=True)],
    }
