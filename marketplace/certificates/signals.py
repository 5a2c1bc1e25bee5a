"""Keep cached pages honest about badges.

Saves: a granted, changed, revoked or deleted certificate (or a change of its products) bumps the
page-cache generation, so a badge appears or disappears at once, like a product or stock change.

Time: a certificate also ends at midnight without any save. Pages are cached for
PAGE_CACHE_SECONDS and card fragments for an hour under the same generation, so at the first
request of each day (in Europe/Warsaw) the generation is bumped once for all workers: nothing
rendered yesterday, with yesterday's badges, is served today. The check costs a date comparison
per request; the shared cache is touched once per worker per day, and `cache.add` lets only the
first worker of the day bump. (Capping each stored page's timeout at midnight would need the
page-cache middleware to know which pages show badges; the fragment caches would need it too.)
"""

from __future__ import annotations

from datetime import date

from django.core.cache import cache
from django.core.signals import request_started
from django.db.models.signals import m2m_changed, post_delete, post_save

from portal.cache import invalidate_pages

from .models import Certificate, today_in_poland

DAY_KEY = "pagecache:certificates-day:{}"
_last_day_seen: date | None = None


def certificate_changed(**_kwargs: object) -> None:
    invalidate_pages()


def products_changed(action: str = "", **_kwargs: object) -> None:
    if action in {"post_add", "post_remove", "post_clear"}:
        invalidate_pages()


def new_day_renews_pages(**_kwargs: object) -> None:
    """On the first request of a new Polish day, make every cached page and fragment stale."""
    global _last_day_seen
    today = today_in_poland()
    if today == _last_day_seen:
        return
    _last_day_seen = today
    if cache.add(DAY_KEY.format(today.isoformat()), 1, 2 * 24 * 3600):
        invalidate_pages()


def connect() -> None:
    post_save.connect(certificate_changed, sender=Certificate, dispatch_uid="certificates-save")
    post_delete.connect(certificate_changed, sender=Certificate, dispatch_uid="certificates-del")
    m2m_changed.connect(
        products_changed, sender=Certificate.products.through, dispatch_uid="certificates-m2m"
    )
    request_started.connect(new_day_renews_pages, dispatch_uid="certificates-new-day")
