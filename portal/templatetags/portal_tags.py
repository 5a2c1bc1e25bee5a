"""Navigation, breadcrumbs and the language switcher shared by Wagtail and shop pages."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page, Site

register = template.Library()


def _localized_root(request: HttpRequest) -> Page | None:
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    language = translation.get_language() or settings.LANGUAGE_CODE
    if root.locale.language_code == language:
        return root
    return root.get_translations().filter(locale__language_code=language).live().first() or root


@register.simple_tag(takes_context=True)
def main_navigation(context: template.Context) -> list[Page]:
    """The localized home page's live children marked 'show in menus'."""
    request = context.get("request")
    if request is None:
        return []
    cache_attr = "_portal_main_navigation"
    if not hasattr(request, cache_attr):
        root = _localized_root(request)
        items = list(root.get_children().live().in_menu().specific()) if root else []
        setattr(request, cache_attr, (root, items))
    return getattr(request, cache_attr)[1]


@register.simple_tag(takes_context=True)
def home_url(context: template.Context) -> str:
    request = context.get("request")
    root = _localized_root(request) if request else None
    return root.url if root else "/"


@register.simple_tag(takes_context=True)
def breadcrumbs(context: template.Context) -> list[Page]:
    """Ancestors of the current page below the site root, for the breadcrumb trail."""
    page = context.get("page") or context.get("self")
    if not isinstance(page, Page) or page.depth <= 2:
        return []
    return list(page.get_ancestors().filter(depth__gt=1).live())


@register.simple_tag(takes_context=True)
def language_links(context: template.Context) -> list[dict[str, object]]:
    """One link per language: to this page's translation, else to that language's home page.

    Shop and other Django views have the same URL in every language, prefixed by i18n_patterns.
    """
    request: HttpRequest | None = context.get("request")
    current = translation.get_language() or settings.LANGUAGE_CODE
    page = context.get("page")
    urls: dict[str, str] = {}
    if isinstance(page, Page):
        for translated in page.get_translations(inclusive=True).live().select_related("locale"):
            urls[translated.locale.language_code] = translated.url
        missing = [code for code, _name in settings.LANGUAGES if code not in urls]
        if missing and request is not None:
            urls.update({code: _home_for_language(request, code) for code in missing})
    elif request is not None:
        urls = {code: translate_url(request.path, code) for code, _name in settings.LANGUAGES}
    return [
        {"code": code, "name": name, "url": urls.get(code, "/"), "current": code == current}
        for code, name in settings.LANGUAGES
    ]


def _home_for_language(request: HttpRequest, code: str) -> str:
    site = Site.find_for_request(request)
    home = None
    if site is not None:
        home = (
            site.root_page.get_translations(inclusive=True)
            .filter(locale__language_code=code)
            .live()
            .first()
        )
    if home is not None:
        return home.url
    return "/" if code == settings.LANGUAGE_CODE else f"/{code}/"
