"""Referral pages: the list (a recruiter's inbox, an advisor's referrals), one referral, and the answers."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from nagesprek.candidates import selectors as candidate_selectors
from nagesprek.consents import selectors as consent_selectors
from nagesprek.consents.constants import ConsentPurpose
from nagesprek.organisations.access import actor_required
from nagesprek.referrals import hires, selectors, services
from nagesprek.referrals.constants import (
    RECEIVING_ROLES,
    REFERRAL_ROLES,
    REFERRING_ROLES,
    WithdrawalCause,
)
from nagesprek.referrals.forms import AcceptForm, DeclineForm, ReferralFilterForm
from nagesprek.vacancies.form_errors import add_service_errors

PAGE_SIZE = 25


@require_GET
@actor_required(*REFERRAL_ROLES)
def referral_list(request: HttpRequest) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    filters = ReferralFilterForm(request.GET or None)
    status = filters.cleaned_data["status"] if filters.is_valid() else ""
    referrals = selectors.list_referrals_for_actor(actor=actor, status=status)
    page = Paginator(referrals, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "filters": filters,
        "page": page,
        "is_recruiter": actor.has_role(*RECEIVING_ROLES),
        "is_advisor": actor.has_role(*REFERRING_ROLES),
    }
    return render(request, "referrals/referral_list.html", context)


def _detail_context(request: HttpRequest, referral, accept_form=None, decline_form=None) -> dict:
    actor = request.actor  # type: ignore[attr-defined]
    may_answer = selectors.can_answer(actor=actor, referral=referral)
    stages = selectors.list_stages_for_acceptance(referral=referral)
    return {
        "referral": referral,
        "candidate": candidate_selectors.get_profile(candidate=referral.candidate),
        "may_answer": may_answer,
        "may_withdraw": referral.advisor_id == actor.user.pk and referral.is_pending,
        "today": timezone.localdate(),
        "has_consent": consent_selectors.has_valid_consent(
            candidate=referral.candidate, purpose=ConsentPurpose.REFERRAL
        ),
        "accept_form": accept_form or AcceptForm(stages=stages, initial={"stage": stages.first()}),
        "decline_form": decline_form or DeclineForm(),
    }


@require_GET
@actor_required(*REFERRAL_ROLES)
def referral_detail(request: HttpRequest, referral_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    referral = selectors.get_referral_for_actor(actor=actor, referral_id=referral_id)
    services.record_referral_viewed(actor=actor, referral=referral)
    return render(request, "referrals/referral_detail.html", _detail_context(request, referral))


@require_POST
@actor_required(*RECEIVING_ROLES)
def referral_accept(request: HttpRequest, referral_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    referral = selectors.get_referral_for_actor(actor=actor, referral_id=referral_id)
    form = AcceptForm(request.POST, stages=selectors.list_stages_for_acceptance(referral=referral))
    if form.is_valid():
        try:
            referral = services.accept_referral(
                actor=actor, referral=referral, stage=form.cleaned_data["stage"], note=form.cleaned_data["note"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Referral accepted: the application has started."))
            return redirect("applications:detail", referral.application_id)
    context = _detail_context(request, referral, accept_form=form)
    return render(request, "referrals/referral_detail.html", context, status=422)


@require_POST
@actor_required(*RECEIVING_ROLES)
def referral_decline(request: HttpRequest, referral_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    referral = selectors.get_referral_for_actor(actor=actor, referral_id=referral_id)
    form = DeclineForm(request.POST)
    if form.is_valid():
        try:
            services.decline_referral(actor=actor, referral=referral, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Referral declined. The advisor and the candidate can read your reason."))
            return redirect("referrals:detail", referral.pk)
    context = _detail_context(request, referral, decline_form=form)
    return render(request, "referrals/referral_detail.html", context, status=422)


@require_POST
@actor_required(*REFERRING_ROLES)
def referral_withdraw(request: HttpRequest, referral_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    referral = selectors.get_referral_for_actor(actor=actor, referral_id=referral_id)
    services.withdraw_referral(actor=actor, referral=referral, cause=WithdrawalCause.ADVISOR)
    messages.success(request, _("Referral withdrawn."))
    return redirect("referrals:detail", referral.pk)


@require_GET
@actor_required(*hires.HIRE_ROLES)
def hired_after_rejection(request: HttpRequest) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    found = hires.list_hires_after_rejection_for_actor(actor=actor)
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page": page, "paths": hires.paths_for(page.object_list)}
    return render(request, "referrals/hired_after_rejection.html", context)
