"""The Elasticsearch client, built once per configuration from Django settings
(`ELASTICSEARCH_PLAIN_JSON` swaps in `transport.PlainJsonNode` for OpenSearch-compatible
servers)."""

from __future__ import annotations

import contextlib
from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit

from django.conf import settings
from elastic_transport import TransportError
from elasticsearch import ApiError, Elasticsearch

from .transport import PlainJsonNode

_clients: dict[tuple, Any] = {}


def client_options(
    url: str,
    *,
    api_key: str = "",
    ca_certs: str = "",
    verify_certs: bool = True,
    plain_json: bool = False,
    timeout: float = 5.0,
) -> dict[str, Any]:
    """Keyword arguments for `Elasticsearch(...)`; credentials in the URL become basic auth
    (the client refuses them inside `hosts`)."""
    parts = urlsplit(url)
    options: dict[str, Any] = {"request_timeout": timeout, "max_retries": 1}
    if parts.username is not None:
        options["basic_auth"] = (unquote(parts.username), unquote(parts.password or ""))
        host = parts.hostname or ""
        if parts.port:
            host = f"{host}:{parts.port}"
        url = urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))
    options["hosts"] = [url]
    if api_key:
        options["api_key"] = api_key
    if parts.scheme == "https":
        options["verify_certs"] = verify_certs
        if ca_certs:
            options["ca_certs"] = ca_certs
        if not verify_certs:
            options["ssl_show_warn"] = False
    if plain_json:
        options["node_class"] = PlainJsonNode
    return options


def get_client() -> Any:
    """The client for the current settings, cached (it keeps a connection pool)."""
    config = (
        settings.ELASTICSEARCH_URL,
        getattr(settings, "ELASTICSEARCH_API_KEY", ""),
        getattr(settings, "ELASTICSEARCH_CA_CERTS", ""),
        bool(getattr(settings, "ELASTICSEARCH_VERIFY_CERTS", True)),
        bool(getattr(settings, "ELASTICSEARCH_PLAIN_JSON", False)),
        float(getattr(settings, "ELASTICSEARCH_TIMEOUT", 5)),
    )
    if config not in _clients:
        url, api_key, ca_certs, verify, plain, timeout = config
        _clients[config] = Elasticsearch(
            **client_options(
                url,
                api_key=api_key,
                ca_certs=ca_certs,
                verify_certs=verify,
                plain_json=plain,
                timeout=timeout,
            )
        )
    return _clients[config]


def clear_clients() -> None:
    """Forget cached clients (tests switch servers)."""
    for client in _clients.values():
        with contextlib.suppress(Exception):  # closing a dead pool must not fail a test
            client.close()
    _clients.clear()


def is_engine_error(error: BaseException) -> bool:
    """An error from the engine or the way to it (refused, timed out, 4xx/5xx), as opposed
    to a bug in our code: those become `SearchUnavailable`."""
    if isinstance(error, ApiError | TransportError):
        return True
    module = type(error).__module__
    return module.startswith(("elasticsearch", "elastic_transport", "urllib3"))
