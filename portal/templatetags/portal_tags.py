"""Breadcrumbs and the language switcher shared by Wagtail and shop pages."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.db.models import Q
from django.http import HttpRequest
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import gettext_lazy
from wagtail.models import Page

register = template.Library()

# Said in the language the visitor asked for, since that is the language they read.
MISSING_NOTES = {
    "pl": gettext_lazy("This page is not available in Polish."),
    "en": gettext_lazy("This page is not available in English."),
}
NEAREST_NOTES = {
    "pl": gettext_lazy("The link leads to the nearest page in Polish: %(title)s."),
    "en": gettext_lazy("The link leads to the nearest page in English: %(title)s."),
}


@register.simple_tag(takes_context=True)
def breadcrumbs(context: template.Context) -> list[Page]:
    """Ancestors of the current page below its language's home page."""
    page = context.get("page")
    if not isinstance(page, Page) or page.depth <= 2:
        return []
    return list(page.get_ancestors().filter(depth__gt=1).live())


def _missing_note(code: str, nearest: Page | None) -> str:
    with translation.override(code):
        note = str(MISSING_NOTES.get(code, gettext_lazy("This page is not available.")))
        if nearest is not None and code in NEAREST_NOTES:
            note += " " + str(NEAREST_NOTES[code]) % {"title": nearest.title}
    return note


def _page_links(page: Page, homes: dict[str, str], query: str) -> dict[str, dict[str, object]]:
    """The page's translations (with the listing's filters: the same page class reads the same
    parameters) and, for a language it has none in, the deepest translated ancestor
    (translations mirror the tree), read in the one query the translations alone cost before."""
    codes = [code for code, _name in settings.LANGUAGES]
    ancestors = page.get_ancestors().filter(depth__gt=1).values("translation_key")
    candidates = (
        Page.objects.filter(
            Q(translation_key=page.translation_key) | Q(translation_key__in=ancestors),
            locale__language_code__in=codes,
        )
        .live()
        .select_related("locale")
        .order_by("-depth")
    )
    links: dict[str, dict[str, object]] = {}
    nearest: dict[str, Page] = {}
    for candidate in candidates:
        code = candidate.locale.language_code
        if not candidate.url:  # None when outside every site's tree
            continue
        if candidate.translation_key == page.translation_key:
            links[code] = {"url": f"{candidate.url}?{query}" if query else candidate.url}
        elif code not in nearest:
            nearest[code] = candidate
    for code in codes:
        if code not in links:
            target = nearest.get(code)
            links[code] = {
                "url": target.url if target else homes.get(code, f"/{code}/"),
                "missing": True,
                "note": _missing_note(code, target),
            }
    return links


@register.simple_tag(takes_context=True)
def language_links(context: template.Context) -> list[dict[str, object]]:
    """One link per language: to this page's translation; without one, to the nearest translated
    ancestor, with a note that says so. Computed for every rendered page (never kept in the
    cached chrome), so a whole-page cache entry holds the links of its own URL.

    Shop and other Django views have the same URL in every language, prefixed by i18n_patterns.
    A link to the same page or view keeps the query string (a search, the filters of the PES
    database, the catalogue and the listings); a link to another page does not.
    """
    request: HttpRequest | None = context.get("request")
    current = translation.get_language() or settings.LANGUAGE_CODE
    page = context.get("page")
    links: dict[str, dict[str, object]] = {}
    query = request.GET.urlencode() if request is not None else ""
    if isinstance(page, Page):
        links = _page_links(page, context["chrome"]["homes"], query)
    elif request is not None:
        for code, _name in settings.LANGUAGES:
            url = translate_url(request.path, code)
            links[code] = {"url": f"{url}?{query}" if query else url}
    return [
        {
            "code": code,
            "name": name,
            "url": "/",
            "missing": False,
            "note": "",
            **links.get(code, {}),
            "current": code == current,
        }
        for code, name in settings.LANGUAGES
    ]


@register.simple_tag
def form_error_links(form: object) -> list[dict[str, str]]:
    """Every error of a form with the id of its field, in the fields' order, for an error
    summary whose links move the focus to the field (a checkbox's label is a sentence: its
    message says enough)."""
    links = [{"anchor": "", "label": "", "message": str(e)} for e in form.non_field_errors()]
    for name in form.fields:  # in the order of the form, not of validation
        if name not in form.errors:
            continue
        bound = form[name]
        label = "" if bound.widget_type == "checkbox" else str(bound.label)
        links.extend(
            {"anchor": bound.id_for_label, "label": label, "message": str(error)}
            for error in form.errors[name]
        )
    return links
