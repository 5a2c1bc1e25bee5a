"""The search engine the Elasticsearch tests run against, and switching one test onto it.

`ELASTICSEARCH_URL` in the environment names a real cluster; without it an osmem-server
(in-memory, OpenSearch-compatible, not Lucene) is started for the session. The label says
which, so a report can state what the suite really ran on."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.helpers.elastic import elasticsearch_settings, osmem_label


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


@pytest.fixture
def use_elasticsearch(elastic_url) -> Iterator[tuple[str, str]]:
    """This test searches the session's engine; returns (url, label)."""
    url, label = elastic_url
    plain = label.startswith("osmem-server") or os.environ.get(
        "ELASTICSEARCH_PLAIN_JSON", ""
    ).strip().lower() in {"1", "true", "yes", "on"}
    with elasticsearch_settings(url, plain_json=plain):
        yield elastic_url
