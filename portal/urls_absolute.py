"""Absolute links from one setting, BASE_URL, whatever Host header a request came with.

Links that leave the page (e-mails, feeds, the sitemap, `.ics` files, QR codes, PDFs, exports)
must name the address the portal is published at, not the one a request happened to use
(a proxy's, `localhost`, a forged Host). Wagtail's Site and Django's Site are kept in step
with BASE_URL by `sync_sites` (run by `load_demo` and `manage.py sync_base_url`), so
Wagtail's own `page.full_url` agrees.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sites.models import Site as DjangoSite
from wagtail.models import Site


def base_url() -> str:
    """BASE_URL without a trailing slash, e.g. `https://es.example.org`."""
    return settings.BASE_URL.rstrip("/")


def absolute_url(path: str) -> str:
    """`path` (like `/sklep/`) under BASE_URL; an address that is already absolute is kept."""
    if urlsplit(path).scheme:
        return path
    return base_url() + "/" + path.lstrip("/")


def page_url(page: Any, request: Any = None) -> str:
    """A Wagtail page's absolute address under BASE_URL (its path as Wagtail routes it)."""
    parts = page.get_url_parts(request)
    if parts is None:
        return ""
    return absolute_url(parts[2])


def base_address() -> tuple[str, int]:
    """The host name and port BASE_URL names (the port from the scheme when left out)."""
    parts = urlsplit(base_url())
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return parts.hostname or "localhost", port


def sync_sites() -> bool:
    """Point the default Wagtail Site and Django's Site at BASE_URL; True when anything changed.

    Wagtail builds `page.full_url` from its Site (`http://localhost/` out of the box) and
    Django's sitemap framework from django.contrib.sites; both must say BASE_URL.
    """
    hostname, port = base_address()
    changed = False
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None and (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        site.save(update_fields=["hostname", "port"])
        Site.clear_site_root_paths_cache()
        changed = True
    domain = urlsplit(base_url()).netloc
    site_id = getattr(settings, "SITE_ID", 1)
    django_site = DjangoSite.objects.filter(pk=site_id).first()
    if django_site is None:
        DjangoSite.objects.create(pk=site_id, domain=domain, name="Portal ES")
        changed = True
    elif django_site.domain != domain:
        django_site.domain = domain
        django_site.save(update_fields=["domain"])
        changed = True
    if changed:
        DjangoSite.objects.clear_cache()
    return changed
