"""The shop's catalogue and category listings, answered by the portal's search service.

Oscar's catalogue app loads `CatalogueView` and `ProductCategoryView` from `search.views`;
defining them here replaces Oscar's haystack views. Every filter is a GET parameter (see
`ProductQuery.from_params`), so a listing is a link one can share, and the anonymous page cache
keeps the facet combinations (`portal.cache.CACHEABLE_QUERY_KEYS`; free text `q` is not cached).

If the search engine is down the page still renders (status 200) with the message and no
products, and it is not cached, so the listing comes back by itself.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any
from urllib.parse import unquote

from django.conf import settings
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from oscar.core.loading import get_model

from . import vocabulary
from .loading import attach_products
from .paging import LazyObjects, SearchPage
from .query import PRICE_RANGES, PRODUCT_SORTS, ProductQuery, Results
from .service import search_products

Category = get_model("catalogue", "Category")


class CatalogueView(TemplateView):
    """Available products and services with facets; newest first unless a search is typed."""

    template_name = "oscar/catalogue/browse.html"
    # A stale or hand-typed page number past the end shows this page instead of an error.
    fallback_page = 1

    def get_query(self) -> ProductQuery:
        params = self.request.GET
        query = ProductQuery.from_params(
            params, per_page=getattr(settings, "OSCAR_PRODUCTS_PER_PAGE", 24)
        )
        if params.get("sort_by") not in PRODUCT_SORTS:
            query = replace(query, sort="relevance" if query.text else "newest")
        elif query.sort == "relevance" and not query.text:
            query = replace(query, sort="newest")
        return query

    def search(self, query: ProductQuery) -> Results:
        results = search_products(query, load=False, reuse=True)
        if not results.error and results.total and query.page > results.num_pages:
            facets = results.facets
            page = self.fallback_page if self.fallback_page else results.num_pages
            results = search_products(
                replace(query, page=page, facets=False), load=False, reuse=True
            )
            results.facets = facets
        return results

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if self.results.error:
            # Never keep "search is unavailable" in the page cache.
            add_never_cache_headers(response)
        return response

    def sort_options(self, query: ProductQuery) -> list[tuple[str, Any]]:
        return [
            (key, label) for key, label in PRODUCT_SORTS.items() if key != "relevance" or query.text
        ]

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        query = self.get_query()
        self.results = results = self.search(query)
        products = LazyObjects(results, attach_products)
        page_obj = SearchPage(results, products)
        context.update(
            {
                "search_query": query,
                "query": query.text,
                "summary": (
                    _("Products matching “%(query)s”") % {"query": query.text}
                    if query.text
                    else _("All products")
                ),
                "products": products,
                "page_obj": page_obj,
                "paginator": page_obj.paginator,
                "is_paginated": page_obj.has_other_pages(),
                "categories": vocabulary.top_categories(),
                "sort_options": self.sort_options(query),
                "current_sort": query.sort,
                "facets": results.facets,
                "search_error": results.error,
                "price_ranges": [key for key, _low, _high in PRICE_RANGES],
                # Something to clear: any filter in the link (the page and sort are not).
                "filtered": any(
                    value
                    for key, values in self.request.GET.lists()
                    if key not in ("page", "sort_by", "q")
                    for value in values
                ),
            }
        )
        return context


class ProductCategoryView(CatalogueView):
    """Available products of one category and its subcategories, with the same facets."""

    template_name = "oscar/catalogue/category.html"

    def get(self, request, *args, **kwargs):
        self.category = get_object_or_404(Category, pk=kwargs["pk"])
        if not (self.category.is_public or request.user.is_staff):
            raise Http404
        expected = self.category.get_absolute_url()
        if unquote(expected) != unquote(request.path):
            return HttpResponsePermanentRedirect(expected)
        return super().get(request, *args, **kwargs)

    def get_query(self) -> ProductQuery:
        # The page is the category: its subcategories are links, not a second filter.
        return replace(super().get_query(), categories=(self.category.pk,))

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        counts = self.results.counts.get("category", {})
        children = self.category.get_children().filter(is_public=True).order_by("path")
        context["category"] = self.category
        context["summary"] = self.category.name
        context["subcategories"] = [(child, counts.get(str(child.pk), 0)) for child in children]
        # The category is the page itself: its facet would only repeat the links.
        context["facets"] = [facet for facet in context["facets"] if facet.name != "category"]
        return context
