from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nagesprek.applications import selectors, services
from nagesprek.applications.constants import ApplicationStatus
from nagesprek.candidates import selectors as candidate_selectors
from nagesprek.evaluations import selectors as evaluation_selectors
from nagesprek.organisations.access import actor_required
from nagesprek.organisations.constants import Role
from nagesprek.vacancies import selectors as vacancy_selectors


@actor_required(*selectors.APPLICATION_ROLES)
def application_detail(request: HttpRequest, application_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    application = selectors.get_application_for_actor(actor=actor, application_id=application_id)
    services.record_application_viewed(actor=actor, application=application)
    is_recruiter = actor.has_role(Role.RECRUITER)
    is_active = application.status == ApplicationStatus.ACTIVE
    next_stage = vacancy_selectors.get_next_stage(stage=application.stage) if is_recruiter and is_active else None
    context = {
        "application": application,
        "candidate": candidate_selectors.get_profile(candidate=application.candidate),
        "overview": evaluation_selectors.scorecard_overview_for_actor(actor=actor, application=application),
        "scoring_stages": evaluation_selectors.list_scoring_stages(actor=actor, application=application),
        "next_stage": next_stage,
        "may_hire": is_recruiter and is_active,
        "can_edit_profile": is_recruiter,
        "today": timezone.localdate(),
    }
    return render(request, "applications/application_detail.html", context)


@actor_required(Role.RECRUITER)
@require_POST
def move_to_next_stage(request: HttpRequest, application_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    application = selectors.get_application_for_actor(actor=actor, application_id=application_id)
    try:
        application = services.move_to_next_stage(
            actor=actor, application=application, note=request.POST.get("note", "")[:500]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Moved to the stage “%(stage)s”.") % {"stage": application.stage.name})
    return redirect("applications:detail", application.pk)


@actor_required(Role.RECRUITER)
@require_POST
def hire(request: HttpRequest, application_id: int) -> HttpResponse:
    """The candidate accepted the offer: close the application as hired (recruiters of the organisation)."""
    actor = request.actor  # type: ignore[attr-defined]
    application = selectors.get_application_for_actor(actor=actor, application_id=application_id)
    try:
        services.close_application(
            application=application,
            status=ApplicationStatus.HIRED,
            by=actor.user,
            note=request.POST.get("note", "")[:500],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("%(name)s is hired.") % {"name": application.candidate.full_name})
    return redirect("applications:detail", application.pk)
