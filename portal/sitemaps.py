"""Wagtail's sitemap lists one language tree; ours lists every translation of the site."""

from urllib.parse import urlsplit

from django.db.models import Q, QuerySet
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from portal.urls_absolute import absolute_url


class PageSitemap(Sitemap):
    def items(self) -> QuerySet:
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_any_tree = Q(pk__in=[])
        for root in roots:
            in_any_tree |= Q(path__startswith=root.path)
        return (
            Page.objects.filter(in_any_tree)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page: int, protocol: str | None, domain: str | None) -> list[dict]:
        """Each location under BASE_URL, whichever Site or Host header the request matched."""
        urls = super()._urls(page, protocol, domain)
        for url_info in urls:
            parts = urlsplit(url_info["location"])
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            url_info["location"] = absolute_url(path)
        return urls
