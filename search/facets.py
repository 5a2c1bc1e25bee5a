"""Labels for the raw facet counts a backend returns, in the order the page shows them."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from marketplace.partner.models import LegalForm
from portal.organisations.models import Powiat
from portal.text import fold

from .query import PRICE_RANGES, Facet, FacetValue, ProductQuery

PRICE_LABELS = {
    "0-20": _("up to 20 zł"),
    "20-50": _("20–50 zł"),
    "50-100": _("50–100 zł"),
    "100-200": _("100–200 zł"),
    "200-": _("200 zł and more"),
}
KIND_LABELS = {"goods": _("Products"), "services": _("Services")}


def _values(counts: dict[str, int], options: list[tuple[str, str]], chosen: set[str]):
    return [
        FacetValue(value, str(label), counts.get(value, 0), value in chosen)
        for value, label in options
        if counts.get(value) or value in chosen
    ]


def category_options(query: ProductQuery, counts: dict[str, int]) -> list[tuple[str, str]]:
    """The top-level categories, and under a chosen category its children too."""
    category_model = get_model("catalogue", "Category")
    chosen = category_model.objects.filter(pk__in=query.categories)
    shown = category_model.objects.browsable().filter(depth=1)
    for category in chosen:
        shown = shown | category.get_children().filter(is_public=True)
    return [(str(c.pk), c.name) for c in shown.order_by("path")]


def product_facets(query: ProductQuery, counts: dict[str, dict[str, int]]) -> list[Facet]:
    powiat_counts = counts.get("powiat", {})
    powiats = Powiat.objects.filter(code__in=set(powiat_counts) | set(query.powiats))
    facets = [
        Facet(
            "category",
            _("Category"),
            _values(
                counts.get("category", {}),
                category_options(query, counts.get("category", {})),
                {str(pk) for pk in query.categories},
            ),
        ),
        Facet(
            "kind",
            _("Products or services"),
            _values(counts.get("kind", {}), list(KIND_LABELS.items()), {query.kind}),
        ),
        Facet(
            "price",
            _("Price"),
            _values(
                counts.get("price", {}),
                [(key, PRICE_LABELS[key]) for key, _low, _high in PRICE_RANGES],
                {query.price_range},
            ),
        ),
        Facet(
            "powiat",
            _("Seller's powiat"),
            _values(
                powiat_counts,
                [(p.code, str(p)) for p in sorted(powiats, key=lambda p: fold(p.name))],
                set(query.powiats),
            ),
        ),
        Facet(
            "legal_form",
            _("Seller's legal form"),
            _values(counts.get("legal_form", {}), list(LegalForm.choices), set(query.legal_forms)),
        ),
        Facet(
            "certified",
            _("Zakup Prospołeczny certificate"),
            [
                FacetValue(
                    "1",
                    str(_("Certified products and services")),
                    counts.get("certified", {}).get("1", 0),
                    query.certified,
                )
            ],
            boolean=True,
        ),
    ]
    return [facet for facet in facets if facet.values]
