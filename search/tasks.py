"""Background index upkeep (django-tasks): queued in the database and run by the worker (run
at once in tests). A failing engine is logged and the update retried later, never raised into
the request that changed the data (a checkout must not fail because search is down)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django_tasks import task
from django_tasks.base import Task

from portal.cache import invalidate_pages
from portal.jobs.retry import retry_later

from .backends.base import SearchBackend
from .service import get_backend

logger = logging.getLogger(__name__)


MAX_ATTEMPTS = 8  # about two hours of pauses before an update is given up (a full rebuild fixes it)


def _update(
    what: str, pks: list[int], update: Callable[[SearchBackend], None], retry: Task, attempt: int
) -> None:
    """Run one index update. A failure is retried later with the queue (a search engine that
    is away comes back) and logged; never raised into the request that changed the data.
    The page cache was cleared when the data was saved, before this update: a listing cached
    in between shows the old index, so it is cleared again once the index has changed."""
    try:
        update(get_backend())
    except Exception:
        retry_at = retry_later(retry, pks, attempt=attempt, max_attempts=MAX_ATTEMPTS)
        logger.exception(
            "search index: %d %s not updated (attempt %d)%s",
            len(pks),
            what,
            attempt,
            f"; next attempt at {retry_at.isoformat(timespec='seconds')}" if retry_at else "",
        )
        return
    invalidate_pages()


@task()
def update_products(pks: list[int], attempt: int = 1) -> None:
    _update("products", pks, lambda backend: backend.update_products(pks), update_products, attempt)


@task()
def update_partners(pks: list[int], attempt: int = 1) -> None:
    _update("PES", pks, lambda backend: backend.update_partners(pks), update_partners, attempt)
