"""Response headers for pages opened from a personal link (no login, a secret in the URL)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers

# The page behind a personal link: its URL is the secret, so no Referer header ever carries it anywhere.
NO_REFERRER = "no-referrer"
# Pages with a form. Browsers send "Origin: null" with a POST from a no-referrer page, which CSRF
# protection rightly refuses; same-origin still never sends the URL to another site.
SAME_ORIGIN = "same-origin"


def candidate_page_headers(
    referrer_policy: str = NO_REFERRER,
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """No caching (a shared computer), no indexing, and the given referrer policy unless the view set one."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            response = view(request, *args, **kwargs)
            add_never_cache_headers(response)  # includes no-store and private
            response.headers.setdefault("Referrer-Policy", referrer_policy)
            response["X-Robots-Tag"] = "noindex, nofollow"
            return response

        return wrapped

    return decorator
