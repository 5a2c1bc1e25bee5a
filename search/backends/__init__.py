"""The search engines behind `search.service`: which one the settings choose, and the error
any of them raises when it cannot answer.

Settings import `search.backends.elastic.settings`, which runs this module first: it imports
nothing that needs configured settings or the app registry."""

from __future__ import annotations

from django.conf import settings


class SearchUnavailable(Exception):
    """The search engine could not answer (down, timed out, refused): said on the page."""


def backend_path() -> str:
    """The backend class chosen by settings: `SEARCH_BACKEND`, else by `ELASTICSEARCH_URL`."""
    configured = getattr(settings, "SEARCH_BACKEND", "")
    if configured:
        return configured
    if getattr(settings, "ELASTICSEARCH_URL", ""):
        return "search.backends.elastic.backend.ElasticsearchBackend"
    return "search.backends.database.DatabaseBackend"


def engine() -> tuple[str, str]:
    """The backend class and the server it talks to: what identifies an engine's answers
    (one backend instance each, and part of every cached result's key)."""
    return backend_path(), getattr(settings, "ELASTICSEARCH_URL", "")
