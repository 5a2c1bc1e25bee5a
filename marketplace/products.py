"""Product querysets shared by the catalogue, the home page and the sitemap, free of N+1 queries."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from oscar.core.loading import get_model

from marketplace.certificates.models import Certificate

FEATURED_RANGE_SLUG = "polecane"
# The seller's long texts, which no product card or price shows.
CARD_SKIPS_PARTNER = (
    "description",
    "social_mission",
    "pickup_points",
    "opening_hours",
    "folded_text",
)


def browsable_products() -> QuerySet:
    """Public, canonical products with what a product card shows (picture, price, seller,
    the certificates valid today for the badge)."""
    product_model = get_model("catalogue", "Product")
    stockrecord_model = get_model("partner", "StockRecord")
    return (
        product_model.objects.browsable()
        .select_related("product_class")
        .prefetch_related(
            "images",
            Prefetch(
                "stockrecords",
                # a card names the seller and its powiat: its long texts stay in the database
                queryset=stockrecord_model.objects.select_related(
                    "partner", "partner__powiat"
                ).defer(*(f"partner__{name}" for name in CARD_SKIPS_PARTNER)),
            ),
            Prefetch(
                "certificates",
                queryset=Certificate.objects.valid_on().order_by("-valid_until"),
                to_attr="valid_certificates",
            ),
        )
    )


def featured_products(limit: int) -> list:
    """Products in Oscar's 'polecane' range (kept in the dashboard), else the newest ones."""
    range_model = get_model("offer", "Range")
    featured_range = range_model.objects.filter(slug=FEATURED_RANGE_SLUG).first()
    products = browsable_products().order_by("-date_created")
    if featured_range is not None:
        chosen = products.filter(includes=featured_range)
        result = list(chosen[:limit])
        if result:
            return result
    return list(products[:limit])
