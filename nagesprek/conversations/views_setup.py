"""Setting up conversations: the policy (organisation, vacancy) and the advisors' profiles, hours and exceptions."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from nagesprek.conversations import selectors, services
from nagesprek.conversations.forms import AbsenceForm, HoursForm, NewProfileForm, PolicyForm, ProfileForm
from nagesprek.conversations.models import AdvisorProfile
from nagesprek.organisations.access import actor_required
from nagesprek.organisations.constants import Role
from nagesprek.vacancies.form_errors import add_service_errors
from nagesprek.vacancies.models import JobFamily

PROFILE_ROLES = (Role.ORG_ADMIN, Role.ADVISOR)


def _policy_initial(values: selectors.PolicyValues) -> dict:
    return {"offer_to": values.offer_to, "deadline_working_days": values.deadline_working_days, "modes": values.modes}


@require_http_methods(["GET", "POST"])
@actor_required(*selectors.POLICY_ROLES)
def policy(request: HttpRequest) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    selectors.get_policy_for_actor(actor=actor)  # the access rule
    current = selectors.effective_policy(organisation=actor.organisation)
    form = PolicyForm(request.POST or None, initial=_policy_initial(current))
    if request.method == "POST" and form.is_valid():
        try:
            services.save_policy(actor=actor, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The conversation policy is saved. It applies to letters sent from now on."))
            return redirect("conversations:policy")
    context = {"form": form, "current": current, "vacancy": None}
    return render(request, "conversations/policy.html", context, status=422 if form.errors else 200)


@require_http_methods(["GET", "POST"])
@actor_required(*selectors.VACANCY_POLICY_ROLES)
def vacancy_policy(request: HttpRequest, vacancy_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    vacancy = selectors.get_vacancy_for_policy(actor=actor, vacancy_id=vacancy_id)
    own = selectors.get_vacancy_policy(vacancy=vacancy)
    current = selectors.effective_policy(organisation=actor.organisation, vacancy=vacancy)
    form = PolicyForm(request.POST or None, initial=_policy_initial(current))
    if request.method == "POST" and request.POST.get("action") == "clear":
        services.clear_vacancy_policy(actor=actor, vacancy=vacancy)
        messages.success(request, _("This vacancy follows the organisation's policy again."))
        return redirect("conversations:vacancy_policy", vacancy_id=vacancy.pk)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_policy(actor=actor, vacancy=vacancy, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The conversation policy of this vacancy is saved."))
            return redirect("conversations:vacancy_policy", vacancy_id=vacancy.pk)
    context = {"form": form, "current": current, "vacancy": vacancy, "own": own}
    return render(request, "conversations/policy.html", context, status=422 if form.errors else 200)


@require_http_methods(["GET"])
@actor_required(*PROFILE_ROLES)
def advisor_list(request: HttpRequest) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    profiles = list(selectors.list_advisor_profiles_for_actor(actor=actor))
    if not selectors.can_manage_advisors(actor):
        if profiles:
            return redirect("conversations:advisor_edit", profile_id=profiles[0].pk)
        return render(request, "conversations/advisor_list.html", {"profiles": [], "can_manage": False})
    context = {
        "profiles": profiles,
        "can_manage": True,
        "without_profile": selectors.list_advisor_candidates_for_actor(actor=actor),
    }
    return render(request, "conversations/advisor_list.html", context)


def _profile_data(form: ProfileForm) -> services.ProfileData:
    data = form.cleaned_data
    return services.ProfileData(
        job_families=list(data["job_families"]),
        languages=data["languages"],
        modes=data["modes"],
        location=data["location"],
        max_per_day=data["max_per_day"],
        conversation_minutes=data["conversation_minutes"],
        is_active=data["is_active"],
    )


@require_http_methods(["GET", "POST"])
@actor_required(Role.ORG_ADMIN)
def advisor_create(request: HttpRequest) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    advisors = selectors.list_advisor_candidates_for_actor(actor=actor)
    families = JobFamily.objects.filter(organisation=actor.organisation)
    initial = {"languages": ["nl"], "modes": ["video", "phone"], "conversation_minutes": 45, "is_active": True}
    form = NewProfileForm(request.POST or None, advisors=advisors, job_families=families, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            profile = services.save_advisor_profile(
                actor=actor, user=form.cleaned_data["user"], data=_profile_data(form)
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Profile saved. Now set the working hours."))
            return redirect("conversations:advisor_hours", profile_id=profile.pk)
    return render(request, "conversations/advisor_form.html", {"form": form, "profile": None}, status=_status(form))


def _status(form) -> int:
    return 422 if form.errors else 200


def _profile(request: HttpRequest, profile_id: int) -> AdvisorProfile:
    return selectors.get_advisor_profile_for_actor(actor=request.actor, profile_id=profile_id)  # type: ignore[attr-defined]


def _families(actor):
    return JobFamily.objects.filter(organisation=actor.organisation)


def _profile_initial(profile: AdvisorProfile) -> dict:
    return {
        "job_families": list(profile.job_families.all()), "languages": profile.languages, "modes": profile.modes,
        "location": profile.location, "conversation_minutes": profile.conversation_minutes,
        "max_per_day": profile.max_per_day, "is_active": profile.is_active,
    }  # fmt: skip


@require_http_methods(["GET", "POST"])
@actor_required(*PROFILE_ROLES)
def advisor_edit(request: HttpRequest, profile_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    profile = _profile(request, profile_id)
    form = ProfileForm(request.POST or None, job_families=_families(actor), initial=_profile_initial(profile))
    if request.method == "POST" and form.is_valid():
        try:
            services.save_advisor_profile(actor=actor, profile=profile, data=_profile_data(form))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Profile saved."))
            return redirect("conversations:advisor_edit", profile_id=profile.pk)
    context = {
        "form": form, "profile": profile, "hours": profile.working_hours.all(), "absences": profile.absences.all(),
        "absence_form": AbsenceForm(initial={"kind": "out_of_office"}),
    }  # fmt: skip
    return render(request, "conversations/advisor_form.html", context, status=_status(form))


@require_http_methods(["GET", "POST"])
@actor_required(*PROFILE_ROLES)
def advisor_hours(request: HttpRequest, profile_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    profile = _profile(request, profile_id)
    form = HoursForm(request.POST or None, initial=HoursForm.initial_for(profile.working_hours.all()))
    if request.method == "POST" and form.is_valid():
        try:
            services.set_working_hours(actor=actor, profile=profile, periods=form.cleaned_data["periods"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Working hours saved."))
            return redirect("conversations:advisor_edit", profile_id=profile.pk)
    return render(request, "conversations/advisor_hours.html", {"form": form, "profile": profile}, status=_status(form))


@require_POST
@actor_required(*PROFILE_ROLES)
def absence_add(request: HttpRequest, profile_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    profile = _profile(request, profile_id)
    form = AbsenceForm(request.POST)
    if form.is_valid():
        try:
            services.add_absence(actor=actor, profile=profile, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Exception added."))
            return redirect("conversations:advisor_edit", profile_id=profile.pk)
    context = {
        "form": ProfileForm(job_families=_families(actor), initial=_profile_initial(profile)), "profile": profile,
        "hours": profile.working_hours.all(), "absences": profile.absences.all(), "absence_form": form,
    }  # fmt: skip
    return render(request, "conversations/advisor_form.html", context, status=422)


@require_POST
@actor_required(*PROFILE_ROLES)
def absence_remove(request: HttpRequest, profile_id: int, absence_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    profile = _profile(request, profile_id)
    absence = profile.absences.filter(pk=absence_id).first()
    if absence is None:
        raise Http404
    services.remove_absence(actor=actor, absence=absence)
    messages.success(request, _("Exception removed."))
    return redirect("conversations:advisor_edit", profile_id=profile.pk)
