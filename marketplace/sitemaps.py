"""Products in sitemap.xml, beside Wagtail's pages."""

from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet
from oscar.core.loading import get_model

from portal.urls_absolute import base_url


class ProductSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6
    i18n = True
    languages = ["pl", "en"]

    def items(self) -> QuerySet:
        return get_model("catalogue", "Product").objects.browsable().order_by("pk")

    def lastmod(self, product) -> object:
        return product.date_updated

    # Scheme and host from BASE_URL, not from the request or django.contrib.sites.
    def get_protocol(self, protocol: str | None = None) -> str:
        return urlsplit(base_url()).scheme

    def get_domain(self, site: object = None) -> str:
        return urlsplit(base_url()).netloc
