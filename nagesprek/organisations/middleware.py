from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from nagesprek.organisations.selectors import get_actor_for_user

SESSION_KEY = "organisation_id"


class CurrentOrganisationMiddleware:
    """Attach ``request.actor``: the signed-in user in their current organisation, or None.

    One query for signed-in users (memberships with their organisation); none otherwise.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.actor = None  # type: ignore[attr-defined]
        if request.user.is_authenticated:
            request.actor = get_actor_for_user(  # type: ignore[attr-defined]
                user=request.user,  # type: ignore[arg-type]
                organisation_id=request.session.get(SESSION_KEY),
            )
        return self.get_response(request)
