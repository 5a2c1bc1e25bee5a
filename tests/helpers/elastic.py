"""Pointing the search at an Elasticsearch-compatible engine for one test, and naming the
in-memory osmem-server the suite starts when no cluster is given."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator

ENV_KEYS = ("ELASTICSEARCH_URL", "ELASTICSEARCH_PLAIN_JSON", "ELASTICSEARCH_INDEX")


def osmem_label() -> str:
    """How a report names the in-memory engine (with its version)."""
    from osmem_server import __version__

    return f"osmem-server {__version__} (OpenSearch-compatible, in memory)"


def reset_backends() -> None:
    """Forget the cached search backends and engine clients (settings changed)."""
    from search import service
    from search.backends.elastic.client import clear_clients

    service._backends.clear()
    clear_clients()


@contextlib.contextmanager
def elasticsearch_settings(url: str, *, plain_json: bool) -> Iterator[None]:
    """Django settings (and the environment `wagtail_backend()` reads) pointed at `url`,
    cached backends and clients forgotten on the way in and out; all restored afterwards."""
    from django.test import override_settings

    from search.backends.elastic.settings import wagtail_backend

    saved = {key: os.environ.get(key) for key in ENV_KEYS}
    os.environ["ELASTICSEARCH_URL"] = url
    os.environ["ELASTICSEARCH_PLAIN_JSON"] = "1" if plain_json else "0"
    from django.conf import settings

    os.environ.setdefault("ELASTICSEARCH_INDEX", settings.ELASTICSEARCH_INDEX_PREFIX)
    try:
        with override_settings(
            ELASTICSEARCH_URL=url,
            ELASTICSEARCH_PLAIN_JSON=plain_json,
            SEARCH_BACKEND="",
            WAGTAILSEARCH_BACKENDS={"default": wagtail_backend()},
        ):
            reset_backends()
            yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        reset_backends()
