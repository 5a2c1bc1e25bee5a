"""The search engine the Elasticsearch tests run against, and switching one test onto it.

`ELASTICSEARCH_URL` in the environment names a real cluster; without it an osmem-server
(in-memory, OpenSearch-compatible, not Lucene) is started for the session. The label says
which, so a report can state what the suite really ran on."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator

import pytest

ENV_KEYS = ("ELASTICSEARCH_URL", "ELASTICSEARCH_PLAIN_JSON", "ELASTICSEARCH_INDEX")


def osmem_label() -> str:
    from osmem_server import __version__

    return f"osmem-server {__version__} (OpenSearch-compatible, in memory)"


@pytest.fixture(scope="session")
def elastic_url() -> Iterator[tuple[str, str]]:
    """(url, label) of the engine for this run."""
    url = os.environ.get("ELASTICSEARCH_URL", "")
    if url:
        yield url, f"Elasticsearch at {url}"
        return
    from osmem_server import OsmemServer

    server = OsmemServer.start(freeze=False, japanese=False)
    try:
        yield server.url, osmem_label()
    finally:
        server.close()


def _reset_backends() -> None:
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
            _reset_backends()
            yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        _reset_backends()


@pytest.fixture
def use_elasticsearch(elastic_url) -> Iterator[tuple[str, str]]:
    """This test searches the session's engine; returns (url, label)."""
    url, label = elastic_url
    plain = label.startswith("osmem-server") or os.environ.get(
        "ELASTICSEARCH_PLAIN_JSON", ""
    ).strip().lower() in {"1", "true", "yes", "on"}
    with elasticsearch_settings(url, plain_json=plain):
        yield elastic_url
