"""What the search indexes, built once for both backends: one plain dict per product and
per PES. The database backend stores it in `search.ProductEntry`; Elasticsearch indexes it
as a document. "Available" is defined here and nowhere else.

A product is available when it is public and browsable (standalone or parent), sold by a PES
listed in the directory, and either untracked (services, made to order) or in stock.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils.html import strip_tags
from oscar.core.loading import get_model

from marketplace.certificates.models import Certificate, today_in_poland
from portal.text import fold

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")
StockRecord = get_model("partner", "StockRecord")
Partner = get_model("partner", "Partner")

CHUNK = 500


def _stockrecords() -> Prefetch:
    return Prefetch(
        "stockrecords",
        queryset=StockRecord.objects.select_related("partner", "partner__powiat").order_by(
            "price", "pk"
        ),
    )


def product_queryset() -> QuerySet:
    """Every product that might be indexed, with what its document needs, in pk order."""
    return (
        Product.objects.browsable()
        .select_related("product_class")
        .prefetch_related(
            _stockrecords(),
            "categories",
            Prefetch(
                "certificates",
                queryset=Certificate.objects.filter(revoked_on__isnull=True).order_by("issued_on"),
                to_attr="search_certificates",
            ),
        )
        .order_by("pk")
    )


def _offer(product: Any) -> Any | None:
    """The stock record the product is sold through: the cheapest available one."""
    tracks_stock = bool(product.product_class and product.product_class.track_stock)
    for record in product.stockrecords.all():
        partner = record.partner
        if not partner.listed_in_directory:
            continue
        if tracks_stock and (record.num_in_stock or 0) - (record.num_allocated or 0) <= 0:
            continue
        return record
    return None


def is_service(product: Any) -> bool:
    product_class = product.product_class
    return bool(
        product_class and not product_class.requires_shipping and not product_class.track_stock
    )


def _category_paths() -> dict[int, tuple[list[int], list[str]]]:
    """Every category's pk → (its pk and its ancestors' pks, their names), from one query."""
    rows = list(Category.objects.values_list("pk", "path", "name", "depth"))
    by_path = {path: (pk, name) for pk, path, name, _depth in rows}
    step = Category.steplen
    result: dict[int, tuple[list[int], list[str]]] = {}
    for pk, path, _name, depth in rows:
        chain = [by_path.get(path[: step * level]) for level in range(1, depth + 1)]
        chain = [link for link in chain if link]
        result[pk] = ([link[0] for link in chain], [link[1] for link in chain])
    return result


def _certified_period(product: Any) -> tuple[date | None, date | None]:
    """The certificate period that matters: the one in force today, else the next one.

    Stored as dates and compared with today at query time, so a badge never goes stale."""
    today = today_in_poland()
    current = None
    for certificate in getattr(product, "search_certificates", []):
        if certificate.valid_until < today:
            continue
        if certificate.issued_on <= today:
            return certificate.issued_on, certificate.valid_until
        current = current or (certificate.issued_on, certificate.valid_until)
    return current or (None, None)


def product_document(product: Any, categories: dict[int, tuple[list[int], list[str]]]) -> dict:
    """The indexed form of an available product (call only with one `_offer` found)."""
    record = _offer(product)
    if record is None:
        raise ValueError(f"product {product.pk} has no offer to index")
    partner = record.partner
    category_ids: set[int] = set()
    category_names: list[str] = []
    for category in product.categories.all():
        ids, names = categories.get(category.pk, ([category.pk], [category.name]))
        category_ids.update(ids)
        category_names.extend(name for name in names if name not in category_names)
    description = " ".join(strip_tags(product.description or "").split())
    certified_from, certified_until = _certified_period(product)
    return {
        "pk": product.pk,
        "title": product.title,
        "description": description,
        "categories": sorted(category_ids),
        "category_names": category_names,
        "partner_id": partner.pk,
        "partner_name": partner.name,
        "powiat": partner.powiat.code if partner.powiat_id else "",
        "legal_form": partner.legal_form or "",
        "is_service": is_service(product),
        "price": record.price if record.price is not None else None,
        "currency": record.price_currency,
        "created": product.date_created,
        "certified_from": certified_from,
        "certified_until": certified_until,
        "folded_title": fold(product.title),
        "folded_text": fold(
            " ".join([product.title, description, " ".join(category_names), partner.name or ""])
        ),
    }


def _restricted(queryset: QuerySet, pks: Iterable[int] | None) -> tuple[QuerySet, set[int] | None]:
    """The queryset limited to `pks` and those pks as a set, or both unchanged for None (all)."""
    if pks is None:
        return queryset, None
    wanted = set(pks)
    return queryset.filter(pk__in=wanted), wanted


def product_documents(pks: Iterable[int] | None = None) -> Iterator[tuple[int, dict | None]]:
    """(pk, document) for the given products (all when None); the document is None for a
    product that is gone or no longer available, so the caller removes it from the index."""
    categories = _category_paths()
    queryset, wanted = _restricted(product_queryset(), pks)
    seen: set[int] = set()
    last = 0
    while True:
        chunk = list(queryset.filter(pk__gt=last)[:CHUNK])
        if not chunk:
            break
        for product in chunk:
            seen.add(product.pk)
            document = product_document(product, categories) if _offer(product) else None
            yield product.pk, document
        last = chunk[-1].pk
    for pk in (wanted or set()) - seen:
        yield pk, None


def count_products() -> int:
    return product_queryset().count()


# PES -----------------------------------------------------------------------------------
def selling_partner_ids(pks: Iterable[int] | None = None) -> set[int]:
    """PES with at least one browsable product in the shop (the "sells online" facet)."""
    records = StockRecord.objects.filter(product__in=Product.objects.browsable())
    if pks is not None:
        records = records.filter(partner_id__in=list(pks))
    return set(records.values_list("partner_id", flat=True).distinct())


def partner_product_ids(pks: Iterable[int]) -> list[int]:
    """The products these PES sell: their documents carry the seller's data."""
    return list(
        StockRecord.objects.filter(partner_id__in=list(pks))
        .values_list("product_id", flat=True)
        .distinct()
    )


def partner_document(partner: Any, selling: set[int]) -> dict:
    """The indexed form of a listed PES: what the directory filters and searches on.

    Certificates and PS status change with dates, so their dates are indexed and compared
    with today at query time."""
    today = today_in_poland()
    periods = [
        (c.issued_on, c.valid_until)
        for c in getattr(partner, "search_certificates", [])
        if c.valid_until >= today
    ]
    periods.sort()
    certified_from, certified_until = periods[0] if periods else (None, None)
    activities = list(partner.activity_fields.all())
    names = [a.name for a in activities] + [a.name_en for a in activities if a.name_en]
    texts = [
        partner.name,
        partner.description or "",
        partner.social_mission or "",
        partner.city or "",
        " ".join(names),
    ]
    return {
        "pk": partner.pk,
        "name": partner.name,
        "code": partner.code,
        "description": " ".join(strip_tags(partner.description or "").split()),
        "city": partner.city or "",
        "powiat": partner.powiat.code if partner.powiat_id else "",
        "legal_form": partner.legal_form or "",
        "reintegration": partner.reintegration or "",
        "ps": bool(partner.ps_decision_date and partner.ps_decision_number),
        "art94": bool(
            partner.employees_total
            and partner.employees_at_risk is not None
            and partner.employees_at_risk * 10 >= partner.employees_total * 3
        ),
        "online": partner.pk in selling,
        "activities": sorted(a.slug for a in activities),
        "certified_from": certified_from,
        "certified_until": certified_until,
        "folded_name": fold(partner.name),
        "folded_text": fold(" ".join(texts)),
    }


def partner_queryset() -> QuerySet:
    return (
        Partner.objects.filter(listed_in_directory=True)
        .select_related("powiat")
        .prefetch_related(
            "activity_fields",
            Prefetch(
                "certificates",
                queryset=Certificate.objects.filter(revoked_on__isnull=True),
                to_attr="search_certificates",
            ),
        )
        .order_by("pk")
    )


def partner_documents(pks: Iterable[int] | None = None) -> Iterator[tuple[int, dict | None]]:
    queryset, wanted = _restricted(partner_queryset(), pks)
    selling = selling_partner_ids(wanted)
    seen: set[int] = set()
    for partner in queryset.iterator(chunk_size=CHUNK):
        seen.add(partner.pk)
        yield partner.pk, partner_document(partner, selling)
    for pk in (wanted or set()) - seen:
        yield pk, None


def price_value(price: Decimal | None) -> float | None:
    return None if price is None else float(price)
