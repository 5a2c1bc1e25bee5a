"""`PlainJsonNode`: the 8.x Elasticsearch client sends
`application/vnd.elasticsearch+json; compatible-with=8`, which OpenSearch-compatible servers
(and osmem-server in the tests) refuse; this node sends plain `application/json` instead.

Settings name `PlainJsonNode` (`ELASTICSEARCH_PLAIN_JSON`), so this module imports only
elastic_transport: no Django, not the heavier client."""

from __future__ import annotations

from elastic_transport import HttpHeaders, Urllib3HttpNode
from elastic_transport._node import NodeApiResponse
from elastic_transport.client_utils import DEFAULT, DefaultType

COMPAT_PREFIX = "application/vnd.elasticsearch+"


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
