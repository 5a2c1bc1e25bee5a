"""Background index upkeep (django-tasks): immediate by default and in tests; a deployment
may point `TASKS` at a queue backend. A failing engine is logged, never raised into the
request that changed the data (a checkout must not fail because search is down)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django_tasks import task

from portal.cache import invalidate_pages

from .backends.base import SearchBackend
from .service import get_backend

logger = logging.getLogger(__name__)


def _update(what: str, count: int, update: Callable[[SearchBackend], None]) -> None:
    """Run one index update; a failure is logged. The page cache was cleared when the data
    was saved, before this update: a listing cached in between shows the old index, so it is
    cleared again once the index has changed."""
    try:
        update(get_backend())
    except Exception:
        logger.exception("search index: %d %s not updated", count, what)
        return
    invalidate_pages()


@task()
def update_products(pks: list[int]) -> None:
    _update("products", len(pks), lambda backend: backend.update_products(pks))


@task()
def update_partners(pks: list[int]) -> None:
    _update("PES", len(pks), lambda backend: backend.update_partners(pks))
