"""URL map: admin areas unprefixed, public pages in Polish at / and English at /en/."""

import re

from django.apps import apps
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.utils.text import format_lazy
from django.utils.translation import pgettext_lazy
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from marketplace.directory.api import api as open_data_api
from marketplace.sitemaps import ProductSitemap

from . import csrf, health, metrics, views
from .sitemaps import PageSitemap

PROCUREMENT = pgettext_lazy("URL path of the procurement notice board", "procurement/")
STATISTICS = pgettext_lazy("URL path of the public statistics", "statistics/")
LOCAL_PLANS = pgettext_lazy("URL path of the local social economy plans", "local-plans/")

sitemaps = {"pages": PageSitemap, "products": ProductSitemap}

urlpatterns = [
    # for load balancers and Prometheus: never language-prefixed, cached or rate-limited
    path("health/live/", health.LiveView.as_view(), name="health-live"),
    path("health/ready/", health.ReadyView.as_view(), name="health-ready"),
    path("metrics/", metrics.metrics_view, name="metrics"),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("csrf-token/", csrf.token_view, name="csrf-token"),  # for forms on cached pages
    path("api/", open_data_api.urls),
]

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

urlpatterns += i18n_patterns(
    path("sklep/dashboard/zapytania/", include("marketplace.quotes.dashboard_urls")),
    path("sklep/dashboard/pes/", include("marketplace.partner.dashboard_urls")),
    path("sklep/zapytania/", include("marketplace.quotes.urls")),
    path("sklep/", include(apps.get_app_config("oscar").urls[0])),
    path("sklep/dashboard/zamowienia/", include("marketplace.procurement.dashboard_urls")),
    path("sklep/dashboard/faktury/", include("marketplace.invoices.dashboard_urls")),
    path("baza-pes/", include("marketplace.directory.urls")),
    # /zamowienia/ in Polish, /en/procurement/ in English (a translated path)
    path(format_lazy("{}panel/", PROCUREMENT), include("marketplace.procurement.buyer_urls")),
    path(format_lazy("{}alerty/", PROCUREMENT), include("marketplace.procurement.alert_urls")),
    path(
        format_lazy("{}wartosc-spoleczna/", PROCUREMENT),
        include("marketplace.procurement.statement_urls"),
    ),
    path(PROCUREMENT, include("marketplace.procurement.urls")),
    path("certyfikat/", include("marketplace.certificates.urls")),
    # /statystyki/ and /plany-lokalne/ in Polish, /en/statistics/ and /en/local-plans/ in English
    path(STATISTICS, include("portal.statistics.urls")),
    path(LOCAL_PLANS, include("portal.localplans.urls")),
    path("szukaj/", include("search.urls")),
    path("", include("portal.events.urls")),  # …/kalendarz.ics, before Wagtail's pages
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
