from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nagesprek.applications import selectors as application_selectors
from nagesprek.matching import page as matching_page
from nagesprek.organisations.access import actor_required
from nagesprek.organisations.constants import Role
from nagesprek.vacancies import forms, selectors, services
from nagesprek.vacancies.constants import VacancyStatus
from nagesprek.vacancies.form_errors import add_service_errors


@actor_required(*selectors.VACANCY_ROLES)
def vacancy_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status") or None
    if status not in VacancyStatus.values:
        status = None
    query = request.GET.get("q", "").strip()[:100]
    actor = request.actor  # type: ignore[attr-defined]
    vacancies = selectors.list_vacancies_for_actor(actor=actor, status=status, query=query)
    page = Paginator(vacancies, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "vacancies/vacancy_list.html",
        {
            "page": page,
            "status": status,
            "query": query,
            "statuses": VacancyStatus.choices,
            "can_edit": selectors.can_edit_vacancies(actor=actor),
        },
    )


@actor_required(*selectors.VACANCY_ROLES)
def vacancy_detail(request: HttpRequest, vacancy_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    vacancy = selectors.get_vacancy_for_actor(actor=actor, vacancy_id=vacancy_id)
    applications = application_selectors.list_applications_for_actor(actor=actor, vacancy=vacancy)
    page = Paginator(applications, 50).get_page(request.GET.get("page"))
    context = {
        "vacancy": vacancy,
        "page": page,
        "changes": selectors.list_requirement_changes(vacancy=vacancy),
        "can_edit": selectors.can_edit_vacancies(actor=actor),
        "can_add_application": actor.has_role(Role.RECRUITER),
        "shows_applications": actor.has_role(*application_selectors.APPLICATION_ROLES),
        **matching_page.vacancy_context(actor=actor, vacancy=vacancy),  # the talent pool (issue 4), logged there
    }
    return render(request, "vacancies/vacancy_detail.html", context)


@actor_required(*selectors.VACANCY_EDIT_ROLES)
def vacancy_create(request: HttpRequest) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    form = forms.VacancyForm(request.POST or None, actor=actor)
    if request.method == "POST" and form.is_valid():
        try:
            vacancy = services.create_vacancy(actor=actor, details=form.details())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The vacancy has been created. Now add its requirements."))
            return redirect("vacancies:requirements", vacancy.pk)
    return render(request, "vacancies/vacancy_form.html", {"form": form, "vacancy": None})


@actor_required(*selectors.VACANCY_EDIT_ROLES)
def vacancy_edit(request: HttpRequest, vacancy_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    vacancy = selectors.get_vacancy_for_editor(actor=actor, vacancy_id=vacancy_id)
    form = forms.VacancyForm(request.POST or None, actor=actor, vacancy=vacancy)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_vacancy(actor=actor, vacancy=vacancy, details=form.details())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The vacancy has been saved."))
            return redirect("vacancies:detail", vacancy.pk)
    return render(request, "vacancies/vacancy_form.html", {"form": form, "vacancy": vacancy})


@actor_required(*selectors.VACANCY_EDIT_ROLES)
def requirements_edit(request: HttpRequest, vacancy_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    vacancy = selectors.get_vacancy_for_editor(actor=actor, vacancy_id=vacancy_id)
    current = {r.pk: r for r in selectors.list_current_requirements(vacancy=vacancy)}
    frozen = vacancy.requirements_frozen_at is not None
    data = request.POST if request.method == "POST" else None
    formset = forms.RequirementFormSet(data, current=current, initial=forms.requirement_initial(current), prefix="req")
    reason_form = forms.ChangeReasonForm(data, prefix="change") if frozen else None
    problems: list[str] = []
    if data is not None and formset.is_valid() and (reason_form is None or reason_form.is_valid()):
        reason = reason_form.cleaned_data["reason"] if reason_form else ""
        try:
            services.change_requirements(
                actor=actor, vacancy=vacancy, requirements=formset.requirement_data(), reason=reason
            )
        except ValidationError as error:
            problems = error.messages
        else:
            messages.success(request, _("The requirements have been saved."))
            return redirect("vacancies:detail", vacancy.pk)
    context = {
        "vacancy": vacancy,
        "formset": formset,
        "reason_form": reason_form,
        "frozen": frozen,
        "next_version": vacancy.requirements_version + 1,
        "problems": problems,
    }
    return render(request, "vacancies/requirements_form.html", context)


@actor_required(*selectors.VACANCY_EDIT_ROLES)
def pipeline(request: HttpRequest, vacancy_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    vacancy = selectors.get_vacancy_for_editor(actor=actor, vacancy_id=vacancy_id)
    stages = list(selectors.list_pipeline(vacancy=vacancy))
    form = forms.StageForm(prefix="new")
    return render(request, "vacancies/pipeline.html", {"vacancy": vacancy, "stages": stages, "form": form})


@actor_required(*selectors.VACANCY_EDIT_ROLES)
def stage_add(request: HttpRequest, vacancy_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    vacancy = selectors.get_vacancy_for_editor(actor=actor, vacancy_id=vacancy_id)
    form = forms.StageForm(request.POST or None, prefix="new")
    if request.method == "POST" and form.is_valid():
        try:
            services.add_stage(actor=actor, vacancy=vacancy, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The stage has been added."))
            return redirect("vacancies:pipeline", vacancy.pk)
    return render(request, "vacancies/stage_form.html", {"vacancy": vacancy, "form": form, "stage": None})


@actor_required(*selectors.VACANCY_EDIT_ROLES)
def stage_edit(request: HttpRequest, stage_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    stage = selectors.get_stage_for_editor(actor=actor, stage_id=stage_id)
    form = forms.StageForm(request.POST or None, initial=forms.StageForm.initial_for(stage))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_stage(actor=actor, stage=stage, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The stage has been saved."))
            return redirect("vacancies:pipeline", stage.vacancy_id)
    return render(request, "vacancies/stage_form.html", {"vacancy": stage.vacancy, "form": form, "stage": stage})


@actor_required(*selectors.VACANCY_EDIT_ROLES)
@require_POST
def stage_move(request: HttpRequest, stage_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    stage = selectors.get_stage_for_editor(actor=actor, stage_id=stage_id)
    form = forms.StageMoveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose whether the stage moves up or down."))
        return redirect("vacancies:pipeline", stage.vacancy_id)
    try:
        services.move_stage(actor=actor, stage=stage, up=form.cleaned_data["direction"] == "up")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The order of the stages has been changed."))
    return redirect("vacancies:pipeline", stage.vacancy_id)


@actor_required(*selectors.VACANCY_EDIT_ROLES)
@require_POST
def stage_remove(request: HttpRequest, stage_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    stage = selectors.get_stage_for_editor(actor=actor, stage_id=stage_id)
    try:
        services.remove_stage(actor=actor, stage=stage)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The stage has been removed."))
    return redirect("vacancies:pipeline", stage.vacancy_id)


@actor_required(*selectors.VACANCY_EDIT_ROLES)
def criterion_add(request: HttpRequest, stage_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    stage = selectors.get_stage_for_editor(actor=actor, stage_id=stage_id)
    form = forms.CriterionForm(request.POST or None, vacancy=stage.vacancy)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_criterion(actor=actor, stage=stage, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The criterion has been added."))
            return redirect("vacancies:pipeline", stage.vacancy_id)
    context = {"vacancy": stage.vacancy, "stage": stage, "form": form, "criterion": None}
    return render(request, "vacancies/criterion_form.html", context)


@actor_required(*selectors.VACANCY_EDIT_ROLES)
def criterion_edit(request: HttpRequest, criterion_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    criterion = selectors.get_criterion_for_editor(actor=actor, criterion_id=criterion_id)
    stage = criterion.stage
    initial = {
        "requirement": criterion.requirement_id
        if criterion.requirement and not criterion.requirement.retired_in_version
        else None,
        "competency": criterion.competency,
        "description": criterion.description,
    }
    form = forms.CriterionForm(request.POST or None, vacancy=stage.vacancy, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_criterion(actor=actor, criterion=criterion, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The criterion has been saved."))
            return redirect("vacancies:pipeline", stage.vacancy_id)
    context = {"vacancy": stage.vacancy, "stage": stage, "form": form, "criterion": criterion}
    return render(request, "vacancies/criterion_form.html", context)


@actor_required(*selectors.VACANCY_EDIT_ROLES)
@require_POST
def criterion_remove(request: HttpRequest, criterion_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    criterion = selectors.get_criterion_for_editor(actor=actor, criterion_id=criterion_id)
    try:
        services.remove_criterion(actor=actor, criterion=criterion)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The criterion has been removed."))
    return redirect("vacancies:pipeline", criterion.stage.vacancy_id)
