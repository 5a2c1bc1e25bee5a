"""The project's URLs with `portal.events.urls` included, as the events docstring proposes."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from portal import urls as portal_urls

_i18n = portal_urls.urlpatterns[-1]  # the i18n_patterns block: shop, then Wagtail
urlpatterns = [*portal_urls.urlpatterns[:-1]] + i18n_patterns(
    path("", include("portal.events.urls")),
    *_i18n.url_patterns,
    prefix_default_language=False,
)
