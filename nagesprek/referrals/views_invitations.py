"""Talent-pool invitations: the recruiter's invite page and list, and the candidate's answer page."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from nagesprek.matching.models_log import SuggestionKind
from nagesprek.organisations.access import actor_required
from nagesprek.portal import selectors as portal_selectors
from nagesprek.portal.headers import SAME_ORIGIN, candidate_page_headers
from nagesprek.referrals import explanations, invitations, selectors
from nagesprek.referrals.constants import OVERSEEING_ROLES, RECEIVING_ROLES
from nagesprek.referrals.forms import InvitationAnswerForm, InviteForm
from nagesprek.vacancies import selectors as vacancy_selectors
from nagesprek.vacancies.form_errors import add_service_errors


@require_http_methods(["GET", "POST"])
@actor_required(*RECEIVING_ROLES)
def invite(request: HttpRequest, vacancy_id: int, candidate_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    vacancy = vacancy_selectors.get_vacancy_for_actor(actor=actor, vacancy_id=vacancy_id)
    candidate = invitations.get_invitable_candidate(actor=actor, vacancy=vacancy, candidate_id=candidate_id)
    form = InviteForm(request.POST or None, initial={"log": request.GET.get("log", "")})
    log_id = request.POST.get("log") if request.method == "POST" else request.GET.get("log")
    log, explanation = explanations.from_log(
        organisation=actor.organisation,
        log_id=log_id,
        kind=SuggestionKind.TALENT_POOL_FOR_VACANCY,
        subject_id=vacancy.pk,
        target_id=candidate.pk,
    )
    if request.method == "POST" and form.is_valid():
        try:
            invitations.invite_candidate(
                actor=actor,
                vacancy=vacancy,
                candidate=candidate,
                message=form.cleaned_data["message"],
                explanation=explanation,
                suggestion_log=log,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("%(name)s is invited to apply.") % {"name": candidate.full_name})
            return redirect("referrals:invitations", vacancy.pk)
    context = {"vacancy": vacancy, "candidate": candidate, "form": form, "explanation": explanation}
    return render(request, "referrals/invite.html", context, status=422 if form.errors else 200)


@require_GET
@actor_required(*RECEIVING_ROLES, *OVERSEEING_ROLES)
def vacancy_invitations(request: HttpRequest, vacancy_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    vacancy = vacancy_selectors.get_vacancy_for_actor(actor=actor, vacancy_id=vacancy_id)
    rows = invitations.list_invitations_for_vacancy(actor=actor, vacancy=vacancy)[:200]
    return render(request, "referrals/vacancy_invitations.html", {"vacancy": vacancy, "invitations": rows})


def _language(request: HttpRequest, default: str) -> str:
    wanted = request.GET.get("lang", "")
    language = wanted if wanted in dict(settings.LANGUAGES) else default
    translation.activate(language)
    request.LANGUAGE_CODE = language
    return language


@candidate_page_headers(SAME_ORIGIN)
@require_http_methods(["GET", "POST"])
def invitation_answer(request: HttpRequest, token: str, invitation_id: int) -> HttpResponse:
    """The candidate answers an invitation from their personal link (no account), like the consent pages."""
    try:
        link = portal_selectors.resolve_link(token=token)
    except portal_selectors.LinkError:
        return redirect("portal:page", token=token)
    candidate = link.candidate
    language = _language(request, candidate.language)
    invitation = selectors.get_invitation_for_candidate(candidate=candidate, invitation_id=invitation_id)
    if invitation is None:
        return redirect("portal:page", token=token)
    form = InvitationAnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitations.answer_invitation(
                invitation=invitation, apply=form.cleaned_data["answer"] == InvitationAnswerForm.APPLY
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect(f"{reverse('portal:page', args=[token])}?lang={language}#invitation-{invitation.pk}")
    context = {"invitation": invitation, "candidate": candidate, "organisation": candidate.organisation,
               "token": token, "form": form}  # fmt: skip
    return render(request, "referrals/invitation_answer.html", context, status=422 if form.errors else 200)
