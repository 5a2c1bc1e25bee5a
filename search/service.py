"""The one search of the portal. Views call these functions and never learn which engine
answered: the database (default) or Elasticsearch (when `ELASTICSEARCH_URL` is set).

If the engine fails, the functions return `Results` with `error` set (logged here), so the
page says "search is unavailable" instead of failing; the rest of the site never calls the
engine on its way (the index is updated after commit, and failures there are logged too).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any

from django.utils.html import strip_tags
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from marketplace.directory.filters import DirectoryQuery

from . import result_cache
from .backends import SearchUnavailable, backend_path, engine
from .backends.base import SearchBackend
from .facets import product_facets
from .highlight import highlight
from .loading import attach_partners, attach_products
from .query import (
    KINDS,
    Group,
    PageQuery,
    ProductQuery,
    Results,
    SiteResults,
    Suggestion,
)

logger = logging.getLogger(__name__)

_backends: dict[str, SearchBackend] = {}


def get_backend() -> SearchBackend:
    """One backend instance per configuration (its client keeps its connection pool)."""
    key = "|".join(engine())
    if key not in _backends:
        _backends[key] = import_string(backend_path())()
    return _backends[key]


def unavailable_message() -> str:
    return _("Search is unavailable just now. Please try again in a few minutes.")


def _ask(
    what: str, answer: Callable[[SearchBackend], Results], page: int, per_page: int
) -> Results:
    """The engine's answer, marked with the backend's name. If the engine fails, the failure
    is logged and the answer is an empty page whose `error` says search is unavailable."""
    backend = get_backend()
    try:
        results = answer(backend)
    except SearchUnavailable as error:
        logger.warning("search backend failed on %s: %s", what, error)
        return Results(
            error=unavailable_message(), backend=backend.name, page=page, per_page=per_page
        )
    results.backend = backend.name
    return results


# Products ------------------------------------------------------------------------------
def search_products(
    query: ProductQuery, *, load: bool = True, cards: bool = True, reuse: bool = False
) -> Results:
    """Available products and services matching `query`, one page, with labelled facets
    (`cards=False`: the products loaded with their price and seller only; `reuse`: the
    engine's answer may come from the shared cache, as the same listing was asked since the
    last change to the index: see `result_cache.products`)."""

    def answer(backend: SearchBackend) -> Results:
        if reuse:
            return result_cache.products(query, lambda: backend.products(query))
        return backend.products(query)

    results = _ask("products", answer, query.page, query.per_page)
    if results.error:
        return results
    if load:
        attach_products(results, cards=cards)
    if query.facets:
        results.facets = product_facets(query, results.counts)
    return results


# Suppliers (PES) -----------------------------------------------------------------------
def search_partners(
    query: DirectoryQuery,
    page: int = 1,
    per_page: int = 20,
    *,
    load: bool = True,
    facets: bool = True,
    details: bool = True,
) -> Results:
    """Listed PES matching the directory's query, one page, with raw facet counts (unless
    `facets` is off: the site search shows none, and counting is most of the work).
    `details=False` loads each PES with its powiat only (what a site search hit shows)."""
    results = _ask(
        "partners",
        lambda backend: backend.partners(query, page, per_page, facets=facets),
        page,
        per_page,
    )
    if load and not results.error:
        attach_partners(results, details=details)
    return results


# Pages ---------------------------------------------------------------------------------
def search_pages(query: PageQuery) -> Results:
    return _ask("pages", lambda backend: backend.pages(query), query.page, query.per_page)


# The whole site ------------------------------------------------------------------------
PREVIEW = 4


def search_site(
    text: str, language: str, kind: str = "", params: Mapping[str, Any] | None = None
) -> SiteResults:
    """Everything matching `text`: products, suppliers and the live pages of `language`.

    Without a kind, each kind shows its first few hits; with one, that kind is paginated
    (and products get their facets)."""
    params = params or {}
    kind = kind if kind in KINDS else ""
    site = SiteResults(text=text, kind=kind, backend=get_backend().name)
    if not text:
        return site
    product_query = ProductQuery.from_params(params, text=text)
    requested_page = product_query.page  # of the chosen kind, whichever it is
    if kind != "product":
        product_query = replace(product_query, page=1, per_page=PREVIEW, facets=False)
    # A kind shown only by its count needs no hits loaded.
    products = search_products(product_query, load=kind in ("", "product"), cards=False)
    _describe(products, text)
    page_number = requested_page if kind == "supplier" else 1
    partners = search_partners(
        DirectoryQuery(q=text, sort_by="relevance"),
        page=page_number,
        per_page=20 if kind == "supplier" else PREVIEW,
        load=kind in ("", "supplier"),
        facets=False,
        details=False,
    )
    try:
        page_counts, page_groups = get_backend().site_pages(
            text, language, kind, requested_page, per_page=10, preview=PREVIEW
        )
    except SearchUnavailable as error:
        logger.warning("search backend failed on pages: %s", error)
        page_counts, page_groups = {}, {}
        site.error = unavailable_message()
    site.counts = {"product": products.total, "supplier": partners.total, **page_counts}
    site.error = site.error or products.error or partners.error
    groups: dict[str, Results] = {"product": products, "supplier": partners, **page_groups}
    for name, label in KINDS.items():
        if (kind and name != kind) or name not in groups:
            continue
        if groups[name].total or kind == name:
            site.groups.append(Group(name, label, groups[name]))
    return site


def _describe(products: Results, text: str) -> None:
    """Products the engine gave no snippet (the database backend never does) get one from
    their description, matches marked the same way as pages."""
    for hit in products.hits:
        description = getattr(hit.object, "description", "") if hit.object else ""
        if not hit.snippet and description:
            hit.snippet = highlight(strip_tags(description), text, length=160)


def autocomplete(prefix: str, language: str, limit: int = 8) -> list[Suggestion]:
    try:
        return get_backend().autocomplete(prefix, language, limit)
    except SearchUnavailable as error:
        logger.warning("search backend failed on autocomplete: %s", error)
        return []
