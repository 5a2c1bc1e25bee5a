"""Liveness and readiness: 200 when healthy, 503 when the database is really unreachable, the
queue has waited too long or the search engine is down; never cached, no cookies, no prefix."""

from __future__ import annotations

import contextlib
import socket
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection, connections
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

from portal.health import oldest_ready_task_age
from tests.helpers.elastic import reset_backends

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}


def queued_task(*, waited: timedelta, delayed_until=None, status=TaskResultStatus.READY):
    """A task row as the database backend writes it, queued `waited` ago."""
    task = DBTaskResult.objects.create(
        status=status,
        args_kwargs={"args": [], "kwargs": {}},
        task_path="portal.jobs.jobs.prune_job_history",
        backend_name="default",
        run_after=delayed_until or get_date_max(),
    )
    DBTaskResult.objects.filter(pk=task.pk).update(enqueued_at=timezone.now() - waited)
    return task


def closed_port() -> int:
    """A local port nothing listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def database_unreachable() -> Iterator[None]:
    """New connections to the default database fail for real: PostgreSQL is looked for on a
    closed port, SQLite in a folder that does not exist. The test's own open connection (and
    its transaction) is left alone."""
    settings_dict = connections.settings["default"]  # shared by every thread's connection
    saved = dict(settings_dict)
    if connection.vendor == "postgresql":
        settings_dict.update(HOST="127.0.0.1", PORT=str(closed_port()))
    else:
        settings_dict["NAME"] = str(Path("/nonexistent-health-test") / "db.sqlite3")
    try:
        yield
    finally:
        settings_dict.clear()
        settings_dict.update(saved)


def test_liveness_answers_without_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/health/live/", **JSON)
    assert response.status_code == 200
    assert response.json() == {"Process()": "OK"}


def test_readiness_is_200_with_every_check_named(client):
    response = client.get("/health/ready/", **JSON)
    assert response.status_code == 200, response.content
    body = response.json()
    assert body == {
        "Database(alias='default')": "OK",
        "Cache(alias='default')": "OK",
        "QueueBacklog(max_age_seconds=600)": "OK",
    }


def test_readiness_is_503_when_the_database_is_unreachable_and_liveness_stays_200(client):
    with database_unreachable():
        ready = client.get("/health/ready/", **JSON)
        live = client.get("/health/live/", **JSON)
    assert ready.status_code == 503
    assert ready.json()["Database(alias='default')"].startswith("Unavailable")
    assert live.status_code == 200
    # and ready again once the database answers
    assert client.get("/health/ready/", **JSON).status_code == 200


def test_readiness_in_plain_text_and_html_says_the_same(client):
    assert client.get("/health/ready/", HTTP_ACCEPT="text/plain").status_code == 200
    with database_unreachable():
        html = client.get("/health/ready/", HTTP_ACCEPT="text/html")
    assert html.status_code == 503
    assert "Database" in html.content.decode()


def test_a_task_waiting_too_long_makes_the_site_unready(client, settings):
    settings.TASKS_BACKLOG_MAX_AGE_SECONDS = 600
    queued_task(waited=timedelta(seconds=100))
    assert client.get("/health/ready/", **JSON).status_code == 200
    queued_task(waited=timedelta(seconds=700))
    response = client.get("/health/ready/", **JSON)
    assert response.status_code == 503
    assert "worker" in response.json()["QueueBacklog(max_age_seconds=600)"]


def test_the_backlog_counts_only_tasks_that_are_due():
    now = timezone.now()
    assert oldest_ready_task_age(now) is None
    # running, finished and not-yet-due tasks wait for nobody
    queued_task(waited=timedelta(hours=2), status=TaskResultStatus.RUNNING)
    queued_task(waited=timedelta(hours=2), status=TaskResultStatus.FAILED)
    queued_task(waited=timedelta(hours=2), delayed_until=now + timedelta(minutes=5))
    assert oldest_ready_task_age(now) is None
    # a delayed task waits from when it became due, not from when it was queued
    queued_task(waited=timedelta(hours=2), delayed_until=now - timedelta(seconds=30))
    assert oldest_ready_task_age(now) == pytest.approx(30, abs=1)
    queued_task(waited=timedelta(seconds=90))
    assert oldest_ready_task_age(now) == pytest.approx(90, abs=1)


def test_the_search_engine_is_checked_only_when_configured(client, settings):
    assert "SearchEngine()" not in client.get("/health/ready/", **JSON).json()
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{closed_port()}"
    settings.ELASTICSEARCH_TIMEOUT = 2
    reset_backends()
    try:
        response = client.get("/health/ready/", **JSON)
    finally:
        reset_backends()
    assert response.status_code == 503
    assert response.json()["SearchEngine()"].startswith("Unavailable: search engine")


@pytest.mark.parametrize("path", ["/health/live/", "/health/ready/"])
def test_health_is_never_cached_sets_no_cookie_and_has_no_language_prefix(client, path):
    for _ in range(2):
        response = client.get(path)
        assert response.status_code == 200
        assert "X-Page-Cache" not in response
        assert "no-store" in response["Cache-Control"]
        assert not response.cookies
    assert client.get(f"/en{path}").status_code == 404


def test_health_takes_no_posts(client):
    assert client.post("/health/ready/").status_code == 405


@pytest.mark.parametrize("accept", ["", "garbage", "text/html;q=7", ",,", "*/*;q=0.5,,"])
def test_an_empty_or_odd_accept_header_still_gets_an_answer(client, accept):
    response = client.get("/health/live/", HTTP_ACCEPT=accept)
    assert response.status_code == 200
    with database_unreachable():
        assert client.get("/health/ready/", HTTP_ACCEPT=accept).status_code == 503
