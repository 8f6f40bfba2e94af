from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from nagesprek.dashboards import selectors
from nagesprek.organisations.access import actor_required


@actor_required()
def home(request: HttpRequest) -> HttpResponse:
    panels = selectors.get_dashboard_for_actor(actor=request.actor)  # type: ignore[attr-defined]
    return render(request, "dashboards/home.html", {"panels": panels})
