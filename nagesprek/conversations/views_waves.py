"""The wave planner's pages, for HR leads and org admins: plan a wave, see how it stands, re-plan the rest.

Planning shows the three methods side by side on the real offers and the product's plan with its
reasons; a person confirms it (the plan's fingerprint travels with the form, so exactly what was shown
is proposed, or nothing). Each page shows at most ``ROWS`` candidates and audits those it shows.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from nagesprek.conversations import explanations, planning, replanning, selectors, services
from nagesprek.conversations.constants import ConversationMode, ConversationStatus
from nagesprek.conversations.forms import WaveConfirmForm, WaveSelectionForm
from nagesprek.conversations.models import Wave
from nagesprek.organisations.access import actor_required

ROWS = 100  # candidates listed on a plan page; the figures count all of them
MEMBERS_PER_PAGE = 50
METHOD_LABELS = {
    planning.planner.OPTIMAL: gettext_lazy("Optimal plan (Nagesprek)"),
    planning.planner.FIRST_COME_FIRST_SERVED: gettext_lazy("First come, first served"),
    planning.planner.ROUND_ROBIN: gettext_lazy("Round robin"),
}


def _rows(plan: planning.WavePlan) -> list[dict[str, Any]]:
    """The first ROWS proposals as the table shows them, each with its reasons in words."""
    names = {p.user_id: p.user.full_name for p in plan.advisors}
    rows = []
    for planned in plan.proposals[:ROWS]:
        vacancy = planned.offer.application.vacancy
        advisor = names[planned.advisor_id]
        rows.append(
            {
                "offer": planned.offer,
                "starts_at": planned.starts_at,
                "ends_at": planned.ends_at,
                "advisor": advisor,
                "mode": ConversationMode(planned.mode).label,
                "reasons": explanations.for_staff(planned.reasons, advisor=advisor, job_family=vacancy.job_family.name),
            }
        )
    return rows


def _plan_context(plan: planning.WavePlan) -> dict[str, Any]:
    methods = [{"label": METHOD_LABELS[m.method], "figures": m} for m in plan.methods]
    load = [
        (profile.user.full_name, [m.load.get(profile.user_id, 0) for m in plan.methods]) for profile in plan.advisors
    ]
    return {
        "plan": plan,
        "methods": methods,
        "load": load,
        "rows": _rows(plan),
        "unplanned": plan.unplanned[:ROWS],
        "confirm_form": WaveConfirmForm(initial={"key": plan.fingerprint}),
    }


def _audit_shown(request: HttpRequest, plan: planning.WavePlan, summary: str) -> None:
    shown = [p.offer for p in plan.proposals[:ROWS]] + plan.unplanned[:ROWS]
    services.record_wave_viewed(actor=request.actor, targets=[(o, o.candidate_id) for o in shown], summary=summary)  # type: ignore[attr-defined]


@require_GET
@actor_required(*selectors.WAVE_ROLES)
def wave_list(request: HttpRequest) -> HttpResponse:
    waves = Paginator(selectors.list_waves_for_actor(actor=request.actor), 25).get_page(request.GET.get("page"))  # type: ignore[attr-defined]
    return render(request, "conversations/waves/list.html", {"waves": waves})


@require_http_methods(["GET", "POST"])
@actor_required(*selectors.WAVE_ROLES)
def plan(request: HttpRequest) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    now = timezone.now()
    bulks, vacancies = selectors.list_wave_choices_for_actor(actor=actor, today=timezone.localdate(now))
    data = request.POST if request.method == "POST" else (request.GET if "scope" in request.GET else None)
    form = WaveSelectionForm(data, bulks=bulks, vacancies=vacancies)
    context: dict[str, Any] = {"form": form, "bulks": bulks, "vacancies": vacancies}
    if data is None or not form.is_valid():
        return render(request, "conversations/waves/plan.html", context, status=422 if data is not None else 200)
    status, problem = 200, ""
    if request.method == "POST":
        confirm = WaveConfirmForm(request.POST)
        if not confirm.is_valid():
            status, problem = 422, _("The plan to confirm is missing. Look at the plan and confirm again.")
        else:
            try:
                wave = services.propose_wave(actor=actor, **form.selection(), expected=confirm.cleaned_data["key"])
            except services.PlanChanged as error:
                status, problem = 409, str(error)
            else:
                messages.success(request, _("The times are proposed. The candidates get an e-mail in a moment."))
                return redirect("conversations:wave", wave_id=wave.pk)
    offers = selectors.list_plannable_offers_for_actor(actor=actor, **form.selection(), today=timezone.localdate(now))
    wave_plan = planning.plan_offers(offers, organisation_id=actor.organisation.pk, now=now)
    _audit_shown(request, wave_plan, "Shown in the wave planner")
    context.update(_plan_context(wave_plan), problem=problem, selection=form.cleaned_data)
    return render(request, "conversations/waves/plan.html", context, status=status)


def _state(member: selectors.WaveMember) -> str:
    return member.conversation.status if member.conversation else "none"


@require_GET
@actor_required(*selectors.WAVE_ROLES)
def wave_detail(request: HttpRequest, wave_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    wave = selectors.get_wave_for_actor(actor=actor, wave_id=wave_id)
    members = selectors.list_wave_members(wave=wave)
    page = Paginator(members, MEMBERS_PER_PAGE).get_page(request.GET.get("page"))
    services.record_wave_viewed(
        actor=actor, targets=[(m.offer, m.offer.candidate_id) for m in page], summary=f"Shown on wave {wave.pk}"
    )
    counts: dict[str, int] = {}
    for member in members:
        counts[_state(member)] = counts.get(_state(member), 0) + 1
    states = [(label, counts.get(value, 0)) for value, label in ConversationStatus.choices if counts.get(value)]
    rest = replanning.rest_of(wave, today=timezone.localdate())
    context = {
        "wave": wave,
        "page": page,
        "states": states,
        "without_time": counts.get("none", 0),
        "rest": rest,
        "replans": list(wave.replans.select_related("confirmed_by").order_by("confirmed_at", "pk")),
        "methods": [
            {"label": METHOD_LABELS.get(m["method"], m["method"]), **m} for m in wave.figures.get("methods", [])
        ],
    }
    return render(request, "conversations/waves/detail.html", context)


@require_http_methods(["GET", "POST"])
@actor_required(*selectors.WAVE_ROLES)
def replan(request: HttpRequest, wave_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    wave: Wave = selectors.get_wave_for_actor(actor=actor, wave_id=wave_id)
    status, problem = 200, ""
    if request.method == "POST":
        confirm = WaveConfirmForm(request.POST)
        if not confirm.is_valid():
            status, problem = 422, _("The plan to confirm is missing. Look at the plan and confirm again.")
        else:
            try:
                services.replan_wave(actor=actor, wave=wave, expected=confirm.cleaned_data["key"])
            except services.PlanChanged as error:
                status, problem = 409, str(error)
            else:
                messages.success(request, _("The new times are proposed. The candidates get an e-mail in a moment."))
                return redirect("conversations:wave", wave_id=wave.pk)
    rest_plan = replanning.plan_rest(wave, now=timezone.now())
    _audit_shown(request, rest_plan, f"Shown in the re-plan of wave {wave.pk}")
    context = {"wave": wave, "problem": problem, **_plan_context(rest_plan)}
    return render(request, "conversations/waves/replan.html", context, status=status)
