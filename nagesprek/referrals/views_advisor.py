"""The advisor's side: rejected candidates, recording their consent from a conversation, and referring.

Until the advisor's workspace exists these pages are the way in; it will link to ``referrals:new``
and ``referrals:consent`` from its conversation pages.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from nagesprek.consents import selectors as consent_selectors
from nagesprek.consents import services as consent_services
from nagesprek.consents.constants import ConsentPurpose
from nagesprek.consents.wording import consent_wording
from nagesprek.matching import services as matching_services
from nagesprek.matching.models_log import Audience, SuggestionKind
from nagesprek.organisations.access import actor_required
from nagesprek.referrals import explanations, selectors, services
from nagesprek.referrals.constants import REFERRING_ROLES
from nagesprek.referrals.forms import CandidateSearchForm, ConversationConsentForm, ReferralForm
from nagesprek.vacancies.form_errors import add_service_errors

PAGE_SIZE = 25


@require_GET
@actor_required(*REFERRING_ROLES)
def rejected_candidates(request: HttpRequest) -> HttpResponse:
    search = CandidateSearchForm(request.GET or None)
    query = search.cleaned_data["q"] if search.is_valid() else ""
    applications = selectors.list_rejected_applications_for_advisor(actor=request.actor, query=query)  # type: ignore[attr-defined]
    page = Paginator(applications, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "referrals/rejected_candidates.html", {"search": search, "page": page})


def _wordings(candidate) -> dict[str, str]:
    name, language = candidate.organisation.name, candidate.language
    return {
        purpose: consent_wording(purpose=purpose, organisation_name=name, language=language)
        for purpose in (ConsentPurpose.TALENT_POOL, ConsentPurpose.REFERRAL)
    }


@require_http_methods(["GET", "POST"])
@actor_required(*REFERRING_ROLES)
def conversation_consent(request: HttpRequest, application_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    application = selectors.get_rejected_application_for_advisor(actor=actor, application_id=application_id)
    candidate = application.candidate
    form = ConversationConsentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        consent_services.record_consent_answers(actor=actor, candidate=candidate, answers=form.answers())
        messages.success(request, _("The candidate's answers are recorded."))
        return redirect("referrals:new", application.pk)
    context = {
        "application": application,
        "candidate": candidate,
        "form": form,
        "wordings": _wordings(candidate),
        "talent_pool": consent_selectors.current_consent(candidate=candidate, purpose=ConsentPurpose.TALENT_POOL),
        "referral": consent_selectors.current_consent(candidate=candidate, purpose=ConsentPurpose.REFERRAL),
    }
    return render(request, "referrals/conversation_consent.html", context, status=422 if form.errors else 200)


@require_http_methods(["GET", "POST"])
@actor_required(*REFERRING_ROLES)
def referral_new(request: HttpRequest, application_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    application = selectors.get_rejected_application_for_advisor(actor=actor, application_id=application_id)
    candidate = application.candidate
    vacancies = selectors.list_vacancies_to_refer_to(candidate=candidate)
    form = ReferralForm(request.POST or None, vacancies=vacancies)
    if request.method == "POST" and form.is_valid():
        vacancy = form.cleaned_data["vacancy"]
        log, explanation = explanations.from_log(
            organisation=actor.organisation,
            log_id=form.cleaned_data["log"],
            kind=SuggestionKind.VACANCIES_FOR_CANDIDATE,
            subject_id=application.pk,
            target_id=vacancy.pk,
        )
        try:
            referral = services.refer_candidate(
                actor=actor,
                candidate=candidate,
                vacancy=vacancy,
                note=form.cleaned_data["note"],
                explanation=explanation,
                suggestion_log=log,
                origin_application=application,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Referral sent to the recruiters of %(vacancy)s.") % {"vacancy": vacancy.title})
            return redirect("referrals:detail", referral.pk)
    may_refer = consent_selectors.has_valid_consent(candidate=candidate, purpose=ConsentPurpose.REFERRAL)
    suggestions = None
    if may_refer:
        suggestions = matching_services.suggest_vacancies_for_application(
            actor=actor, application=application, audience=Audience.STAFF
        )
        form.initial["log"] = suggestions.log.pk
    context = {
        "application": application,
        "candidate": candidate,
        "form": form,
        "may_refer": may_refer,
        "suggestions": suggestions.items if suggestions else [],
        "has_vacancies": vacancies.exists(),
    }
    return render(request, "referrals/referral_new.html", context, status=422 if form.errors else 200)
