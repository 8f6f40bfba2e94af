from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from nagesprek.organisations.access import actor_required
from nagesprek.organisations.constants import Role
from nagesprek.retention import selectors

UPCOMING_DAYS = 30


@actor_required(Role.PRIVACY_OFFICER, Role.ORG_ADMIN)
def overview(request: HttpRequest) -> HttpResponse:
    """Files due for erasure soon and the erasures done, by candidate number only (no names needed)."""
    actor = request.actor  # type: ignore[attr-defined]
    now = timezone.now()
    upcoming = selectors.list_upcoming_erasures_for_actor(actor=actor, now=now, days=UPCOMING_DAYS)
    erasures = selectors.list_erasures_for_actor(actor=actor)
    context = {
        "upcoming": Paginator(upcoming, 50).get_page(request.GET.get("page")),
        "erasures": erasures[:50],
        "erasure_count": erasures.count(),
        "days": UPCOMING_DAYS,
        "now": now,
        "retention_days": settings.RETENTION_DAYS_WITHOUT_CONSENT,
    }
    return render(request, "retention/overview.html", context)
