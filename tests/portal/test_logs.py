"""Logs: every request has an id (the client's when sane), echoed in X-Request-ID and on each
line logged meanwhile; production writes one JSON object per line for Django's records and ours
alike, the portal's loggers at INFO and the rest at WARNING."""

from __future__ import annotations

import io
import json
import logging
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
import structlog

from portal.logs import REQUEST_ID_HEADER, RepeatThrottle, request_id_from, structured_formatter

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def json_lines() -> Iterator[io.StringIO]:
    """The production formatter on a handler of the root logger, writing into a buffer; the
    request lines of django-structlog let through (production logs them at INFO)."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(structured_formatter(json=True))
    root = logging.getLogger()
    request_logger = logging.getLogger("django_structlog")
    saved_level = request_logger.level
    root.addHandler(handler)
    request_logger.setLevel(logging.INFO)
    try:
        yield stream
    finally:
        root.removeHandler(handler)
        request_logger.setLevel(saved_level)


def parse(stream: io.StringIO) -> list[dict]:
    return [json.loads(line) for line in stream.getvalue().splitlines() if line.strip()]


@pytest.mark.django_db
def test_a_request_logs_json_lines_with_its_id_and_echoes_it(client, json_lines):
    response = client.get("/no-such-page-for-the-log-test/", HTTP_X_REQUEST_ID="probe-42.a_b-c")
    assert response.status_code == 404
    assert response[REQUEST_ID_HEADER] == "probe-42.a_b-c"
    lines = [line for line in parse(json_lines) if line.get("request_id") == "probe-42.a_b-c"]
    by_logger = {line["logger"]: line for line in lines}
    # Django's own record (logged after every middleware returned) and django-structlog's
    not_found = by_logger["django.request"]
    assert not_found["event"] == "Not Found: /no-such-page-for-the-log-test/"
    assert not_found["level"] == "warning"
    assert not_found["timestamp"].endswith("Z")
    finished = by_logger["django_structlog.middlewares.request"]
    assert finished["event"] == "request_finished"
    assert finished["code"] == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    "sent", ["", "has space", "x" * 65, "zażółć", "a/b", "<script>", "id\r\nSet-Cookie: a=b"]
)
def test_an_odd_request_id_is_replaced_by_a_new_one(client, sent):
    response = client.get("/health/live/", HTTP_X_REQUEST_ID=sent)
    made = response[REQUEST_ID_HEADER]
    assert made != sent
    assert len(made) == 32
    assert int(made, 16) >= 0


def test_every_request_without_an_id_gets_its_own():
    assert request_id_from(None) != request_id_from(None)
    assert request_id_from("A" * 64) == "A" * 64


def test_our_records_come_out_as_json_with_the_bound_request_id(json_lines):
    logger = logging.getLogger("portal.mail.tasks")
    with structlog.contextvars.bound_contextvars(request_id="r-1"):
        logger.info("e-mail %s sent to %s", 7, "a@example.org")
    try:
        raise ValueError("boom")
    except ValueError:
        logger.exception("delivery failed")
    sent, failed = parse(json_lines)[-2:]
    assert sent == {
        "event": "e-mail 7 sent to a@example.org",
        "logger": "portal.mail.tasks",
        "level": "info",
        "request_id": "r-1",
        "timestamp": sent["timestamp"],
    }
    assert "request_id" not in failed  # outside the request, no stale id
    assert failed["level"] == "error"
    assert "ValueError: boom" in failed["exception"]


def test_repeated_errors_are_logged_once_a_minute_without_traceback():
    throttle = RepeatThrottle(seconds=60)

    def record() -> logging.LogRecord:
        try:
            raise ConnectionError("Error 111 connecting to 127.0.0.1:6390")
        except ConnectionError:
            return logging.LogRecord(
                "django_redis.cache",
                logging.ERROR,
                __file__,
                1,
                "Exception ignored",
                (),
                sys.exc_info(),
            )

    first = record()
    assert throttle.filter(first) is True
    assert first.exc_info is None
    assert first.getMessage() == (
        "Exception ignored: ConnectionError: Error 111 connecting to 127.0.0.1:6390"
    )
    assert [throttle.filter(record()) for _ in range(5)] == [False] * 5
    throttle.seconds = 0  # the minute is over
    again = record()
    assert throttle.filter(again) is True
    assert "(5 more like it" in again.getMessage()


PRODUCTION_SCRIPT = textwrap.dedent(
    """
    import logging, django
    django.setup()
    from django.test import Client
    response = Client().get(
        "/health/live/", secure=True, HTTP_X_REQUEST_ID="prod-probe-1",
        HTTP_ACCEPT="application/json",
    )
    print(response.status_code, response["X-Request-ID"])
    logging.getLogger("portal.jobs.schedule").info("job %s queued", "publish")
    logging.getLogger("search.service").info("not shown at the default level")
    logging.getLogger("search.service").warning("engine slow")
    """
)


def production_log(**env: str) -> list[dict]:
    """What the production settings write to stderr for PRODUCTION_SCRIPT, in a process of
    their own, every line parsed as JSON."""
    environment = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="x7#Kq2!vLp9@Zr4$Tw8^Ny3&Hb6*Md1(Fs5)Gj0-Pc_Qe2+Wa7=Ux4-logs",
        ALLOWED_HOSTS="testserver",
        LOG_LEVEL="WARNING",
        **env,
    )
    result = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", PRODUCTION_SCRIPT],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["200", "prod-probe-1"]
    return [json.loads(line) for line in result.stderr.splitlines() if line.strip()]


def test_production_writes_one_json_object_per_line():
    """A request through the middleware, the scheduler's INFO line, a library's INFO line that
    the root holds back."""
    lines = production_log()
    events = {(line["logger"], line["event"]) for line in lines}
    assert ("portal.jobs.schedule", "job publish queued") in events
    assert ("search.service", "engine slow") in events
    assert ("search.service", "not shown at the default level") not in events
    finished = next(line for line in lines if line["event"] == "request_finished")
    assert finished["request_id"] == "prod-probe-1"
    assert finished["level"] == "info"
    assert finished["request"] == "GET /health/live/"
    assert {"timestamp", "level", "logger", "event"} <= set(finished)


def test_production_request_lines_can_be_turned_off():
    lines = production_log(LOG_REQUESTS="0")
    events = {line["event"] for line in lines}
    assert "request_finished" not in events
    assert "job publish queued" in events
