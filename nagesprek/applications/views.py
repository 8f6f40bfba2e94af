from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from nagesprek.applications import selectors, services
from nagesprek.organisations.access import actor_required


@actor_required(*selectors.APPLICATION_ROLES)
def application_detail(request: HttpRequest, application_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    application = selectors.get_application_for_actor(actor=actor, application_id=application_id)
    services.record_application_viewed(actor=actor, application=application)
    return render(request, "applications/application_detail.html", {"application": application})
