"""/szukaj/: one search box for products, suppliers (PES) and the pages of the current language.

The views only read URL parameters and call `search.service`; they never learn which engine
answered. A URL with `q` is never stored by the anonymous page cache (`portal.cache`)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from . import result_cache, service
from .query import KINDS, PRODUCT_SORTS, SiteResults, clean_text

# The site search's own `kind` chooses the group; the product facet "goods or services" (also
# `kind` in ProductQuery's parameters) travels as `product_kind` here.
PRODUCT_KIND_PARAM = "product_kind"
PRODUCT_FACET_PARAMS = ("category", "powiat", "legal_form", "certified", "price", "sort_by")
SINGLE_CHOICE_FACETS = {"kind", "price"}
AUTOCOMPLETE_MIN_LENGTH = 2


def _language() -> str:
    return (get_language() or "pl").split("-")[0]


def _product_params(request: HttpRequest) -> Any:
    """The request's parameters as ProductQuery.from_params reads them."""
    params = request.GET.copy()
    params.setlist("kind", request.GET.getlist(PRODUCT_KIND_PARAM)[:1])
    return params


def _facet_param(name: str) -> str:
    return PRODUCT_KIND_PARAM if name == "kind" else name


@require_GET
def site_search(request: HttpRequest) -> HttpResponse:
    text = clean_text(request.GET.get("q", ""))
    kind = request.GET.get("kind", "")
    kind = kind if kind in KINDS else ""
    context: dict[str, Any] = {"query": text, "kind": kind}
    if text:
        context.update(_results(request, text, kind))
    else:
        context["results"] = SiteResults(text="", kind=kind)
    return render(request, "search/site_search.html", context)


def _results(request: HttpRequest, text: str, kind: str) -> dict[str, Any]:
    """The results part of the page, from the shared cache when the same search was made
    since the last change to the index or the pages (see `result_cache.py`)."""
    key = result_cache.key(request, _language())
    cached = result_cache.get(key)
    if cached is not None:
        return cached
    context = _search_context(request, text, kind)
    context["results_html"] = render_to_string(
        "search/includes/results.html", context, request=request
    )
    if not context["results"].error:
        result_cache.put(key, context)
    return context


def _search_context(request: HttpRequest, text: str, kind: str) -> dict[str, Any]:
    results = service.search_site(text, _language(), kind, _product_params(request))
    group = results.groups[0] if kind and results.groups else None
    kinds = [
        {"name": name, "label": label, "count": results.counts.get(name, 0)}
        for name, label in KINDS.items()
        if results.counts.get(name) or name == kind
    ]
    facets = []
    if group is not None and kind == "product":
        facets = [
            {
                "name": facet.name,
                "param": _facet_param(facet.name),
                "label": facet.label,
                "values": facet.values,
                "boolean": facet.boolean,
                "single": facet.name in SINGLE_CHOICE_FACETS,
                "any_selected": any(value.selected for value in facet.values),
            }
            for facet in group.results.facets
        ]
    sort_by = request.GET.get("sort_by", "")
    return {
        "query": text,
        "kind": kind,
        "results": results,
        "group": group,
        "kinds": kinds,
        "facets": facets,
        "sorts": list(PRODUCT_SORTS.items()),
        "sort_by": sort_by if sort_by in PRODUCT_SORTS else "relevance",
        "filtered": kind == "product"
        and any(request.GET.get(key) for key in (*PRODUCT_FACET_PARAMS, PRODUCT_KIND_PARAM)),
    }


@require_GET
def autocomplete(request: HttpRequest) -> JsonResponse:
    """Suggestions for the header's search box: `{"suggestions": [{kind, label, title, url}]}`."""
    prefix = clean_text(request.GET.get("q", ""))
    suggestions = []
    if len(prefix) >= AUTOCOMPLETE_MIN_LENGTH:
        suggestions = [
            {
                "kind": item.kind,
                "label": str(KINDS.get(item.kind, "")),
                "title": item.title,
                "url": item.url,
            }
            for item in service.autocomplete(prefix, _language())
        ]
    response = JsonResponse({"suggestions": suggestions})
    response["Cache-Control"] = "max-age=60"
    return response
