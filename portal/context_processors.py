"""Values every portal template needs, computed once per request."""

from __future__ import annotations

from django.http import HttpRequest


def portal(request: HttpRequest) -> dict[str, object]:
    """Lazy values only: a page served from cache never calls them."""
    return {"portal_static_version": "1"}
