"""The HTTP API for an ATS (``/api/v1/``): open vacancies, and suggestions with their explanations.

Authentication is an organisation's API key (``Authorization: Bearer ngs_…``); everything is read inside
that organisation, anything else is a 404. Suggestions are the same the product shows to recruiters,
logged as a suggestion set with the engine version, and every candidate's data that leaves through the
API is an audit row naming the key. Errors are JSON (``{"detail": …}``): 401 without a valid key, 404
outside the organisation, 422 for bad input. See docs/adr/0005-api.md.
"""

from __future__ import annotations

from typing import Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import translation
from ninja import NinjaAPI, Path, Query
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.security import HttpBearer

from nagesprek.integrations import schemas, selectors, services
from nagesprek.integrations.models import ApiKey
from nagesprek.matching import services as matching_services
from nagesprek.matching.models_log import Audience

MAX_ID = 2**63 - 1  # larger numbers are refused as bad input, not passed to the database
MAX_SUGGESTIONS = 50


class ApiKeyAuth(HttpBearer):
    """``Authorization: Bearer <key>`` with an active key of some organisation; the key becomes ``request.auth``."""

    def authenticate(self, request: HttpRequest, token: str) -> ApiKey | None:
        api_key = selectors.find_active_key(key=token.strip())
        if api_key is not None:
            services.record_key_used(api_key=api_key)
        return api_key


api = NinjaAPI(
    title="Nagesprek API",
    version="1",
    description=(
        "Open vacancies, and suggestions with their explanations: talent-pool candidates (with consent) for a "
        "vacancy, and other vacancies that fit an application's candidate. Suggestions are advice to a person; "
        "each set is logged (`suggestion_set`). Authenticate with an organisation's API key: "
        "`Authorization: Bearer ngs_…`."
    ),
    urls_namespace="api-v1",
    auth=ApiKeyAuth(),
)


@api.exception_handler(PermissionDenied)
def _forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return api.create_response(request, {"detail": "Forbidden"}, status=403)


@api.exception_handler(ValidationError)
def _invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    return api.create_response(request, {"detail": " ".join(exc.messages)}, status=400)


def not_found(request: HttpRequest, rest: str = "") -> JsonResponse:
    """Any other path under /api/v1/: JSON like the rest of the API, not the site's HTML page."""
    return JsonResponse({"detail": "Not Found"}, status=404)


def _key(request: HttpRequest) -> ApiKey:
    return request.auth  # type: ignore[attr-defined,return-value]  # set by ApiKeyAuth


Id = Path(..., ge=1, le=MAX_ID)
Limit = Query(10, ge=1, le=MAX_SUGGESTIONS, description="How many suggestions, at most.")
Language = Query("nl", description="Language of the explanations' text.")


@api.get("/vacancies", response={200: list[schemas.VacancyOut], 401: schemas.Error}, tags=["vacancies"])
@paginate(LimitOffsetPagination)
def list_vacancies(request: HttpRequest):
    """The organisation's open vacancies with their current requirements, oldest first."""
    return selectors.list_open_vacancies_for_key(api_key=_key(request))


@api.get(
    "/vacancies/{vacancy_id}/talent-pool",
    response={200: schemas.TalentPoolOut, 401: schemas.Error, 404: schemas.Error},
    tags=["suggestions"],
)
def vacancy_talent_pool(
    request: HttpRequest, vacancy_id: int = Id, limit: int = Limit, lang: Literal["nl", "en"] = Language
):
    """Earlier candidates who consented to be kept and fit the vacancy now or after one route, best first."""
    api_key = _key(request)
    vacancy = selectors.get_vacancy_for_key(api_key=api_key, vacancy_id=vacancy_id)
    with translation.override(lang):
        shown = matching_services.suggest_candidates_for_vacancy(vacancy=vacancy, k=limit, caller=api_key)
    return {
        "vacancy_id": vacancy.pk,
        "engine_version": shown.log.engine_version,
        "suggestion_set": shown.log.pk,
        "suggestions": [{**schemas.suggestion_fields(item), "candidate": item.target} for item in shown.items],
    }


@api.get(
    "/applications/{application_id}/vacancies",
    response={200: schemas.FittingVacanciesOut, 401: schemas.Error, 404: schemas.Error},
    tags=["suggestions"],
)
def application_vacancies(
    request: HttpRequest, application_id: int = Id, limit: int = Limit, lang: Literal["nl", "en"] = Language
):
    """Other open vacancies that fit the application's candidate now or after one route, best first."""
    api_key = _key(request)
    application = selectors.get_application_for_key(api_key=api_key, application_id=application_id)
    with translation.override(lang):
        shown = matching_services.suggest_vacancies_for_application(
            application=application, audience=Audience.INTEGRATION, k=limit, caller=api_key
        )
    return {
        "application_id": application.pk,
        "candidate_id": application.candidate_id,
        "engine_version": shown.log.engine_version,
        "suggestion_set": shown.log.pk,
        "suggestions": [{**schemas.suggestion_fields(item), "vacancy": item.target} for item in shown.items],
    }
