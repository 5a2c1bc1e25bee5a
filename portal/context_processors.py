"""Values every portal template needs, computed lazily: a cached page never calls them."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from .cache import generation
from .chrome import site_chrome


def portal(request: HttpRequest) -> dict[str, object]:
    return {
        "chrome": SimpleLazyObject(lambda: site_chrome(request)),
        # part of every fragment-cache key, so a publish or stock change renews fragments too
        "cache_generation": SimpleLazyObject(lambda: str(generation())),
    }
