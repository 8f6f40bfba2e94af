from typing import Any

from django.http import HttpRequest

from nagesprek.dashboards.navigation import NavItem, navigation_for_actor


def navigation(request: HttpRequest) -> dict[str, Any]:
    actor = getattr(request, "actor", None)
    items = navigation_for_actor(actor)
    return {"navigation": items, "current_path": request.path, "current_url": current_url(items, request.path)}


def current_url(items: list[NavItem], path: str) -> str:
    """The navigation item the page belongs to: the longest item URL the path starts with (one, for aria-current).

    ``/conversations/waves/plan/`` belongs to the wave planner (``/conversations/waves/``), not to the agenda
    (``/conversations/``); the dashboard (``/``) only to itself.
    """
    urls = [item.url for item in items]
    matching = [url for url in urls if url == path or (url != "/" and path.startswith(url))]
    return max(matching, key=len, default="")
