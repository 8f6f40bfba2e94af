from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from nagesprek.applications import selectors as application_selectors
from nagesprek.candidates import forms, selectors, services
from nagesprek.candidates.models import Candidate
from nagesprek.organisations.access import actor_required
from nagesprek.vacancies import selectors as vacancy_selectors
from nagesprek.vacancies.form_errors import add_service_errors


@actor_required(*selectors.CANDIDATE_EDIT_ROLES)
def add_application(request: HttpRequest, vacancy_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    vacancy = vacancy_selectors.get_vacancy_for_actor(actor=actor, vacancy_id=vacancy_id)
    form = forms.ApplicationEntryForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            application = services.register_application(
                organisation=actor.organisation, vacancy=vacancy, by=actor.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The application has been added."))
            return redirect("applications:detail", application.pk)
    return render(request, "candidates/application_form.html", {"vacancy": vacancy, "form": form})


@actor_required(*selectors.CANDIDATE_EDIT_ROLES)
def profile_edit(request: HttpRequest, candidate_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    candidate = selectors.get_candidate_for_editor(actor=actor, candidate_id=candidate_id)
    profile = forms.ProfileForms(candidate, request.POST or None, request.FILES or None)
    if request.method != "POST":
        services.record_candidate_viewed(actor=actor, candidate=candidate, what=_("Profile"))
    elif profile.is_valid():
        try:
            services.update_candidate_profile(
                actor=actor,
                candidate=candidate,
                details=profile.details.details(),
                profile=profile.profile(),
                cv_file=profile.details.cleaned_data.get("cv_file") or None,
            )
        except ValidationError as error:
            add_service_errors(profile.details, error)
        else:
            messages.success(request, _("The profile has been saved."))
            return redirect(_back_to(request, candidate))
    return render(request, "candidates/profile_form.html", {"candidate": candidate, "profile": profile})


def _back_to(request: HttpRequest, candidate: Candidate) -> str:
    """Back to the application the recruiter came from, if it is this candidate's; else the profile."""
    wanted = request.GET.get("application", "")
    for application in candidate.applications.all():
        if str(application.pk) == wanted:
            return reverse("applications:detail", args=[application.pk])
    return request.path


@actor_required(*application_selectors.APPLICATION_ROLES)
@require_GET
def cv_download(request: HttpRequest, candidate_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    candidate = selectors.get_candidate_for_actor(actor=actor, candidate_id=candidate_id)
    if not candidate.cv_file:
        raise Http404
    services.record_candidate_viewed(actor=actor, candidate=candidate, what=_("CV file"))
    try:
        handle = candidate.cv_file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    extension = (candidate.cv_file.name or "").rsplit(".", 1)[-1].lower()
    return FileResponse(handle, as_attachment=True, filename=f"cv-{candidate.pk}.{extension}")  # type: ignore[return-value]
