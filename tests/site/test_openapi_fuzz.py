"""The open-data API under schemathesis: every operation of /api/openapi.json, with valid and
invalid parameters, never answers 5xx and answers what its schema says.

The Django application is called in process as WSGI (no server), inside the test's database
transaction: Django's "close old connections" signal handlers are detached meanwhile, as the
Django test client does, or the first request would close the test's connection.
A failure prints the request (and a curl command) that reproduces it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator

import pytest
import schemathesis
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.core.serializers.json import DjangoJSONEncoder
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
)

from marketplace.directory.api import api as open_data_api

CHECKS = [not_a_server_error, content_type_conformance, response_schema_conformance]


@pytest.fixture
def _in_test_transaction(demo) -> Iterator[None]:
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def _served() -> dict:
    """The schema /api/openapi.json serves, built without a request (no database)."""
    schema = open_data_api.get_openapi_schema(path_prefix="/api/")
    return json.loads(json.dumps(schema, cls=DjangoJSONEncoder))


def _schema() -> schemathesis.schemas.BaseSchema:
    """Loaded at collection; its requests go to the Django application in process."""
    loaded = schemathesis.openapi.from_dict(_served())
    loaded.app = WSGIHandler()
    loaded.location = "/api/openapi.json"
    return loaded


schema = _schema()


def test_the_schema_tested_is_the_one_served(client):
    assert client.get("/api/openapi.json").json() == _served()


@schema.parametrize()
@settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "25")),
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
@pytest.mark.usefixtures("_in_test_transaction")
def test_api_never_fails_and_keeps_its_schema(case):
    case.call_and_validate(checks=CHECKS)
