"""Wagtail's sitemap lists one language tree; ours lists every translation of the site."""

from django.db.models import Q, QuerySet
from wagtail.contrib.sitemaps import Sitemap


class PageSitemap(Sitemap):
    def items(self) -> QuerySet:
        from wagtail.models import Page

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
