"""Keep the index in step with the data: saving or deleting a product, a stock record, a PES,
a category or a certificate, ticking a PES's fields of activity, or renaming or deleting a field
of activity, queues the affected products and PES for re-indexing.

Changes are gathered per transaction and queued once it commits (one task per batch, not
one per row; nothing queued for a rolled-back change). `SEARCH_UPKEEP_ON_COMMIT = False`
(tests) queues at once instead, since a test's transaction never commits."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from oscar.apps.order.signals import order_placed
from oscar.core.loading import get_model
from wagtail.models import PageViewRestriction

from marketplace.certificates.models import Certificate
from marketplace.partner.models import ActivityField
from portal.cache import invalidate_pages
from portal.organisations.models import Powiat

from . import tasks

_pending = threading.local()


@contextmanager
def paused() -> Iterator[None]:
    """No upkeep inside (a bulk load followed by `search_index rebuild`)."""
    _pending.paused = True
    try:
        yield
    finally:
        _pending.paused = False


def _queue(kind: str, pks: Iterable[int]) -> None:
    if getattr(_pending, "paused", False):
        return
    pks = [pk for pk in pks if pk]
    if not pks:
        return
    if not getattr(settings, "SEARCH_UPKEEP_ON_COMMIT", True):
        _enqueue(kind, pks)
        return
    batches = getattr(_pending, "batches", None)
    if batches is None:
        batches = _pending.batches = {"products": set(), "partners": set()}
        batches[kind].update(pks)
        # Outside a transaction (a shell, a command, a view not in `atomic`) on_commit runs
        # `_flush` at once: the batch must hold the change before it is registered.
        transaction.on_commit(_flush)
        return
    batches[kind].update(pks)


def _flush() -> None:
    batches = getattr(_pending, "batches", None)
    _pending.batches = None
    if not batches:
        return
    for kind, pks in batches.items():
        if pks:
            _enqueue(kind, sorted(pks))


def _enqueue(kind: str, pks: list[int]) -> None:
    task = tasks.update_products if kind == "products" else tasks.update_partners
    for start in range(0, len(pks), 1000):
        task.enqueue(pks[start : start + 1000])


def queue_products(pks: Iterable[int]) -> None:
    _queue("products", pks)


def queue_partners(pks: Iterable[int]) -> None:
    _queue("partners", pks)


# Receivers -----------------------------------------------------------------------------
def _product_changed(sender, instance, **kwargs) -> None:
    queue_products([instance.pk, getattr(instance, "parent_id", None)])


def _stockrecord_changed(sender, instance, **kwargs) -> None:
    queue_products([instance.product_id])


def _partner_changed(sender, instance, **kwargs) -> None:
    queue_partners([instance.pk])


def _category_changed(sender, instance, **kwargs) -> None:
    if kwargs.get("created"):
        return  # a new category has no products yet
    product_model = get_model("catalogue", "Product")
    queue_products(
        product_model.objects.filter(
            categories__in=instance.get_descendants_and_self()
        ).values_list("pk", flat=True)
    )


def _certificate_changed(sender, instance, **kwargs) -> None:
    if instance.pk:
        queue_products(instance.products.values_list("pk", flat=True))
    queue_partners([instance.holder_id])


def _product_categories_changed(sender, instance, action, pk_set, **kwargs) -> None:
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if isinstance(instance, get_model("catalogue", "Product")):
        queue_products([instance.pk])
    else:  # changed from the category's side
        queue_products(pk_set or [])


def _certificate_products_changed(sender, instance, action, pk_set, **kwargs) -> None:
    if action in ("post_add", "post_remove") and pk_set:
        queue_products(pk_set)


def _partner_activities_changed(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    """A PES indexes its fields' slugs and names; either side of the relation may change."""
    if not reverse:
        if action in ("post_add", "post_remove", "post_clear"):
            queue_partners([instance.pk])
    elif action in ("post_add", "post_remove") and pk_set:
        queue_partners(pk_set)
    elif action == "pre_clear":  # after the clear the holders are no longer known
        instance._search_holders = list(instance.partners.values_list("pk", flat=True))
    elif action == "post_clear":
        queue_partners(getattr(instance, "_search_holders", []))


def _activity_field_saved(sender, instance, created, **kwargs) -> None:
    if not created:  # a renamed field changes its holders' documents
        queue_partners(instance.partners.values_list("pk", flat=True))


def _activity_field_deleting(sender, instance, **kwargs) -> None:
    instance._search_holders = list(instance.partners.values_list("pk", flat=True))


def _activity_field_deleted(sender, instance, **kwargs) -> None:
    queue_partners(getattr(instance, "_search_holders", []))


def _order_placed(sender, order, **kwargs) -> None:
    """A checkout allocates stock with a conditional UPDATE (no post_save): the ordered
    products' availability in the index changes all the same."""
    queue_products(order.lines.values_list("product_id", flat=True))


def _vocabulary_changed(sender, **kwargs) -> None:
    """Powiats and page view restrictions are cached for search (`search.vocabulary`) and
    shown on cached pages: a new generation forgets them all."""
    invalidate_pages()


def connect() -> None:
    """Called from the app's ready()."""
    for model in (Powiat, PageViewRestriction):
        for signal in (post_save, post_delete):
            signal.connect(
                _vocabulary_changed,
                sender=model,
                dispatch_uid=f"search-vocabulary-{model.__name__}-{signal}",
            )

    product = get_model("catalogue", "Product")
    stockrecord = get_model("partner", "StockRecord")
    partner = get_model("partner", "Partner")
    category = get_model("catalogue", "Category")
    for signal in (post_save, post_delete):
        signal.connect(_product_changed, sender=product, dispatch_uid=f"search-product-{signal}")
        signal.connect(
            _stockrecord_changed, sender=stockrecord, dispatch_uid=f"search-stock-{signal}"
        )
        signal.connect(_partner_changed, sender=partner, dispatch_uid=f"search-partner-{signal}")
        signal.connect(
            _certificate_changed, sender=Certificate, dispatch_uid=f"search-cert-{signal}"
        )
    post_save.connect(_category_changed, sender=category, dispatch_uid="search-category")
    order_placed.connect(_order_placed, dispatch_uid="search-order-placed")
    m2m_changed.connect(
        _product_categories_changed,
        sender=product.categories.through,
        dispatch_uid="search-product-categories",
    )
    m2m_changed.connect(
        _certificate_products_changed,
        sender=Certificate.products.through,
        dispatch_uid="search-certificate-products",
    )
    m2m_changed.connect(
        _partner_activities_changed,
        sender=partner.activity_fields.through,
        dispatch_uid="search-partner-activities",
    )
    post_save.connect(_activity_field_saved, sender=ActivityField, dispatch_uid="search-activity")
    pre_delete.connect(
        _activity_field_deleting, sender=ActivityField, dispatch_uid="search-activity-deleting"
    )
    post_delete.connect(
        _activity_field_deleted, sender=ActivityField, dispatch_uid="search-activity-deleted"
    )
