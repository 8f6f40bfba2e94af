from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from nagesprek.applications import selectors as application_selectors
from nagesprek.organisations.access import actor_required
from nagesprek.vacancies import selectors
from nagesprek.vacancies.constants import VacancyStatus


@actor_required(*selectors.VACANCY_ROLES)
def vacancy_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status") or None
    if status not in VacancyStatus.values:
        status = None
    query = request.GET.get("q", "").strip()[:100]
    vacancies = selectors.list_vacancies_for_actor(actor=request.actor, status=status, query=query)  # type: ignore[attr-defined]
    page = Paginator(vacancies, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "vacancies/vacancy_list.html",
        {"page": page, "status": status, "query": query, "statuses": VacancyStatus.choices},
    )


@actor_required(*selectors.VACANCY_ROLES)
def vacancy_detail(request: HttpRequest, vacancy_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    vacancy = selectors.get_vacancy_for_actor(actor=actor, vacancy_id=vacancy_id)
    applications = application_selectors.list_applications_for_actor(actor=actor, vacancy=vacancy)
    page = Paginator(applications, 50).get_page(request.GET.get("page"))
    return render(request, "vacancies/vacancy_detail.html", {"vacancy": vacancy, "page": page})
