"""Rejection pages: start, edit (reasons formset + the gate), read, four-eyes review, and the gate rules."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from nagesprek.matching import page as matching_page
from nagesprek.organisations.access import actor_required
from nagesprek.rejections import gate, selectors, services
from nagesprek.rejections.constants import Outcome, RejectionStatus
from nagesprek.rejections.forms import (
    BoilerplatePhraseForm,
    GateSampleForm,
    LetterForm,
    ProtectedGroundForm,
    ReasonFormSet,
    ReviewForm,
    StartForm,
    target_choices,
    target_value,
)
from nagesprek.rejections.models import Rejection

REVIEW_PAGE_SIZE = 20


def _preview_url(rejection: Rejection) -> str:
    # The preview belongs to the letters app (part C); until it exists there is simply no link.
    try:
        return reverse("letters:preview", args=[rejection.pk])
    except NoReverseMatch:
        return ""


@require_http_methods(["GET", "POST"])
@actor_required(*selectors.DECIDER_ROLES)
def rejection_start(request: HttpRequest, application_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    application = selectors.get_application_to_reject(actor=actor, application_id=application_id)
    existing = selectors.get_rejection_for_application(application=application)
    if existing is not None and existing.status != RejectionStatus.DRAFT:
        return redirect("rejections:detail", existing.pk)
    form = StartForm(request.POST or None, initial={"outcome": existing.outcome if existing else Outcome.REJECTED})
    if request.method == "POST" and form.is_valid():
        try:
            rejection = services.start_rejection(
                actor=actor, application=application, outcome=form.cleaned_data["outcome"]
            )
        except services.RejectionError as error:
            messages.error(request, str(error))
            return redirect("applications:detail", application.pk)
        if rejection.outcome == Outcome.REJECTED and not rejection.reasons.exists():
            messages.warning(
                request,
                _(
                    "The record does not show a reason the system can draft (no unmet must-have, no low rating). "
                    "Write the reason yourself and link it to a requirement or criterion."
                ),
            )
        return redirect("rejections:edit", rejection.pk)
    return render(
        request, "rejections/rejection_start.html", {"application": application, "form": form, "existing": existing}
    )


def _initial_reasons(rejection: Rejection) -> list[dict]:
    return [
        {
            "reason_id": reason.pk,
            "target": target_value(reason.requirement_id, reason.criterion_id),
            "explanation": reason.explanation,
        }
        for reason in rejection.reasons.all()
    ]


def _with_one_more_form(data):
    data = data.copy()
    raw = data.get("reasons-TOTAL_FORMS") or "0"
    total = int(raw) if raw.isdigit() else 0  # a tampered form gets the formset's own error, not a crash
    data["reasons-TOTAL_FORMS"] = str(min(total + 1, ReasonFormSet.max_num))
    return data


@require_http_methods(["GET", "POST"])
@actor_required(*selectors.DECIDER_ROLES)
def rejection_edit(request: HttpRequest, rejection_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    rejection = selectors.get_rejection_for_actor(actor=actor, rejection_id=rejection_id)
    if rejection.status != RejectionStatus.DRAFT:
        return redirect("rejections:detail", rejection.pk)
    requirements, criteria = selectors.targets_for_rejection(rejection=rejection)
    form_kwargs = {"targets": target_choices(requirements, criteria)}
    if request.method == "POST" and request.POST.get("action") == "add":
        formset = ReasonFormSet(_with_one_more_form(request.POST), prefix="reasons", form_kwargs=form_kwargs)
        letter = LetterForm(request.POST, prefix="letter")
        return _render_edit(request, rejection, formset, letter, [])
    if request.method == "POST":
        formset = ReasonFormSet(request.POST, prefix="reasons", form_kwargs=form_kwargs)
        letter = LetterForm(request.POST, prefix="letter")
        if formset.is_valid() and letter.is_valid():
            return _save_or_submit(request, actor, rejection, formset, letter)
        return _render_edit(request, rejection, formset, letter, [])
    services.record_rejection_viewed(actor=actor, rejection=rejection)
    initial = _initial_reasons(rejection) if rejection.outcome == Outcome.REJECTED else []
    formset = ReasonFormSet(prefix="reasons", initial=initial, form_kwargs=form_kwargs)
    letter = LetterForm(
        prefix="letter",
        initial={
            "personal_note": rejection.personal_note,
            "language": rejection.language,
            "when": "later" if rejection.send_at else "now",
            "send_at": rejection.send_at,
        },
    )
    return _render_edit(request, rejection, formset, letter, [])


def _reason_forms(formset) -> list:
    """The forms that hold a reason, in order: problem N of the gate belongs to the N-th of these."""
    return [form for form in formset.forms if form.reason_input() is not None]


def _save_or_submit(request, actor, rejection, formset, letter) -> HttpResponse:
    forms_with_reasons = _reason_forms(formset) if rejection.outcome == Outcome.REJECTED else []
    reasons = [form.reason_input() for form in forms_with_reasons]
    action = request.POST.get("action", "save")
    try:
        if action == "submit":
            services.save_and_submit_rejection(
                actor=actor,
                rejection=rejection,
                reasons=reasons,
                personal_note=letter.cleaned_data["personal_note"],
                language=letter.cleaned_data["language"],
                send_at=letter.cleaned_data["send_at"],
            )
        else:
            services.save_reasons(
                actor=actor,
                rejection=rejection,
                reasons=reasons,
                personal_note=letter.cleaned_data["personal_note"],
                language=letter.cleaned_data["language"],
            )
    except services.GateRefused as refused:
        return _render_edit(request, rejection, formset, letter, refused.problems, reason_forms=forms_with_reasons)
    except (services.RejectionError, ValidationError) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        return _render_edit(request, rejection, formset, letter, [])
    if action == "submit":
        messages.success(request, _("The rejection has been submitted."))
        return redirect("applications:detail", rejection.application_id)
    if action == "preview" and _preview_url(rejection):
        return redirect(_preview_url(rejection))
    messages.success(request, _("The draft has been saved."))
    return redirect("rejections:edit", rejection.pk)


def _problem_items(problems, reason_forms, formset, letter) -> list[dict]:
    """Each gate problem with the id of the field it is about, for the error summary's links."""
    items = []
    for problem in problems:
        if problem.field == "personal_note":
            anchor = letter["personal_note"].auto_id
        elif problem.reason_index is not None and problem.reason_index < len(reason_forms):
            anchor = reason_forms[problem.reason_index]["explanation"].auto_id
            reason_forms[problem.reason_index].gate_problems.append(problem.message)
        else:
            anchor = formset.forms[0]["target"].auto_id if formset.forms else "reasons"
        items.append({"message": problem.message, "anchor": anchor})
    return items


def _render_edit(request, rejection, formset, letter, problems, *, reason_forms=()) -> HttpResponse:
    evidence = {reason.pk: reason.evidence for reason in rejection.reasons.all()}
    for form in formset.forms:
        form.gate_problems = []
        reason_id = form["reason_id"].value()
        form.evidence = evidence.get(int(reason_id)) if str(reason_id or "").isdigit() else ""
    context = {
        "rejection": rejection,
        "application": rejection.application,
        "formset": formset,
        "letter": letter,
        "problems": _problem_items(problems, list(reason_forms), formset, letter),
        "preview_url": _preview_url(rejection),
        "needs_reasons": rejection.outcome == Outcome.REJECTED,
        **_suggestions(request, rejection),
    }
    return render(request, "rejections/rejection_form.html", context, status=422 if problems else 200)


def _suggestions(request: HttpRequest, rejection: Rejection) -> dict:
    """Other vacancies that fit a rejected candidate, shown on the rejection screen (issue 4; logged there)."""
    if rejection.outcome != Outcome.REJECTED:
        return {"fitting": None}  # a candidate who withdrew chose to go
    return matching_page.rejection_context(actor=request.actor, application=rejection.application)  # type: ignore[attr-defined]


@require_GET
@actor_required(*selectors.VIEW_ROLES)
def rejection_detail(request: HttpRequest, rejection_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    rejection = selectors.get_rejection_for_actor(actor=actor, rejection_id=rejection_id)
    services.record_rejection_viewed(actor=actor, rejection=rejection)
    context = {
        "rejection": rejection,
        "application": rejection.application,
        "can_edit": rejection.status == RejectionStatus.DRAFT and actor.has_role(*selectors.DECIDER_ROLES),
        "preview_url": _preview_url(rejection),
        **_suggestions(request, rejection),
    }
    return render(request, "rejections/rejection_detail.html", context)


@require_GET
@actor_required(*selectors.REVIEWER_ROLES)
def review_queue(request: HttpRequest) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    pending = selectors.list_rejections_for_review(actor=actor)
    page = Paginator(pending, REVIEW_PAGE_SIZE).get_page(request.GET.get("page"))
    items = [
        {
            "rejection": rejection,
            "own": rejection.decided_by_id == actor.user.pk,
            "form": ReviewForm(prefix=f"review-{rejection.pk}"),
            "preview_url": _preview_url(rejection),
        }
        for rejection in page.object_list
    ]
    return render(request, "rejections/review_queue.html", {"page": page, "items": items})


def _review(request: HttpRequest, rejection_id: int, *, approve: bool) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    rejection = selectors.get_rejection_for_actor(actor=actor, rejection_id=rejection_id)
    form = ReviewForm(request.POST, prefix=f"review-{rejection.pk}")
    note = form.cleaned_data["note"] if form.is_valid() else ""
    name = rejection.application.candidate.full_name
    try:
        if approve:
            services.approve_rejection(actor=actor, rejection=rejection, note=note)
            messages.success(request, _("Approved: the letter to %(name)s is scheduled.") % {"name": name})
        else:
            services.return_rejection(actor=actor, rejection=rejection, note=note)
            messages.success(request, _("Returned to the recruiter: the rejection of %(name)s.") % {"name": name})
    except services.GateRefused as refused:
        for problem in refused.problems:
            messages.error(request, problem.message)
    except services.RejectionError as error:
        messages.error(request, str(error))
    return redirect("rejections:review")


@require_POST
@actor_required(*selectors.REVIEWER_ROLES)
def rejection_approve(request: HttpRequest, rejection_id: int) -> HttpResponse:
    return _review(request, rejection_id, approve=True)


@require_POST
@actor_required(*selectors.REVIEWER_ROLES)
def rejection_return(request: HttpRequest, rejection_id: int) -> HttpResponse:
    return _review(request, rejection_id, approve=False)


# --- Gate rules (organisation admins) ---


@require_GET
@actor_required(*selectors.RULES_ROLES)
def gate_rules(request: HttpRequest) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    grounds, phrases = selectors.list_gate_rules_for_actor(actor=actor)
    sample_form = GateSampleForm(request.GET or None)
    sample_problems = None
    if sample_form.is_valid() and sample_form.cleaned_data["sample"].strip():
        rules = selectors.load_gate_rules(organisation=actor.organisation)
        text = gate.ReasonText(sample_form.cleaned_data["sample"], requirement_id=0)
        sample_problems = gate.check([text], rules)
    context = {
        "grounds": grounds,
        "phrases": phrases,
        "phrase_form": BoilerplatePhraseForm(),
        "sample_form": sample_form,
        "sample_problems": sample_problems,
    }
    return render(request, "rejections/gate_rules.html", context)


@require_http_methods(["GET", "POST"])
@actor_required(*selectors.RULES_ROLES)
def ground_edit(request: HttpRequest, ground_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    ground = selectors.get_protected_ground_for_actor(actor=actor, ground_id=ground_id)
    form = ProtectedGroundForm(request.POST or None, instance=ground)
    if request.method == "POST" and form.is_valid():
        services.update_protected_ground(actor=actor, ground=ground, **form.cleaned_data)
        messages.success(request, _("The rules for %(ground)s have been saved.") % {"ground": ground})
        return redirect("rejections:rules")
    return render(request, "rejections/ground_form.html", {"ground": ground, "form": form})


@require_POST
@actor_required(*selectors.RULES_ROLES)
def phrase_add(request: HttpRequest) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    form = BoilerplatePhraseForm(request.POST)
    if form.is_valid():
        services.add_boilerplate_phrase(actor=actor, phrase=form.cleaned_data["phrase"])
        messages.success(request, _("The stock phrase has been added."))
    else:
        messages.error(request, " ".join(str(error) for error in form.errors.get("phrase", [])))
    return redirect("rejections:rules")


@require_POST
@actor_required(*selectors.RULES_ROLES)
def phrase_delete(request: HttpRequest, phrase_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    phrase = selectors.get_boilerplate_phrase_for_actor(actor=actor, phrase_id=phrase_id)
    services.delete_boilerplate_phrase(actor=actor, phrase=phrase)
    messages.success(request, _("The stock phrase has been removed."))
    return redirect("rejections:rules")


@require_POST
@actor_required(*selectors.RULES_ROLES)
def rules_install(request: HttpRequest) -> HttpResponse:
    grounds, phrases = services.install_gate_rules(actor=request.actor)  # type: ignore[attr-defined]
    messages.success(
        request,
        _("Added %(grounds)s protected grounds and %(phrases)s stock phrases.")
        % {"grounds": grounds, "phrases": phrases},
    )
    return redirect("rejections:rules")
