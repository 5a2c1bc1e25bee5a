"""Small site-wide views that are not Wagtail pages."""

from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from portal.urls_absolute import absolute_url


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request: HttpRequest) -> HttpResponse:
    """Keep crawlers out of personal and admin areas; point them at the sitemap."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /sklep/basket/",
        "Disallow: /sklep/checkout/",
        "Disallow: /sklep/accounts/",
        "Disallow: /sklep/dashboard/",
        "Disallow: /en/sklep/basket/",
        "Disallow: /en/sklep/checkout/",
        "Disallow: /en/sklep/accounts/",
        f"Sitemap: {absolute_url('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
