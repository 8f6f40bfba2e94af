"""Response headers for pages opened from a personal link (no login, a secret in the URL)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers


def candidate_page_headers(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """No referrer (the token must not leak to other sites), no caching (a shared computer), no indexing."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        add_never_cache_headers(response)  # includes no-store and private
        response["Referrer-Policy"] = "no-referrer"
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return wrapped
