"""The database backend's own index: one row per available product, folded and denormalised
(seller, powiat, legal form, price, categories with their ancestors), so a faceted search is a
few queries on one table instead of joins across the catalogue at every request.

Kept by the same upkeep as Elasticsearch (`search.upkeep`), rebuilt by
`manage.py search_index rebuild`. Oscar's search app (forked here) has no models of its own.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProductEntry(models.Model):
    product = models.OneToOneField(
        "catalogue.Product",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="search_entry",
        verbose_name=_("product"),
    )
    title = models.CharField(_("title"), max_length=255)
    folded_title = models.CharField(max_length=255, db_index=True)
    folded_text = models.TextField()
    partner_id = models.IntegerField(db_index=True)
    powiat = models.CharField(max_length=40, blank=True, db_index=True)
    legal_form = models.CharField(max_length=40, blank=True, db_index=True)
    is_service = models.BooleanField(default=False)
    price = models.DecimalField(max_digits=12, decimal_places=2, null=True, db_index=True)
    created = models.DateTimeField(db_index=True)
    certified_from = models.DateField(null=True)
    certified_until = models.DateField(null=True)
    # The product's categories and their ancestors, as ",3,17,42,": "in category 17 or below"
    # is `LIKE '%,17,%'` on the row itself, and the category counts group by this column.
    category_ids = models.TextField(blank=True, default="")

    class Meta:
        verbose_name = _("search entry (product)")
        verbose_name_plural = _("search entries (products)")

    def __str__(self) -> str:
        return self.title


class Term(models.Model):
    """A folded word seen in an indexed title: the vocabulary typos are corrected against.

    Words are only added (a stale word costs nothing: it simply matches no entry)."""

    word = models.CharField(max_length=64, unique=True)
    length = models.PositiveSmallIntegerField(db_index=True)

    def __str__(self) -> str:
        return self.word
