"""Suggestion pages for recruiters and HR leads, and the public page on how suggestions are made."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_GET

from nagesprek.applications import selectors as application_selectors
from nagesprek.matching import services
from nagesprek.matching.models_log import SUGGESTION_LOG_RETENTION_DAYS, Audience
from nagesprek.matching.page import FULL_K
from nagesprek.organisations.access import actor_required
from nagesprek.vacancies import selectors as vacancy_selectors


@require_GET
@actor_required(*services.SUGGESTION_ROLES)
def application_suggestions(request: HttpRequest, application_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    application = application_selectors.get_application_for_actor(actor=actor, application_id=application_id)
    shown = services.suggest_vacancies_for_application(
        actor=actor, application=application, audience=Audience.STAFF, k=FULL_K
    )
    context = {"application": application, "items": shown.items, "log": shown.log}
    return render(request, "matching/application_suggestions.html", context)


@require_GET
@actor_required(*services.SUGGESTION_ROLES)
def talent_pool(request: HttpRequest, vacancy_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    vacancy = vacancy_selectors.get_vacancy_for_actor(actor=actor, vacancy_id=vacancy_id)
    shown = services.suggest_candidates_for_vacancy(actor=actor, vacancy=vacancy, k=FULL_K)
    return render(request, "matching/talent_pool.html", {"vacancy": vacancy, "items": shown.items, "log": shown.log})


@require_GET
def how_it_works(request: HttpRequest) -> HttpResponse:
    """Public: candidates reach it from their page, without an account. ``?lang=`` as on that page."""
    wanted = request.GET.get("lang", "")
    if wanted in dict(settings.LANGUAGES):
        translation.activate(wanted)
        request.LANGUAGE_CODE = wanted
    context = {
        "engine_version": services.current_engine_version(),
        "retention_months": SUGGESTION_LOG_RETENTION_DAYS // 30,
    }
    return render(request, "matching/how_it_works.html", context)
