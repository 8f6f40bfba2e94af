"""Bulk rejection pages: choose the applications, watch the progress, work through the exceptions.

Also the list of vacancies whose candidates have waited too long (timeliness),
where a recruiter starts a bulk rejection for them.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from nagesprek.organisations.access import actor_required
from nagesprek.rejections import bulk, bulk_selectors, gate, selectors, services
from nagesprek.rejections.bulk_forms import BulkStartForm, StageFilterForm
from nagesprek.rejections.constants import BulkStatus, Outcome
from nagesprek.vacancies import timeliness

# A list of checkboxes longer than this is no help; "all of them" takes any number.
MAX_LISTED = 500
EXCEPTIONS_PAGE_SIZE = 25
# htmx stops polling when a response has this status (https://htmx.org/docs/#polling).
HTMX_STOP_POLLING = 286


@require_http_methods(["GET", "POST"])
@actor_required(*bulk_selectors.START_ROLES)
def bulk_start(request: HttpRequest, vacancy_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    vacancy = bulk_selectors.get_vacancy_for_bulk(actor=actor, vacancy_id=vacancy_id)
    stages = bulk_selectors.count_rejectable_by_stage(vacancy=vacancy)
    filter_form = StageFilterForm(request.POST if request.method == "POST" else request.GET, stages=stages)
    stage = filter_form.chosen_stage()
    total = sum(count for s, count in stages if stage is None or s == stage)
    applications = bulk_selectors.list_applications_for_bulk(vacancy=vacancy, stage=stage)
    listed = list(applications[:MAX_LISTED])
    form = BulkStartForm(
        request.POST if request.method == "POST" else None,
        listed=listed,
        total=total,
        initial={"stage": stage.pk if stage else None},
    )
    # A stage that is not this vacancy's (a tampered form) must not widen "all" to every stage.
    if request.method == "POST" and filter_form.is_valid() and form.is_valid():
        ids = list(applications.values_list("pk", flat=True)) if form.takes_all else form.cleaned_data["applications"]
        try:
            started = bulk.start_bulk_rejection(actor=actor, vacancy=vacancy, application_ids=ids)
        except services.RejectionError as error:
            messages.error(request, str(error))
        else:
            return redirect("rejections:bulk_progress", started.pk)
    context = {
        "vacancy": vacancy,
        "filter_form": filter_form,
        "form": form,
        "stage": stage,
        "total": total,
        "listed": listed,
        "rows": list(zip(listed, form["applications"], strict=True)),
        "more_than_listed": total > len(listed),
        "is_cancellation": bulk.bulk_outcome(vacancy) == Outcome.CANCELLED,
        "four_eyes": actor.organisation.four_eyes_review,
        "earlier": bulk_selectors.list_bulk_rejections_for_vacancy(vacancy=vacancy),
    }
    return render(request, "rejections/bulk_start.html", context)


def _is_settled(bulk_rejection, progress: bulk_selectors.Progress) -> bool:
    """Nothing will change any more without a person: stopped with an error, or done and every letter out."""
    if bulk_rejection.status == BulkStatus.FAILED:
        return True
    return bulk_rejection.status == BulkStatus.DONE and progress.scheduled == 0


@require_GET
@actor_required(*bulk_selectors.PROGRESS_ROLES)
def bulk_progress(request: HttpRequest, bulk_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    bulk_rejection = bulk_selectors.get_bulk_for_actor(actor=actor, bulk_id=bulk_id)
    progress = bulk_selectors.bulk_progress(bulk=bulk_rejection)
    settled = _is_settled(bulk_rejection, progress)
    context = {
        "bulk": bulk_rejection,
        "vacancy": bulk_rejection.vacancy,
        "progress": progress,
        "settled": settled,
        "is_done": bulk_rejection.status == BulkStatus.DONE,
        "is_failed": bulk_rejection.status == BulkStatus.FAILED,
        "can_resume": actor.has_role(*bulk_selectors.START_ROLES),  # and work through the exceptions
    }
    if request.htmx:  # type: ignore[attr-defined]
        status = HTMX_STOP_POLLING if settled else 200
        return render(request, "rejections/bulk_progress.html#status", context, status=status)
    return render(request, "rejections/bulk_progress.html", context)


@require_POST
@actor_required(*bulk_selectors.START_ROLES)
def bulk_resume(request: HttpRequest, bulk_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    bulk_rejection = bulk_selectors.get_bulk_for_actor(actor=actor, bulk_id=bulk_id)
    try:
        bulk.resume_bulk_rejection(actor=actor, bulk=bulk_rejection)
    except services.RejectionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The bulk rejection continues where it stopped."))
    return redirect("rejections:bulk_progress", bulk_rejection.pk)


def _exception_items(rejections, rules: gate.GateRules) -> list[dict]:
    """Each letter with what stops it: the gate's problems, or the note that the record supports no reason."""
    items = []
    for rejection in rejections:
        reasons = list(rejection.reasons.all())
        texts = [
            gate.ReasonText(
                explanation=r.explanation,
                requirement_id=r.requirement_id,
                criterion_id=r.criterion_id,
                target_label=r.criterion.label if r.criterion_id else (r.requirement.label if r.requirement_id else ""),
            )
            for r in reasons
        ]
        problems = gate.check(texts, rules, reasons_required=rejection.outcome == Outcome.REJECTED) if texts else []
        items.append({"rejection": rejection, "problems": [p.message for p in problems]})
    return items


@require_GET
@actor_required(*bulk_selectors.START_ROLES)
def bulk_exceptions(request: HttpRequest, bulk_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    bulk_rejection = bulk_selectors.get_bulk_for_actor(actor=actor, bulk_id=bulk_id)
    page = Paginator(bulk_selectors.list_exceptions(bulk=bulk_rejection), EXCEPTIONS_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    rules = selectors.load_gate_rules(organisation=actor.organisation)
    context = {
        "bulk": bulk_rejection,
        "vacancy": bulk_rejection.vacancy,
        "page": page,
        "items": _exception_items(page.object_list, rules),
    }
    return render(request, "rejections/bulk_exceptions.html", context)


@require_GET
@actor_required(*bulk_selectors.PROGRESS_ROLES)
def late_vacancies(request: HttpRequest) -> HttpResponse:
    """Vacancies whose candidates have not heard anything N days after closing (the dashboard's warning links here)."""
    actor = request.actor  # type: ignore[attr-defined]
    mine = request.GET.get("mine") == "1"
    rows = timeliness.list_late_vacancies(organisation=actor.organisation, recruiter=actor.user if mine else None)
    context = {
        "rows": rows,
        "mine": mine,
        "days": timeliness.deadline_days(actor.organisation),
        "can_start": actor.has_role(*bulk_selectors.START_ROLES),
    }
    return render(request, "rejections/bulk_late_vacancies.html", context)
