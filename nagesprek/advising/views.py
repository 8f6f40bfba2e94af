"""The advisor's workspace: the brief of a conversation with its notes, the outcome, consent, the summary.

Every page is for the organisation's career advisors only (``constants.ADVISING_ROLES``: 403 for other
roles, 404 for another organisation's conversation). Each POST calls one service.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from nagesprek.advising import selectors, services
from nagesprek.advising.constants import ADVISING_ROLES
from nagesprek.advising.forms import NoteForm, OutcomeForm, ReferralConsentForm, SummaryForm
from nagesprek.advising.prefill import summary_prefill
from nagesprek.consents.constants import ConsentPurpose
from nagesprek.consents.wording import consent_wording
from nagesprek.conversations.constants import ConversationStatus
from nagesprek.conversations.models import Conversation
from nagesprek.organisations.access import actor_required
from nagesprek.referrals import selectors as referral_selectors
from nagesprek.referrals.forms import ReferralForm
from nagesprek.routes.models import Route
from nagesprek.vacancies.form_errors import add_service_errors


def _conversation(request: HttpRequest, conversation_id: int) -> Conversation:
    return selectors.get_conversation_for_advisor(actor=request.actor, conversation_id=conversation_id)  # type: ignore[attr-defined]


def _referral_form(conversation: Conversation, data=None, log_id: int | None = None) -> ReferralForm:
    vacancies = referral_selectors.list_vacancies_to_refer_to(candidate=conversation.candidate)
    return ReferralForm(data, vacancies=vacancies.select_related("department"), initial={"log": log_id})


def _brief_page(
    request: HttpRequest,
    conversation: Conversation,
    *,
    note_form=None,
    consent_form=None,
    referral_form=None,
    status=200,
):
    actor = request.actor  # type: ignore[attr-defined]
    brief = services.prepare_brief(actor=actor, conversation=conversation)
    language = conversation.candidate.language
    log_id = brief.suggestions.log.pk if brief.suggestions else None
    referral_form = referral_form or _referral_form(conversation, log_id=log_id)
    context = {
        "conversation": conversation,
        "brief": brief,
        "notes": list(selectors.list_notes(conversation=conversation)),
        "note_form": note_form or NoteForm(),
        "outcome": selectors.get_outcome(conversation=conversation),
        "summary": selectors.get_summary(conversation=conversation),
        "consent_form": consent_form or ReferralConsentForm(initial={"language": language}),
        "referral_wording": consent_wording(
            purpose=ConsentPurpose.REFERRAL, organisation_name=conversation.organisation.name, language=language
        ),
        "referral_form": referral_form,
        "has_vacancies": referral_form.fields["vacancy"].queryset.exists(),  # type: ignore[attr-defined]
        "referrals": list(selectors.list_referrals_from_conversation(conversation=conversation)),
    }
    return render(request, "advising/brief.html", context, status=status)


@require_GET
@actor_required(*ADVISING_ROLES)
def brief(request: HttpRequest, conversation_id: int) -> HttpResponse:
    return _brief_page(request, _conversation(request, conversation_id))


@require_POST
@actor_required(*ADVISING_ROLES)
def note_add(request: HttpRequest, conversation_id: int) -> HttpResponse:
    conversation = _conversation(request, conversation_id)
    form = NoteForm(request.POST)
    if form.is_valid():
        try:
            services.add_note(actor=request.actor, conversation=conversation, text=form.cleaned_data["text"])  # type: ignore[attr-defined]
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Note saved."))
            return redirect(reverse("advising:brief", args=[conversation.pk]) + "#notes")
    return _brief_page(request, conversation, note_form=form, status=400)


@require_http_methods(["GET", "POST"])
@actor_required(*ADVISING_ROLES)
def note_edit(request: HttpRequest, note_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    note = selectors.get_note_for_advisor(actor=actor, note_id=note_id)
    if note.author_id != actor.user.pk:
        messages.error(request, _("Only the advisor who wrote a note can change it."))
        return redirect(reverse("advising:brief", args=[note.conversation_id]) + "#notes")
    form = NoteForm(request.POST or None, initial={"text": note.text})
    if request.method == "POST" and form.is_valid():
        try:
            services.update_note(actor=actor, note=note, text=form.cleaned_data["text"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Note saved."))
            return redirect(reverse("advising:brief", args=[note.conversation_id]) + "#notes")
    context = {"note": note, "conversation": note.conversation, "form": form}
    return render(request, "advising/note_edit.html", context, status=400 if form.errors else 200)


def _outcome_routes(conversation: Conversation, outcome) -> list[Route]:
    routes = list(Route.objects.filter(organisation_id=conversation.organisation_id, is_active=True))
    chosen = list(outcome.routes.all()) if outcome is not None else []
    return routes + [r for r in chosen if not r.is_active]  # a route chosen before it was switched off stays


@require_http_methods(["GET", "POST"])
@actor_required(*ADVISING_ROLES)
def outcome(request: HttpRequest, conversation_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    conversation = _conversation(request, conversation_id)
    current = selectors.get_outcome(conversation=conversation)
    initial: dict[str, object] = {"held": conversation.status == ConversationStatus.HELD}
    if current is not None:
        initial |= {"advice": current.advice, "routes": [r.pk for r in current.routes.all()]}
        initial["follow_up_on"] = current.follow_up_on
    form = OutcomeForm(request.POST or None, routes=_outcome_routes(conversation, current), initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.record_outcome(
                actor=actor, conversation=conversation, advice=data["advice"], routes=data["routes"],
                follow_up_on=data["follow_up_on"], held=data["held"],
            )  # fmt: skip
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Outcome saved."))
            return redirect(reverse("advising:brief", args=[conversation.pk]) + "#outcome")
    context = {"conversation": conversation, "form": form, "outcome": current}
    return render(request, "advising/outcome.html", context, status=400 if form.errors else 200)


@require_POST
@actor_required(*ADVISING_ROLES)
def referral_consent(request: HttpRequest, conversation_id: int) -> HttpResponse:
    conversation = _conversation(request, conversation_id)
    form = ReferralConsentForm(request.POST)
    if not form.is_valid():
        return _brief_page(request, conversation, consent_form=form, status=400)
    services.record_referral_consent(
        actor=request.actor,  # type: ignore[attr-defined]
        conversation=conversation,
        language=form.cleaned_data["language"],
    )
    messages.success(request, _("The candidate's permission is recorded. You can refer them now."))
    return redirect(reverse("advising:brief", args=[conversation.pk]) + "#referrals")


@require_POST
@actor_required(*ADVISING_ROLES)
def refer(request: HttpRequest, conversation_id: int) -> HttpResponse:
    conversation = _conversation(request, conversation_id)
    form = _referral_form(conversation, request.POST)
    if form.is_valid():
        vacancy = form.cleaned_data["vacancy"]
        try:
            services.refer_from_conversation(
                actor=request.actor,  # type: ignore[attr-defined]
                conversation=conversation, vacancy=vacancy, note=form.cleaned_data["note"],
                suggestion_log_id=form.cleaned_data["log"],
            )  # fmt: skip
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Referral sent to the recruiters of %(vacancy)s.") % {"vacancy": vacancy.title})
            return redirect(reverse("advising:brief", args=[conversation.pk]) + "#referrals")
    return _brief_page(request, conversation, referral_form=form, status=400)


@require_http_methods(["GET", "POST"])
@actor_required(*ADVISING_ROLES)
def summary(request: HttpRequest, conversation_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    conversation = _conversation(request, conversation_id)
    current = selectors.get_summary(conversation=conversation)
    if current is not None and current.is_sent:
        return render(request, "advising/summary.html", {"conversation": conversation, "summary": current})
    can_send = conversation.status == ConversationStatus.HELD
    language = request.GET.get("language") or (current.language if current else conversation.candidate.language)
    fresh = current is None or request.GET.get("fresh") == "1"
    text = summary_prefill(conversation=conversation, language=language) if fresh else current.text  # type: ignore[union-attr]
    form = SummaryForm(request.POST or None, initial={"language": language, "text": text})
    if request.method == "POST" and form.is_valid():
        try:
            services.save_summary(
                actor=actor, conversation=conversation, text=form.cleaned_data["text"],
                language=form.cleaned_data["language"],
            )  # fmt: skip
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Draft saved. Read it once more below, then send it."))
            return redirect(reverse("advising:summary", args=[conversation.pk]) + "#review")
    context = {
        "conversation": conversation,
        "summary": current,
        "form": form,
        "language": language,
        "can_send": can_send,
    }
    return render(request, "advising/summary.html", context, status=400 if form.errors else 200)


@require_POST
@actor_required(*ADVISING_ROLES)
def summary_send(request: HttpRequest, conversation_id: int) -> HttpResponse:
    conversation = _conversation(request, conversation_id)
    current = selectors.get_summary(conversation=conversation)
    if current is None:
        messages.error(request, _("Save the summary first, then read it before you send it."))
        return redirect("advising:summary", conversation.pk)
    try:
        services.send_summary(actor=request.actor, summary=current)  # type: ignore[attr-defined]
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("advising:summary", conversation.pk)
    messages.success(request, _("The summary is sent. The candidate can also read it on their own page."))
    return redirect(reverse("advising:brief", args=[conversation.pk]) + "#summary")


@require_POST
@actor_required(*ADVISING_ROLES)
def follow_up_done(request: HttpRequest, outcome_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    outcome = selectors.get_outcome_for_advisor(actor=actor, outcome_id=outcome_id)
    services.complete_follow_up(actor=actor, outcome=outcome)
    messages.success(request, _("Follow-up marked as done."))
    return redirect("dashboards:home")
