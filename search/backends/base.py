"""The interface every search backend implements; views only ever see `search.service`."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from marketplace.directory.filters import DirectoryQuery

from ..pages import count_pages, search_pages, site_pages
from ..query import PageQuery, ProductQuery, Results, Suggestion

# progress(stage, done, total): called while rebuilding, e.g. to draw a progress bar.
Progress = Callable[[str, int, int], None]


class SearchBackend:
    """Products and PES are searched by the backend; pages through Wagtail's own backend.

    Facet counts are disjunctive: each facet's values are counted with every *other* filter
    applied, so a count is what one gets by choosing that value instead. Counts come back raw
    in `Results.counts` (facet → value → count); the service labels them.

    Product facets: "category" (category pk as str, counted for every ancestor too), "powiat",
    "legal_form", "certified" ({"1": n}), "kind" ("goods"/"services"), "price" (PRICE_RANGES
    keys). PES facets: those of `marketplace.directory.filters.facet_counts`.
    """

    name = "base"

    # Queries -----------------------------------------------------------------------------
    def products(self, query: ProductQuery) -> Results:
        raise NotImplementedError

    def partners(
        self, query: DirectoryQuery, page: int, per_page: int, *, facets: bool = True
    ) -> Results:
        raise NotImplementedError

    def pages(self, query: PageQuery) -> Results:
        return search_pages(query)

    def site_pages(
        self,
        text: str,
        language: str,
        kind: str = "",
        page: int = 1,
        per_page: int = 10,
        preview: int = 4,
    ) -> tuple[dict[str, int], dict[str, Results]]:
        """Page counts per kind and each kind's hits for /szukaj/ (see `pages.site_pages`)."""
        return site_pages(text, language, kind, page, per_page, preview)

    def page_counts(self, text: str, language: str) -> dict[str, int]:
        return count_pages(text, language)

    def autocomplete(self, prefix: str, language: str, limit: int = 8) -> list[Suggestion]:
        raise NotImplementedError

    # Upkeep ------------------------------------------------------------------------------
    def update_products(self, pks: Iterable[int]) -> None:
        """Index these products again, or drop those no longer available or deleted."""
        raise NotImplementedError

    def update_partners(self, pks: Iterable[int]) -> None:
        """Index these PES again, or drop those no longer listed or deleted."""
        raise NotImplementedError

    def rebuild(self, progress: Progress | None = None) -> dict[str, int]:
        """Rebuild every index from the database; returns counts per index. Search keeps
        answering meanwhile (Elasticsearch: a new index, then the alias switches)."""
        raise NotImplementedError

    def check(self) -> str:
        """One line on the engine (for `search_index status`); raises SearchUnavailable."""
        return self.name
