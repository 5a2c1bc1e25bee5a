"""Logs: one JSON object per line in production, readable lines in development, and the id of
the request on every line logged while it is served.

Both kinds of records go through one formatter (structlog's `ProcessorFormatter`): the stdlib
records of Django, the libraries and our `logging.getLogger(__name__)`, and the structlog
events of django-structlog's `RequestMiddleware` (one `request_finished` line per request in
production, with its status, path and user id). Each line carries `timestamp` (UTC, ISO 8601),
`level`, `logger`, `event` (the message) and, inside a request, `request_id`.

The id comes from the client's `X-Request-ID` when it is a sane token (a proxy or load
balancer that already named the request: at most 64 characters of `A-Z a-z 0-9 . _ -`), else
it is made here; the response carries it back in `X-Request-ID`, so a report quoting it, or a
proxy's log, leads to the lines of that one request.
"""

from __future__ import annotations

import logging
import re
import sys
import threading
import time
import uuid
from collections.abc import Callable
from typing import Any

import structlog
from django.core.signals import request_finished
from django.http import HttpRequest, HttpResponse

REQUEST_ID_HEADER = "X-Request-ID"
_REQUEST_ID_META = "HTTP_X_REQUEST_ID"
_SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")

# What every line gets, whether it was logged through structlog or the standard library.
_SHARED_PROCESSORS: list[Callable[..., Any]] = [
    structlog.contextvars.merge_contextvars,
    structlog.stdlib.add_logger_name,
    structlog.stdlib.add_log_level,
    structlog.processors.TimeStamper(fmt="iso", utc=True, key="timestamp"),
]


def request_id_from(value: str | None) -> str:
    """The client's id when it is a sane token, else a new one: an id goes into every log line
    and back into a response header, so nothing else of the client's gets there."""
    if value and _SANE_REQUEST_ID.fullmatch(value):
        return value
    return uuid.uuid4().hex


def _forget_request_id(**_kwargs: object) -> None:
    """The response has been sent: lines logged later on this thread belong to no request."""
    structlog.contextvars.clear_contextvars()


class RequestIdMiddleware:
    """Binds the request id for every line logged while the request is served and returns it in
    the response's `X-Request-ID`. First in MIDDLEWARE, so the other middleware's lines carry
    it; django-structlog's `RequestMiddleware` reads the cleaned header
    (`DJANGO_STRUCTLOG_TRUST_UPSTREAM_REQUEST_ID`) instead of making an id of its own."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        request_finished.connect(_forget_request_id, dispatch_uid="portal-logs-request-id")

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = request_id_from(request.META.get(_REQUEST_ID_META))
        request.META[_REQUEST_ID_META] = request_id
        request.request_id = request_id  # type: ignore[attr-defined]
        structlog.contextvars.clear_contextvars()  # nothing of the thread's previous request
        structlog.contextvars.bind_contextvars(request_id=request_id)
        response = self.get_response(request)
        response[REQUEST_ID_HEADER] = request_id
        # django-structlog clears the context on its way out, but Django logs a 4xx or 5xx
        # response ("Not Found: /…") after every middleware has returned: keep the id for that
        # line; `request_finished` forgets it.
        structlog.contextvars.bind_contextvars(request_id=request_id)
        return response


class RepeatThrottle(logging.Filter):
    """Lets one record per logger, message and error through every `seconds` (per process),
    without its traceback, saying how many like it were held back. A cache server that is down
    fails every cache call of every request (django-redis logs each one it ignores), a failing
    readiness check fails at every probe: one line a minute says so as well as thousands of
    tracebacks."""

    def __init__(self, seconds: float = 60.0) -> None:
        super().__init__()
        self.seconds = seconds
        self._lock = threading.Lock()
        self._seen: dict[tuple[str, str], tuple[float, int]] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        described = f"{type(error).__name__}: {error}" if error is not None else ""
        key = (record.name, f"{record.getMessage()} {described}")
        now = time.monotonic()
        with self._lock:
            last, held_back = self._seen.get(key, (float("-inf"), 0))
            if now - last < self.seconds:
                self._seen[key] = (last, held_back + 1)
                return False
            self._seen[key] = (now, 0)
        message = record.getMessage()
        if described:
            message = f"{message}: {described}"
        if held_back:
            message = f"{message} ({held_back} more like it in the last {self.seconds:g} s)"
        record.msg, record.args = message, ()
        record.exc_info, record.exc_text = None, None
        return True


def configure_structlog() -> None:
    """structlog's own loggers (django-structlog's) hand their events to the standard library,
    whose handler renders them with the same formatter as every other record."""
    structlog.configure(
        processors=[
            structlog.stdlib.filter_by_level,
            *_SHARED_PROCESSORS,
            structlog.stdlib.PositionalArgumentsFormatter(),
            structlog.processors.StackInfoRenderer(),
            structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )


def structured_formatter(*, json: bool) -> structlog.stdlib.ProcessorFormatter:
    """One JSON object per line (`json`), or structlog's readable console lines."""
    renderer: Callable[..., Any]
    if json:
        final = [structlog.processors.format_exc_info, structlog.processors.JSONRenderer()]
    else:
        renderer = structlog.dev.ConsoleRenderer(
            colors=sys.stderr.isatty(), exception_formatter=structlog.dev.plain_traceback
        )
        final = [renderer]
    return structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=_SHARED_PROCESSORS,
        processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta, *final],
    )


def logging_config(*, json: bool, level: str = "WARNING", requests: bool = True) -> dict[str, Any]:
    """Django's LOGGING: every record to stderr through `structured_formatter`; the root at
    `level` (LOG_LEVEL), the portal's own loggers at INFO at least (the worker and the scheduler
    say what they did), and a line for every request (django-structlog's `request_finished`)
    only in JSON with `requests` (production's LOG_REQUESTS); failed requests always."""
    root_level = logging.getLevelName(level.upper())
    if not isinstance(root_level, int):
        root_level = logging.WARNING
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"repeats": {"()": RepeatThrottle, "seconds": 60}},
        "formatters": {"structured": {"()": structured_formatter, "json": json}},
        "handlers": {
            "console": {"class": "logging.StreamHandler", "formatter": "structured"},
        },
        "root": {"handlers": ["console"], "level": root_level},
        "loggers": {
            # Django's own handlers (console under DEBUG, mail to ADMINS) go: its records reach
            # the root's handler once, formatted like the rest.
            "django": {"level": "INFO"},
            "portal": {"level": min(root_level, logging.INFO)},
            "django_structlog": {
                "level": logging.INFO if json and requests else max(root_level, logging.WARNING)
            },
            # django-redis' logger (DJANGO_REDIS_LOGGER) for the errors IGNORE_EXCEPTIONS hides,
            # and a failing health check, which a balancer asks about every few seconds
            "django_redis.cache": {"filters": ["repeats"]},
            "health_check": {"filters": ["repeats"]},
        },
    }
