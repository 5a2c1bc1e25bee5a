"""Health endpoints for load balancers and orchestrators (django-health-check's view).

- `/health/live/` (liveness): the process answers. No database, no cache: a database outage
  must not get every web process restarted.
- `/health/ready/` (readiness): the database, the default cache, the queue's backlog and, when
  `ELASTICSEARCH_URL` is set, the search engine. A failing check answers 503, so the balancer
  sends no visitors to a process that cannot serve them.

Both answer JSON when asked (`Accept: application/json` or `?format=json`), plain text or an
HTML table otherwise. They are never stored by the page cache (`portal.cache.NEVER_CACHED`),
set no cookie, are not language-prefixed and are GETs, which the rate limiter never counts.

Failed e-mails do not make the site unready (visitors can still be served): they are a metric
(`portal.metrics`).
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Iterator
from typing import Any

from asgiref.sync import sync_to_async
from django.conf import settings
from django.db import DatabaseError
from django.db.models import Min, Q
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max
from health_check import Cache, Database, HealthCheck
from health_check.exceptions import ServiceUnavailable
from health_check.views import HealthCheckView, MediaType

from search.backends.elastic.client import get_client, is_engine_error


def oldest_ready_task_age(now: datetime.datetime | None = None) -> float | None:
    """Seconds the longest-waiting task that is due has waited (None: none waits). A task
    without a delay waits from when it was queued, a delayed one from when it became due. One
    query (also read by the metrics)."""
    now = now or timezone.now()
    no_delay = Q(run_after=get_date_max())
    oldest = DBTaskResult.objects.ready().aggregate(
        queued=Min("enqueued_at", filter=no_delay),
        due=Min("run_after", filter=~no_delay),
    )
    since = [moment for moment in (oldest["queued"], oldest["due"]) if moment is not None]
    if not since:
        return None
    return max(0.0, (now - min(since)).total_seconds())


@dataclasses.dataclass
class Process(HealthCheck):
    """Liveness: answering at all is the check."""

    async def run(self) -> None:
        return None


@dataclasses.dataclass
class QueueBacklog(HealthCheck):
    """Unready when a due task has waited longer than TASKS_BACKLOG_MAX_AGE_SECONDS: no worker
    runs, or they cannot keep up (e-mails and index updates are late)."""

    max_age_seconds: int = dataclasses.field(
        default_factory=lambda: settings.TASKS_BACKLOG_MAX_AGE_SECONDS
    )

    async def run(self) -> None:
        # On the request's own thread and connection (closed with the request as usual), not
        # on a thread of the executor whose connection nothing would close.
        age = await sync_to_async(self._age, thread_sensitive=True)()
        if age is not None and age > self.max_age_seconds:
            raise ServiceUnavailable(
                f"the oldest waiting task has waited {age:.0f} s (limit {self.max_age_seconds} s);"
                " is the worker (manage.py db_worker) running?"
            )

    @staticmethod
    def _age() -> float | None:
        try:
            return oldest_ready_task_age()
        except DatabaseError as error:
            raise ServiceUnavailable("the task queue cannot be read") from error


@dataclasses.dataclass
class SearchEngine(HealthCheck):
    """The Elasticsearch cluster answers (only checked when ELASTICSEARCH_URL is set)."""

    timeout = datetime.timedelta(seconds=10)  # the client's own timeout, and one retry

    def run(self) -> None:
        try:
            get_client().info()
        except Exception as error:
            if is_engine_error(error):
                raise ServiceUnavailable(f"search engine: {type(error).__name__}") from error
            raise


def _read_any_accept(request: HttpRequest) -> None:
    """An empty or unreadable Accept header counts as none (`*/*`): the library would answer
    406 or fail, and a probe that sends one must still learn whether the site is up."""
    accept = request.META.get("HTTP_ACCEPT")
    if accept is None:
        return
    try:
        if list(MediaType.parse_header(accept)):
            return
    except ValueError:
        pass
    request.META["HTTP_ACCEPT"] = "*/*"
    request.__dict__.pop("headers", None)  # a cached_property: read again from META


class HealthView(HealthCheckView):
    """django-health-check's view, answering 503 rather than 500 when a check fails: balancers
    and orchestrators read 503 as "not now", and a 500 would look like a bug of the page."""

    async def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        _read_any_accept(request)
        response = await super().get(request, *args, **kwargs)
        if response.status_code == 500:
            response.status_code = 503
        return response


class LiveView(HealthView):
    checks = (Process,)


class ReadyView(HealthView):
    def get_checks(self) -> Iterator[HealthCheck]:
        yield Database()
        yield Cache(alias="default")
        yield QueueBacklog()
        if settings.ELASTICSEARCH_URL:  # read per request: the database search has no server
            yield SearchEngine()
