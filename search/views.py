"""Catalogue views backed by the ORM (haystack's simple backend lists nothing in Oscar 4.2).

Oscar's catalogue app loads `CatalogueView` and `ProductCategoryView` from `search.views`;
defining them here replaces Oscar's haystack views. The search issue swaps the queryset for the
portal's search service; the views and templates stay.
"""

from __future__ import annotations

from urllib.parse import unquote

from django.core.paginator import InvalidPage
from django.db.models import QuerySet
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView
from oscar.core.loading import get_model

from marketplace.products import browsable_products

Category = get_model("catalogue", "Category")

SORTS = {
    "newest": ("-date_created", _("Newest")),
    "title": ("title", _("Name A–Z")),
}


class CatalogueView(ListView):
    """All public products, newest first, with the category list beside them."""

    template_name = "oscar/catalogue/browse.html"
    context_object_name = "products"
    paginate_by = 24

    def get_queryset(self) -> QuerySet:
        order, _label = SORTS.get(self.request.GET.get("sort_by", ""), SORTS["newest"])
        queryset = browsable_products().order_by(order, "pk")
        query = self.request.GET.get("q", "").strip()
        if query:
            # Plain matching until the search issue brings folded, indexed search.
            queryset = queryset.filter(title__icontains=query)
        return queryset

    def paginate_queryset(self, queryset, page_size):
        """A stale or hand-typed page number shows the first page, not an error."""
        paginator = self.get_paginator(queryset, page_size)
        try:
            page = paginator.page(self.request.GET.get(self.page_kwarg) or 1)
        except InvalidPage:
            page = paginator.page(1)
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        query = self.request.GET.get("q", "").strip()
        context["query"] = query
        context["summary"] = (
            _("Products matching “%(query)s”") % {"query": query} if query else _("All products")
        )
        context["categories"] = list(Category.objects.browsable().filter(depth=1).order_by("path"))
        context["sort_options"] = [(key, label) for key, (_o, label) in SORTS.items()]
        context["current_sort"] = self.request.GET.get("sort_by", "newest")
        return context


class ProductCategoryView(CatalogueView):
    """Products of one category and its subcategories."""

    template_name = "oscar/catalogue/category.html"

    def get(self, request, *args, **kwargs):
        self.category = get_object_or_404(Category, pk=kwargs["pk"])
        if not (self.category.is_public or request.user.is_staff):
            raise Http404
        expected = self.category.get_absolute_url()
        if unquote(expected) != unquote(request.path):
            return HttpResponsePermanentRedirect(expected)
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> QuerySet:
        categories = self.category.get_descendants_and_self()
        return super().get_queryset().filter(categories__in=categories).distinct()

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["category"] = self.category
        context["summary"] = self.category.name
        return context
