"""Wagtail's page search on Elasticsearch, configured from the environment (imported by
settings, so it reads no Django setting and imports only the light `transport` module).

modelsearch sets no analyzer, so page text would get `standard` (no folding): the index's
default analyzer is made the folding one here (lowercase + asciifolding, which folds ł). Its
`INDEX_SETTINGS` are deep-merged into modelsearch's own and passed to `indices.create`;
`OPTIONS` go to the `Elasticsearch(...)` constructor, which is where the plain-JSON node
class for OpenSearch-compatible servers goes.
"""

from __future__ import annotations

import os
from typing import Any

from .transport import PlainJsonNode

FOLDING_ANALYZER = {
    "type": "custom",
    "tokenizer": "standard",
    "filter": ["lowercase", "asciifolding"],
}


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def wagtail_backend() -> dict[str, Any]:
    """The `WAGTAILSEARCH_BACKENDS["default"]` entry for `ELASTICSEARCH_URL`."""
    prefix = os.environ.get("ELASTICSEARCH_INDEX", "portal")
    options: dict[str, Any] = {"max_retries": 1}
    if os.environ.get("ELASTICSEARCH_API_KEY"):
        options["api_key"] = os.environ["ELASTICSEARCH_API_KEY"]
    if os.environ.get("ELASTICSEARCH_CA_CERTS"):
        options["ca_certs"] = os.environ["ELASTICSEARCH_CA_CERTS"]
    if os.environ["ELASTICSEARCH_URL"].startswith("https"):
        options["verify_certs"] = _env_bool("ELASTICSEARCH_VERIFY_CERTS", True)
    if _env_bool("ELASTICSEARCH_PLAIN_JSON", False):
        options["node_class"] = PlainJsonNode
    return {
        "BACKEND": "modelsearch.backends.elasticsearch8",
        "URLS": [os.environ["ELASTICSEARCH_URL"]],
        # modelsearch names the index INDEX_PREFIX + "wagtailcore_page".
        "INDEX_PREFIX": f"{prefix}-pages-",
        "TIMEOUT": float(os.environ.get("ELASTICSEARCH_TIMEOUT", "5")),
        "ATOMIC_REBUILD": True,
        "INDEX_SETTINGS": {
            "settings": {
                "analysis": {
                    "analyzer": {
                        "default": FOLDING_ANALYZER,
                        "default_search": FOLDING_ANALYZER,
                    }
                }
            }
        },
        "OPTIONS": options,
    }
