from typing import Any

from django.http import HttpRequest

from nagesprek.dashboards.navigation import navigation_for_actor


def navigation(request: HttpRequest) -> dict[str, Any]:
    actor = getattr(request, "actor", None)
    return {"navigation": navigation_for_actor(actor), "current_path": request.path}
