"""Products in sitemap.xml, beside Wagtail's pages."""

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet
from oscar.core.loading import get_model


class ProductSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6
    i18n = True
    languages = ["pl", "en"]

    def items(self) -> QuerySet:
        return get_model("catalogue", "Product").objects.browsable().order_by("pk")

    def lastmod(self, product) -> object:
        return product.date_updated
