"""Breadcrumbs and the language switcher shared by Wagtail and shop pages."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page

register = template.Library()


@register.simple_tag(takes_context=True)
def breadcrumbs(context: template.Context) -> list[Page]:
    """Ancestors of the current page below its language's home page."""
    page = context.get("page")
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
        homes = context["chrome"]["homes"]
        urls = {code: homes.get(code, f"/{code}/") for code, _name in settings.LANGUAGES}
        for translated in page.get_translations(inclusive=True).live().select_related("locale"):
            if translated.url:  # None when the translation is outside every site's tree
                urls[translated.locale.language_code] = translated.url
    elif request is not None:
        urls = {code: translate_url(request.path, code) for code, _name in settings.LANGUAGES}
    return [
        {"code": code, "name": name, "url": urls.get(code, "/"), "current": code == current}
        for code, name in settings.LANGUAGES
    ]
