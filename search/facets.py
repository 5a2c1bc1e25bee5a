"""Labels for the raw facet counts a backend returns, in the order the page shows them."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from marketplace.partner.models import LegalForm

from . import vocabulary
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
    """The browsable top-level categories, and under a chosen category its public children
    too, in tree order (from the cached category table: no query)."""
    rows = vocabulary.categories()
    chosen = [(path, depth) for pk, path, depth, *_ in rows if pk in set(query.categories)]
    return [
        (str(pk), name)
        for pk, path, depth, name, is_public, browsable in rows
        if (depth == 1 and browsable)
        or (
            is_public
            and any(path.startswith(parent) and depth == level + 1 for parent, level in chosen)
        )
    ]


def product_facets(query: ProductQuery, counts: dict[str, dict[str, int]]) -> list[Facet]:
    powiat_counts = counts.get("powiat", {})
    shown = set(powiat_counts) | set(query.powiats)
    powiats = [(code, label) for code, label in vocabulary.powiat_labels().items() if code in shown]
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
                powiats,
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
