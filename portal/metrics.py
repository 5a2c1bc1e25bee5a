"""`/metrics/` for Prometheus.

Two kinds of figures:
- django-prometheus' request counters and latencies (by view and method), counted in the
  process that served each request. Under gunicorn a scrape reaches one worker; set
  `PROMETHEUS_MULTIPROC_DIR` (an empty directory the web processes share) and they are summed
  over every worker.
- the task queue and the e-mail outbox, read from the database at scrape time (three grouped
  queries), so they are right whichever process answers and however many workers run: tasks
  by status, how long the oldest due task has waited, e-mails by status, and e-mail failures.

Refused (403) unless the request comes with `Authorization: Bearer <METRICS_TOKEN>`, from an
address in METRICS_ALLOWED_IPS (REMOTE_ADDR, never X-Forwarded-For, as for the rate limiter),
or from a superuser's session. The metrics are no secret, but they tell a stranger how busy the
site is and when its mail server fails.
"""

from __future__ import annotations

import functools
import hmac
import ipaddress
import logging
import os
from collections.abc import Iterable, Iterator

from django.conf import settings
from django.db import DatabaseError
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from prometheus_client import REGISTRY, CollectorRegistry, multiprocess
from prometheus_client.exposition import choose_encoder
from prometheus_client.metrics_core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from portal.health import oldest_ready_task_age
from portal.mail.models import OutgoingEmail
from portal.ratelimit import client_address

logger = logging.getLogger(__name__)

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


class QueueCollector(Collector):
    """The queue and the outbox as they are in the database when Prometheus asks."""

    def collect(self) -> Iterable[Metric]:
        families = self._families()
        up = families.pop()
        try:
            self._fill(*families)
        except DatabaseError:
            logger.exception("metrics: the queue and the outbox cannot be read")
            up.add_metric([], 0)
            return [up]
        up.add_metric([], 1)
        return [*families, up]

    @staticmethod
    def _families() -> list[GaugeMetricFamily]:
        return [
            GaugeMetricFamily(
                "portal_tasks",
                "Tasks in the queue table by status (finished ones are pruned after 30 days).",
                labels=["status"],
            ),
            GaugeMetricFamily(
                "portal_tasks_oldest_ready_age_seconds",
                "How long the longest-waiting due task has waited (0: none waits).",
            ),
            GaugeMetricFamily(
                "portal_outgoing_emails", "E-mails in the outbox by status.", labels=["status"]
            ),
            GaugeMetricFamily(
                "portal_outgoing_email_failures",
                "E-mails given up on (failed) plus pending ones whose last attempt failed.",
            ),
            GaugeMetricFamily(
                "portal_queue_metrics_up",
                "1 when the queue and outbox figures could be read from the database.",
            ),
        ]

    @staticmethod
    def _fill(
        tasks: GaugeMetricFamily,
        oldest: GaugeMetricFamily,
        emails: GaugeMetricFamily,
        failures: GaugeMetricFamily,
    ) -> None:
        by_status = dict(
            DBTaskResult.objects.order_by()
            .values("status")
            .annotate(total=Count("pk"))
            .values_list("status", "total")
        )
        for status in TaskResultStatus.values:
            tasks.add_metric([status], by_status.get(status, 0))
        oldest.add_metric([], oldest_ready_task_age() or 0.0)
        mail = {
            row["status"]: row
            for row in OutgoingEmail.objects.order_by()
            .values("status")
            .annotate(total=Count("pk"), with_error=Count("pk", filter=~Q(last_error="")))
        }
        for status in OutgoingEmail.Status.values:
            emails.add_metric([status], mail.get(status, {}).get("total", 0))
        failed = mail.get(OutgoingEmail.Status.FAILED, {}).get("total", 0)
        retrying = mail.get(OutgoingEmail.Status.PENDING, {}).get("with_error", 0)
        failures.add_metric([], failed + retrying)


class _Chained(Collector):
    """Several collectors (or registries) read as one, so one encoder writes one document (the
    OpenMetrics format ends with `# EOF`: two documents cannot be joined)."""

    def __init__(self, *sources: Collector | CollectorRegistry) -> None:
        self.sources = sources

    def collect(self) -> Iterator[Metric]:
        for source in self.sources:
            yield from source.collect()


def _everything() -> Collector:
    """This process's metrics (or every worker's, in multiprocess mode) and the database's."""
    processes = REGISTRY
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        processes = CollectorRegistry()
        multiprocess.MultiProcessCollector(processes)
    return _Chained(processes, QueueCollector())


@functools.lru_cache(maxsize=8)
def _networks(entries: tuple[str, ...]) -> tuple[Network, ...]:
    """METRICS_ALLOWED_IPS as networks (a bare address is a network of one); a wrong entry is
    logged and left out rather than failing every scrape."""
    networks = []
    for entry in entries:
        try:
            networks.append(ipaddress.ip_network(entry, strict=False))
        except ValueError:
            logger.error("METRICS_ALLOWED_IPS: %r is not an address or network; ignored", entry)
    return tuple(networks)


def _address_allowed(address: str) -> bool:
    networks = _networks(tuple(getattr(settings, "METRICS_ALLOWED_IPS", ())))
    if not networks:
        return False
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return any(ip in network for network in networks)


def _token_allowed(request: HttpRequest) -> bool:
    token = getattr(settings, "METRICS_TOKEN", "")
    scheme, _space, credentials = request.headers.get("Authorization", "").partition(" ")
    if not token or scheme.lower() != "bearer":
        return False
    return hmac.compare_digest(credentials.strip().encode(), token.encode())


def may_read_metrics(request: HttpRequest) -> bool:
    """The token, then the address, then a superuser's session (the only one that reads the
    session, which a scraper does not send)."""
    if _token_allowed(request) or _address_allowed(client_address(request)):
        return True
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated and user.is_superuser)


@never_cache
@require_safe
def metrics_view(request: HttpRequest) -> HttpResponse:
    if not may_read_metrics(request):
        return HttpResponseForbidden(
            _(
                "Metrics are shown only to superusers, to requests carrying the metrics token "
                "and to the addresses allowed to read them."
            ),
            content_type="text/plain; charset=utf-8",
        )
    try:
        encoder, content_type = choose_encoder(request.headers.get("Accept", ""))
    except (ValueError, TypeError):  # an unreadable version: the plain text format, as for none
        encoder, content_type = choose_encoder("")
    return HttpResponse(encoder(_everything()), content_type=content_type)
