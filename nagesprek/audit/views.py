from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from nagesprek.audit import selectors
from nagesprek.organisations.access import actor_required
from nagesprek.organisations.constants import Role


@actor_required(Role.PRIVACY_OFFICER, Role.ORG_ADMIN)
def audit_log(request: HttpRequest) -> HttpResponse:
    candidate = request.GET.get("candidate", "")
    candidate_id = int(candidate) if candidate.isdigit() else None
    events = selectors.list_audit_events_for_actor(actor=request.actor, candidate_id=candidate_id)  # type: ignore[attr-defined]
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    return render(request, "audit/log.html", {"page": page, "candidate_id": candidate_id})
