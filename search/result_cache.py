"""Result pages of the site search kept in the shared cache, so a repeated search (the same
words, filters, page and language) costs no query to the engine or the database.

A key holds the page-cache generation, bumped whenever the index or a page changes (publish,
product, stock, PES, certificate, index update), and today's date (certificates are compared
with it), so a stored page is never older than the data. Only the results part of the page
is stored, never what depends on the visitor (header, account links), and a search that
failed is never stored. Entries live `SEARCH_RESULTS_CACHE_SECONDS` (0 turns this off)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from marketplace.certificates.models import today_in_poland
from portal.cache import generation

from .backends import engine
from .query import PRODUCT_SORTS, Group, ProductQuery, Results, SiteResults

DEFAULT_SECONDS = 300
MAX_QUERY_STRING = 1000  # longer query strings are searched, not stored
# What the page's template and its tests read besides the rendered fragment.
# Lazy translations are stored as text: unpickling a lazy proxy costs milliseconds each.
STORED = ("results", "group", "kinds", "facets", "sort_by", "filtered", "results_html")


def seconds() -> int:
    return int(getattr(settings, "SEARCH_RESULTS_CACHE_SECONDS", DEFAULT_SECONDS))


def _stamp() -> str:
    """What ends every stored answer: the page-cache generation and today's date."""
    return f"{generation()}:{today_in_poland().isoformat()}"


def _digest(asked: object) -> str:
    """A short hash of what was asked, and of the engine that answers it."""
    return hashlib.sha256(repr((engine(), asked)).encode()).hexdigest()[:32]


def key(request: HttpRequest, language: str) -> str:
    """'' when this request is not to be stored; else a key of every URL parameter."""
    query_string = request.META.get("QUERY_STRING", "")
    if not seconds() or len(query_string) > MAX_QUERY_STRING:
        return ""
    params = sorted((name, sorted(values)) for name, values in request.GET.lists())
    return f"search:site:{_stamp()}:{language}:{_digest(params)}"


def products(query: ProductQuery, search: Callable[[], Results]) -> Results:
    """The engine's answer to a product listing (hits, total, raw facet counts), kept like
    the site search's pages: a logged-in visitor's catalogue, never page-cached, then costs
    no search at all. The caller labels the facets and loads the products."""
    if not seconds():
        return search()
    key_ = f"search:products:{_stamp()}:{_digest(query)}"
    results = cache.get(key_)
    if results is None:
        results = search()
        if not results.error:
            cache.set(key_, results, seconds())
    return results


def get(key_: str) -> dict[str, Any] | None:
    stored = cache.get(key_) if key_ else None
    if stored is not None:
        stored["sorts"] = list(PRODUCT_SORTS.items())
    return stored


def put(key_: str, context: dict[str, Any]) -> None:
    """Store the fragment and a copy of the results without their model instances."""
    if not key_:
        return
    stored = {name: context[name] for name in STORED if name in context}
    stored["results"] = _without_objects(context["results"])
    stored["kinds"] = [{**item, "label": str(item["label"])} for item in context["kinds"]]
    stored["facets"] = [{**facet, "label": str(facet["label"])} for facet in context["facets"]]
    group = context.get("group")
    if group is not None:
        stored["group"] = next(g for g in stored["results"].groups if g.kind == group.kind)
    cache.set(key_, stored, seconds())


def _without_objects(results: SiteResults) -> SiteResults:
    groups = [
        Group(
            group.kind,
            str(group.label),
            replace(group.results, hits=[replace(hit, object=None) for hit in group.results.hits]),
        )
        for group in results.groups
    ]
    return replace(results, groups=groups)
