"""The page chrome (site name, navigation, footer) computed once per site and language.

Header and footer would otherwise cost about ten queries on every page (site, settings,
localized navigation, footer links). They change only when an editor publishes or saves the
site settings, which bump the page-cache generation, so they are kept in the shared cache.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils import translation
from wagtail.models import Page, Site

from home.models import SiteSettings

from .cache import generation

CHROME_SECONDS = 3600


def site_chrome(request: HttpRequest) -> dict[str, Any]:
    """Everything the header and footer show, for this host and the active language."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    key = f"chrome:{generation()}:{request.get_host()}:{language}"
    chrome = cache.get(key)
    if chrome is None:
        chrome = _build_chrome(request, language)
        cache.set(key, chrome, CHROME_SECONDS)
    return chrome


def _localized(page: Page | None, language: str) -> Page | None:
    if page is None:
        return None
    if page.locale.language_code == language:
        return page
    translated = page.get_translations().filter(locale__language_code=language).live().first()
    return translated or page


def _build_chrome(request: HttpRequest, language: str) -> dict[str, Any]:
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    if site is None:
        return {"site_name": "", "home_url": "/", "nav": [], "footer_links": [], "homes": {}}
    options = SiteSettings.for_site(site)
    root = _localized(site.root_page, language)
    homes = {
        home.locale.language_code: home.url
        for home in site.root_page.get_translations(inclusive=True).live().select_related("locale")
        if home.url
    }
    nav = [
        {"pk": item.pk, "title": item.title, "url": item.url}
        for item in root.get_children().live().in_menu()
    ]
    footer_links = []
    for block in options.footer_links:
        target = _localized(block.value["page"], language)
        url = target.url if target else block.value["url"]
        label = block.value["label"]
        if target is not None and language != settings.LANGUAGE_CODE:
            label = target.title  # the editor's label is in the default language
        if url:
            footer_links.append({"label": label, "url": url})
    statement = _localized(options.accessibility_statement, language)
    logo_url = None
    if options.logo:
        logo_url = options.logo.get_rendition("height-56").url
    site_name = options.site_name
    if language != settings.LANGUAGE_CODE and options.site_name_en:
        site_name = options.site_name_en
    return {
        "site_name": site_name,
        "owner_name": options.owner_name,
        "address": options.address,
        "email": options.email,
        "phone": options.phone,
        "logo_url": logo_url,
        "home_url": root.url,
        "homes": homes,
        "nav": nav,
        "footer_links": footer_links,
        "accessibility_url": statement.url if statement else None,
    }
