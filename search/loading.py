"""Turn a backend's hits into model instances in one query per kind, in the hits' order.

A hit whose row has gone (deleted between indexing and now) is dropped from the page."""

from __future__ import annotations

from .query import Results


def _attach(results: Results, queryset) -> None:
    by_pk = {obj.pk: obj for obj in queryset.filter(pk__in=results.pks)}
    kept = []
    for hit in results.hits:
        obj = by_pk.get(hit.pk)
        if obj is None:
            continue
        hit.object = obj
        hit.title = hit.title or str(obj)
        kept.append(hit)
    results.hits = kept


def attach_products(results: Results) -> None:
    """Products with what a product card shows (picture, price, seller, certificate)."""
    if not results.hits:
        return
    from marketplace.products import browsable_products

    _attach(results, browsable_products())
    for hit in results.hits:
        hit.url = hit.url or hit.object.get_absolute_url()


def attach_partners(results: Results) -> None:
    """Listed PES with what a directory row shows (powiat, OWES, activities, certificates)."""
    if not results.hits:
        return
    from django.urls import reverse

    from marketplace.directory import shortlist
    from marketplace.directory.filters import listed_partners

    _attach(results, shortlist.with_details(listed_partners()))
    for hit in results.hits:
        hit.url = hit.url or reverse("directory:detail", args=[hit.object.code])
