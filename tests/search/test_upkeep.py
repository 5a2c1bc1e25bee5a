"""Index upkeep: changes are gathered per transaction and indexed once it commits; the
database backend's entries follow products, stock, PES and certificates."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from oscar.core.loading import get_model

from search.models import ProductEntry, Term
from search.words import vocabulary

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
