"""The Elasticsearch client, built once per configuration from Django settings.

`ELASTICSEARCH_PLAIN_JSON` swaps in `PlainJsonNode`: the 8.x client sends
`application/vnd.elasticsearch+json; compatible-with=8`, which OpenSearch-compatible servers
(and osmem-server in the tests) refuse; the node sends plain `application/json` instead.
This module imports no Django at import time, so settings can name `PlainJsonNode`.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit, urlunsplit

from elastic_transport import HttpHeaders, Urllib3HttpNode
from elastic_transport._node import NodeApiResponse
from elastic_transport.client_utils import DEFAULT, DefaultType

COMPAT_PREFIX = "application/vnd.elasticsearch+"

_clients: dict[tuple, Any] = {}


def plain_mimetype(value: str) -> str:
    """`application/vnd.elasticsearch+json; compatible-with=8` → `application/json`."""
    if COMPAT_PREFIX not in value:
        return value
    parts = [part.strip() for part in value.split(",")]
    plain = []
    for part in parts:
        mimetype = part.split(";")[0].strip()
        if mimetype.startswith(COMPAT_PREFIX):
            mimetype = "application/" + mimetype[len(COMPAT_PREFIX) :]
        plain.append(mimetype)
    return ", ".join(plain)


class PlainJsonNode(Urllib3HttpNode):
    """An HTTP node sending plain JSON media types (for OpenSearch-compatible servers)."""

    def perform_request(
        self,
        method: str,
        target: str,
        body: bytes | None = None,
        headers: HttpHeaders | None = None,
        request_timeout: DefaultType | float | None = DEFAULT,
    ) -> NodeApiResponse:
        if headers is not None:
            headers = headers.copy()
            for name in ("accept", "content-type"):
                if name in headers:
                    headers[name] = plain_mimetype(headers[name])
        return super().perform_request(
            method, target, body=body, headers=headers, request_timeout=request_timeout
        )


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
        from urllib.parse import unquote

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
    from django.conf import settings
    from elasticsearch import Elasticsearch

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
        try:
            client.close()
        except Exception:  # noqa: BLE001 - closing a dead pool must not fail a test
            pass
    _clients.clear()


def is_engine_error(error: BaseException) -> bool:
    """An error from the engine or the way to it (refused, timed out, 4xx/5xx), as opposed
    to a bug in our code: those become `SearchUnavailable`."""
    from elastic_transport import TransportError
    from elasticsearch import ApiError

    if isinstance(error, ApiError | TransportError):
        return True
    module = type(error).__module__
    return module.startswith(("elasticsearch", "elastic_transport", "urllib3"))
