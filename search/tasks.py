"""Background index upkeep (django-tasks): immediate by default and in tests; a deployment
may point `TASKS` at a queue backend. A failing engine is logged, never raised into the
request that changed the data (a checkout must not fail because search is down)."""

from __future__ import annotations

import logging

from django_tasks import task

from portal.cache import invalidate_pages

from .service import get_backend

logger = logging.getLogger(__name__)


def _refresh_pages() -> None:
    """The page cache was cleared when the data was saved, before this update: a listing
    cached in between shows the old index, so clear it again now the index has changed."""
    invalidate_pages()


@task()
def update_products(pks: list[int]) -> None:
    try:
        get_backend().update_products(pks)
    except Exception:
        logger.exception("search index: %d products not updated", len(pks))
        return
    _refresh_pages()


@task()
def update_partners(pks: list[int]) -> None:
    try:
        get_backend().update_partners(pks)
    except Exception:
        logger.exception("search index: %d PES not updated", len(pks))
        return
    _refresh_pages()
