"""Faults the site rides out, made to happen for real rather than mocked:

- the cache server (Redis) stops: pages are served from the database (the cache's errors are
  ignored and logged), and the rate limiter fails open, as README's "Abuse limits" says: a
  public form is accepted unlimited while its counters cannot be kept, each such attempt logged;
- the database server drops the connection a web process keeps between requests (a restart, a
  failover, an idle timeout): the next request still succeeds (CONN_HEALTH_CHECKS).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import wsgiref.util
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import psycopg
import pytest
import redis
from django.core.handlers.wsgi import WSGIHandler
from django.db import connection, connections
from django.http import HttpRequest
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse

from marketplace.directory import shortlist
from marketplace.directory.filters import listed_partners
from portal import ratelimit

ROOT = Path(__file__).resolve().parents[2]
REDIS_SERVER = shutil.which("redis-server")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def redis_server() -> Iterator[subprocess.Popen]:
    """A private, throwaway Redis on a free port (nothing saved to disk)."""
    if REDIS_SERVER is None:
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    port = free_port()
    process = subprocess.Popen(
        [
            REDIS_SERVER,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    process.port = port  # type: ignore[attr-defined]
    client = redis.Redis(port=port)
    try:
        for _ in range(100):
            try:
                client.ping()
                break
            except redis.ConnectionError:
                time.sleep(0.05)
        else:
            pytest.fail("the private redis-server did not start")
        yield process
    finally:
        client.close()
        if process.poll() is None:
            process.kill()
        process.wait(timeout=10)


def caches_for(redis_url: str) -> dict:
    """CACHES exactly as the base settings build them for this REDIS_URL (read in a process of
    its own, so a change to the settings is what this test checks)."""
    code = "import json; from portal.settings import base; print(json.dumps(base.CACHES))"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**os.environ, "REDIS_URL": redis_url, "RATE_LIMIT_REDIS_URL": ""},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout)


def stop(process: subprocess.Popen) -> None:
    process.kill()
    process.wait(timeout=10)


@pytest.mark.usefixtures("demo")
def test_pages_and_forms_outlive_the_cache_server(client, redis_server, settings, caplog):
    caches = caches_for(f"redis://127.0.0.1:{redis_server.port}/0")
    assert (
        caches["default"]["BACKEND"]
        == caches["ratelimit"]["BACKEND"]
        == ("django_redis.cache.RedisCache")
    )
    settings.RATE_LIMITS = {"shortlist": (1, 3600)}
    first, refused, *after = listed_partners().order_by("pk")[:4]
    add_url = reverse("directory:shortlist-add")
    pages = ["/o-portalu/", "/", reverse("directory:detail", args=[first.code])]
    verdicts: list[bool] = []  # what the limiter said to each attempt (True: over the limit)
    real_hit = ratelimit.hit

    def hit(request: HttpRequest, scope: str) -> bool:
        verdicts.append(real_hit(request, scope))
        return verdicts[-1]

    with override_settings(CACHES=caches), mock.patch.object(ratelimit, "hit", hit):
        # Redis answers: pages are stored and served from it, the limiter counts in it
        assert client.get(pages[0])["X-Page-Cache"] == "miss"
        assert client.get(pages[0])["X-Page-Cache"] == "hit"
        for partner in (first, refused):
            assert client.post(add_url, {"partner": partner.pk}).status_code == 303
        assert verdicts == [False, True]

        stop(redis_server)

        # pages come from the database, whole, for anyone
        for path in pages:
            response = client.get(path)
            assert response.status_code == 200, path
            assert response.get("X-Page-Cache") != "hit"
            assert b"</html>" in response.content
        # the form is accepted, over the limit: the store cannot count (fail open)
        for partner in after:
            assert client.post(add_url, {"partner": partner.pk}).status_code == 303
        assert verdicts == [False, True, False, False]
    assert shortlist.ids(with_session(client)) == [first.pk, *(p.pk for p in after)]
    assert any(record.name == "django_redis.cache" for record in caplog.records), (
        "the cache errors that are ignored should be logged"
    )
    assert "Rate limit store unavailable; shortlist allowed" in caplog.text


def with_session(client: Client) -> HttpRequest:
    """A request carrying the test client's session (the shortlist lives there)."""
    request = RequestFactory().get("/")
    request.session = client.session
    return request


# -- the database drops the connection ------------------------------------------------------


def wsgi_get(handler: WSGIHandler, path: str) -> int:
    """One request through Django's WSGI handler, as a server thread makes it: the request's
    start and end signals run, so a kept connection is checked and kept as in production."""
    environ: dict = {"PATH_INFO": path, "REQUEST_METHOD": "GET"}
    wsgiref.util.setup_testing_defaults(environ)
    status: list[str] = []

    def start_response(line: str, headers: list, exc_info: object = None) -> None:
        status.append(line)

    response = handler(environ, start_response)
    try:
        b"".join(response)
    finally:
        response.close()  # request_finished
    return int(status[0].split()[0])


def terminate_backend(pid: int) -> None:
    """Kill the server side of a connection, from a connection of its own, and wait for it."""
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    with psycopg.connect(**params, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s, 5000)", [pid])


@pytest.mark.django_db
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs a database server whose backend can be terminated: SQLite is a file "
    "(run with DATABASE_URL=postgres://…)",
)
def test_a_connection_the_database_dropped_is_replaced_before_the_next_request():
    from tests.helpers.threads import in_own_thread

    assert connection.settings_dict["CONN_MAX_AGE"], "connections must be kept for this test"

    def two_requests() -> tuple[int, int, bool]:
        handler = WSGIHandler()
        first = wsgi_get(handler, "/api/pes/")
        kept = connections["default"].connection
        assert kept is not None, "the connection should be kept between requests"
        terminate_backend(kept.info.backend_pid)
        second = wsgi_get(handler, "/api/pes/")
        return first, second, connections["default"].connection is not kept

    first, second, replaced = in_own_thread(two_requests)
    assert first == 200
    assert second == 200
    assert replaced
