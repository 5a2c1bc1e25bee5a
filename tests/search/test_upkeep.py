"""Index upkeep: changes are gathered per transaction and indexed once it commits; the
database backend's entries follow products, stock, PES and certificates."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult
from oscar.apps.order.signals import order_placed
from oscar.core.loading import get_model

from search import upkeep
from search.models import ProductEntry, Term
from search.words import vocabulary
from tests.factories import PartnerFactory, create_pes_order
from tests.helpers.queue import DATABASE_QUEUE

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")


def test_changes_are_indexed_after_commit_in_one_batch(
    demo, settings, django_capture_on_commit_callbacks
):
    settings.SEARCH_UPKEEP_ON_COMMIT = True
    products = list(Product.objects.filter(search_entry__isnull=False).order_by("pk")[:3])
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        for product in products:
            product.title = f"Zmieniony {product.pk}"
            product.save()
        # Nothing written to the index before the commit.
        assert not ProductEntry.objects.filter(title__startswith="Zmieniony").exists()
    assert len(callbacks) == 1  # one flush for the whole transaction
    titles = set(
        ProductEntry.objects.filter(pk__in=[p.pk for p in products]).values_list("title", flat=True)
    )
    assert titles == {f"Zmieniony {p.pk}" for p in products}


def test_new_words_join_the_vocabulary(demo):
    product = Product.objects.filter(search_entry__isnull=False).first()
    product.title = "Konfitura żurawinowa"
    product.save()
    assert Term.objects.filter(word="zurawinowa").exists()
    assert vocabulary.has_prefix("zurawin")
    assert "zurawinowa" in vocabulary.corrections("zurawinowq")


def test_rebuild_command_prints_progress_and_counts(demo, capsys):
    ProductEntry.objects.all().delete()
    call_command("search_index", "rebuild", "--no-pages")
    out = capsys.readouterr()
    assert "products:" in out.out
    assert ProductEntry.objects.exists()
    call_command("search_index", "status")
    assert "database" in capsys.readouterr().out


def test_deleting_a_product_removes_its_entry(demo):
    product = Product.objects.filter(search_entry__isnull=False).first()
    pk = product.pk
    product.delete()
    assert not ProductEntry.objects.filter(pk=pk).exists()


def test_search_keeps_answering_during_a_database_rebuild(demo, monkeypatch):
    """A rebuild replaces entries batch by batch and drops stale ones only at the end, so
    every search made while it runs still sees the whole catalogue."""
    from search.backends import database
    from search.query import ProductQuery
    from search.service import get_backend, search_products

    backend = get_backend()
    assert backend.name == "database"
    everything = search_products(ProductQuery(per_page=1, facets=False), load=False).total
    stale = Product.objects.filter(search_entry__isnull=False).first()
    ProductEntry.objects.filter(pk=stale.pk).update(title="Nieaktualny wpis")
    gone = ProductEntry.objects.create(
        product=Product.objects.filter(search_entry__isnull=True).first(),
        title="Wpis produktu niedostępnego",
        folded_title="wpis produktu niedostepnego",
        folded_text="wpis produktu niedostepnego",
        partner_id=0,
        created=stale.date_created,
    )
    monkeypatch.setattr(database, "BATCH", 10)
    seen_during: list[int] = []

    def progress(stage: str, done: int, total: int) -> None:
        if done < total:
            seen_during.append(
                search_products(ProductQuery(per_page=1, facets=False), load=False).total
            )

    counts = backend.rebuild(progress)
    assert len(seen_during) >= 3
    assert min(seen_during) >= everything  # never a half-empty catalogue
    assert counts["products"] == everything
    assert not ProductEntry.objects.filter(pk=gone.pk).exists()  # stale entries go at the end
    assert ProductEntry.objects.get(pk=stale.pk).title == stale.title
    assert search_products(ProductQuery(per_page=1, facets=False), load=False).total == everything


def test_a_change_outside_a_transaction_is_indexed(demo, settings, monkeypatch):
    """A shell, a command or a view not in `atomic` runs on_commit callbacks at once (Django's
    autocommit): the change must be in the batch before the flush runs."""
    settings.SEARCH_UPKEEP_ON_COMMIT = True
    monkeypatch.setattr(upkeep.transaction, "on_commit", lambda callback, *a, **kw: callback())
    product = Product.objects.filter(search_entry__isnull=False).first()
    product.title = "Zmieniony bez transakcji"
    product.save()
    assert ProductEntry.objects.get(pk=product.pk).title == "Zmieniony bez transakcji"


def test_a_placed_order_queues_its_products_for_the_index(demo, settings):
    """Stock is allocated by a conditional UPDATE (no post_save); availability changes all
    the same, so the ordered products are indexed again."""
    order = create_pes_order(PartnerFactory())
    settings.TASKS = DATABASE_QUEUE
    DBTaskResult.objects.all().delete()
    order_placed.send(sender=None, order=order, user=None)
    ordered = set(order.lines.values_list("product_id", flat=True))
    queued = {
        pk
        for result in DBTaskResult.objects.filter(task_path="search.tasks.update_products")
        for pk in result.task_result.args[0]
    }
    assert ordered and ordered <= queued
