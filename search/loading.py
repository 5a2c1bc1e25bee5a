"""Turn a backend's hits into model instances in one query per kind, in the hits' order.

A hit whose row has gone (deleted between indexing and now) is dropped from the page."""

from __future__ import annotations

from django.db.models import Prefetch
from django.urls import reverse
from oscar.core.loading import get_model

from marketplace.directory import shortlist
from marketplace.directory.filters import listed_partners
from marketplace.products import CARD_SKIPS_PARTNER, browsable_products

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


def _priced_products():
    """Browsable products with what a price and its seller need (no pictures, no badges)."""
    product_model = get_model("catalogue", "Product")
    stockrecord_model = get_model("partner", "StockRecord")
    records = stockrecord_model.objects.select_related("partner", "partner__powiat").defer(
        *(f"partner__{name}" for name in CARD_SKIPS_PARTNER)
    )
    return (
        product_model.objects.browsable()
        .select_related("product_class")
        .prefetch_related(Prefetch("stockrecords", queryset=records))
    )


def attach_products(results: Results, *, cards: bool = True) -> None:
    """Products with what a product card shows (picture, price, seller, certificate), or
    without `cards` only their price and seller (a site search hit: two queries, not four)."""
    if not results.hits:
        return
    _attach(results, browsable_products() if cards else _priced_products())
    for hit in results.hits:
        hit.url = hit.url or hit.object.get_absolute_url()


def attach_partners(results: Results, *, details: bool = True) -> None:
    """Listed PES with what a directory row shows (powiat, OWES, activities, certificates),
    or without `details` only their powiat (a site search hit: one query instead of four)."""
    if not results.hits:
        return
    if details:
        _attach(results, shortlist.with_details(listed_partners()))
    else:
        _attach(results, listed_partners().select_related("powiat"))
    for hit in results.hits:
        hit.url = hit.url or reverse("directory:detail", args=[hit.object.code])
