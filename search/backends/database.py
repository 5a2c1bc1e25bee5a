"""The default backend: the database the site already runs on (SQLite or PostgreSQL).

Products are searched in `search.ProductEntry` (folded, denormalised, trigram-indexed on
PostgreSQL); PES through the directory's own SQL filter; pages through Wagtail's database
backend. Every query word must match (its stem, or a known word one typo away).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager
from datetime import date

from django.db import connection, transaction
from django.db.models import Case, Count, IntegerField, Q, QuerySet, Value, When, Window
from django.db.models.functions import Coalesce
from django.urls import reverse

from marketplace.certificates.models import today_in_poland
from marketplace.directory.filters import (
    DirectoryQuery,
    facet_counts,
    filter_partners,
)
from portal.text import folded_words, stem

from .. import vocabulary
from ..adapters import count_products, partner_product_ids, product_documents
from ..models import ProductEntry
from ..pages import autocomplete_pages
from ..query import PRICE_RANGES, Hit, ProductQuery, Results, Suggestion
from ..words import add_terms, variants
from .base import Progress, SearchBackend

MAX_WORDS = 8
BATCH = 500


def certified_q(today: date) -> Q:
    return Q(certified_from__lte=today, certified_until__gte=today)


def text_q(text: str) -> tuple[Q, list[list[str]]]:
    """Every word must match one of its variants in the folded text."""
    condition = Q()
    word_variants = [variants(word) for word in folded_words(text)[:MAX_WORDS]]
    for options in word_variants:
        either = Q()
        for option in options:
            either |= Q(folded_text__contains=option)
        condition &= either
    return condition, word_variants


@contextmanager
def _index_over_table_scan(wanted: bool) -> Iterator[None]:
    """On PostgreSQL, count a text's matches through the trigram index, not the whole table.

    For a broad word the planner overestimates the matches and reads every page of the entry
    table (about 1 KB a row: 100 MB at 100,000 products) where the index's bitmap visits only
    the pages holding matches, about half of them for 'spoldzielnia': measured 120 ms against
    70 ms. `SET LOCAL` holds for this query's transaction only; the pool of parallel workers
    (`max_parallel_workers_per_gather`) stays the server's to set."""
    if not wanted or connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic(), connection.cursor() as cursor:
        # SET LOCAL, three at once; the grouped count is the one query here worth splitting
        # across workers (the default costs keep a 30,000-row bitmap scan on one core: 57 ms
        # against 81)
        cursor.execute(
            "SELECT set_config('enable_seqscan', 'off', true),"
            " set_config('parallel_setup_cost', '10', true),"
            " set_config('parallel_tuple_cost', '0.001', true)"
        )
        yield


def category_list(ids: Collection[int]) -> str:
    """`ProductEntry.category_ids`: ",3,17,42," (commas around every id, for LIKE)."""
    return "," + ",".join(str(pk) for pk in sorted(set(ids))) + "," if ids else ""


def counted_slice(
    queryset: QuerySet, fields: tuple[str, ...], offset: int, limit: int
) -> tuple[list[tuple], int]:
    """One page of `fields` and the total number of rows, from one query (`COUNT(*) OVER ()`
    rides along with the page; a count and a page were two scans of the same rows). Only a
    page past the end needs a count of its own."""
    rows = list(
        queryset.annotate(_total=Window(Count("pk"))).values_list(*fields, "_total")[
            offset : offset + limit
        ]
    )
    if rows:
        return [row[:-1] for row in rows], rows[0][-1]
    return [], (queryset.count() if offset else 0)


def price_bucket() -> Case:
    whens = []
    for key, low, high in PRICE_RANGES:
        bounds = {}
        if low is not None:
            bounds["price__gte"] = low
        if high is not None:
            bounds["price__lt"] = high
        whens.append(When(**bounds, then=Value(key)))
    return Case(*whens, default=Value(""))


class DatabaseBackend(SearchBackend):
    name = "database"

    # Products ----------------------------------------------------------------------------
    def _filtered(self, query: ProductQuery, today: date, skip: Collection[str] = ()) -> QuerySet:
        """Entries matching the query, leaving out the filters of the facets in `skip`."""
        entries = ProductEntry.objects.all()
        if query.text:
            condition, _variants = text_q(query.text)
            entries = entries.filter(condition)
        if query.categories and "category" not in skip:
            in_any = Q()
            for pk in query.categories:
                in_any |= Q(category_ids__contains=f",{int(pk)},")
            entries = entries.filter(in_any)
        if query.powiats and "powiat" not in skip:
            entries = entries.filter(powiat__in=query.powiats)
        if query.legal_forms and "legal_form" not in skip:
            entries = entries.filter(legal_form__in=query.legal_forms)
        if query.kind and "kind" not in skip:
            entries = entries.filter(is_service=query.kind == "services")
        if query.price_range and "price" not in skip:
            low, high = query.price_bounds
            if low is not None:
                entries = entries.filter(price__gte=low)
            if high is not None:
                entries = entries.filter(price__lt=high)
        if query.certified and "certified" not in skip:
            entries = entries.filter(certified_q(today))
        return entries

    def _ordered(self, entries: QuerySet, query: ProductQuery) -> QuerySet:
        if query.sort == "price":
            return entries.order_by(Coalesce("price", Value(10**9)), "-created", "pk")
        if query.sort == "-price":
            return entries.order_by("-price", "-created", "pk")
        if query.sort == "newest" or not query.text:
            return entries.order_by("-created", "-pk")
        words = folded_words(query.text)[:MAX_WORDS]
        score = Value(0)
        if words:
            score = Case(
                When(folded_title__startswith=stem(words[0]), then=Value(3)),
                default=Value(0),
                output_field=IntegerField(),
            )
            for word in words:
                score = score + Case(
                    When(folded_title__contains=stem(word), then=Value(2)),
                    default=Value(0),
                    output_field=IntegerField(),
                )
        return entries.alias(_score=score).order_by("-_score", "-created", "-pk")

    def _title_q(self, query: ProductQuery) -> Q | None:
        """Entries scoring above zero by relevance: a query word's stem in the title (the
        score of `_ordered` is a sum of such matches); None when relevance does not order."""
        if query.sort not in ("", "relevance") or not query.text:
            return None
        words = folded_words(query.text)[:MAX_WORDS]
        if not words:
            return None
        condition = Q()
        for word in words:
            condition |= Q(folded_title__contains=stem(word))
        return condition

    def _page(self, entries: QuerySet, query: ProductQuery) -> list[tuple[int, str]] | None:
        """One page in relevance order without ranking every match: first the entries whose
        title matches (few, from the title index), then, if the page is not full, the rest
        newest first (an index scan that stops at the page's end). A broad word ('spoldzielnia':
        29,313 of 100,000) ranked every match before. None when relevance does not order."""
        title_q = self._title_q(query)
        if title_q is None:
            return None
        end = query.offset + query.per_page
        scored_entries = self._ordered(entries.filter(title_q), query)
        scored = list(scored_entries.values_list("pk", "title")[:end])
        rows = scored[query.offset : end]
        if len(scored) < end:  # every scored entry is in `scored`: the rest follow them
            start = max(query.offset - len(scored), 0)
            rest = entries.exclude(title_q).order_by("-created", "-pk").values_list("pk", "title")
            rows += list(rest[start : start + query.per_page - len(rows)])
        return rows

    def products(self, query: ProductQuery) -> Results:
        today = today_in_poland()
        entries = self._filtered(query, today)
        rows = self._page(entries, query)
        if query.facets:
            counts, total = self._product_counts(query, today)
        elif rows is not None:
            total = entries.count()
        if rows is None:
            ordered = self._ordered(entries, query)
            if query.facets:
                window = ordered.values_list("pk", "title")
                rows = list(window[query.offset : query.offset + query.per_page])
            else:
                rows, total = counted_slice(ordered, ("pk", "title"), query.offset, query.per_page)
        results = Results(
            hits=[Hit("product", pk, title) for pk, title in rows],
            total=total,
            page=query.page,
            per_page=query.per_page,
        )
        if query.facets:
            results.counts = counts
        return results

    def _product_counts(
        self, query: ProductQuery, today: date
    ) -> tuple[dict[str, dict[str, int]], int]:
        """Disjunctive counts (each value counted with every OTHER chosen filter applied) and
        the total, from grouped queries whatever the choices: one with a text, two without.

        The entries are grouped by all five other facet values at once (a few thousand
        groups at most); a facet's count then sums the groups that pass every other chosen
        filter. Category counts come from groups by category list, each group counting for
        every category in its list. With a text, one query groups the text's matches by both
        (the matches are read once: a broad word matches a third of the catalogue); without,
        the five values are grouped over the entries in the chosen categories, and the lists
        over the entries passing the other filters (each from an index, not every entry)."""
        names = ("powiat", "legal_form", "kind", "price", "certified")
        columns = {
            "powiat": "powiat",
            "legal_form": "legal_form",
            "kind": "_kind",
            "price": "_price",
            "certified": "_certified",
        }
        price = query.price_range if query.price_range in {k for k, *_ in PRICE_RANGES} else ""
        wanted: dict[str, set[str]] = {
            "powiat": set(query.powiats),
            "legal_form": set(query.legal_forms),
            "kind": {query.kind} if query.kind else set(),
            "price": {price} if price else set(),
            "certified": {"1"} if query.certified else set(),
        }
        annotations = {
            "_kind": Case(When(is_service=True, then=Value("services")), default=Value("goods")),
            "_price": price_bucket(),
            "_certified": Case(When(certified_q(today), then=Value("1")), default=Value("")),
        }
        chosen = {str(int(pk)) for pk in query.categories}
        together = bool(query.text)
        grouped = (*columns.values(), "category_ids") if together else tuple(columns.values())
        skip = (*names, "category") if together else names
        rows = (
            self._filtered(query, today, skip=skip)
            .annotate(**annotations)
            .values_list(*grouped)  # tuples: a broad word gives thousands of groups
            .annotate(n=Count("pk"))
            .order_by()
        )
        with _index_over_table_scan(together):
            rows = list(rows)
        counts: dict[str, dict[str, int]] = {name: {} for name in names}
        categories: dict[str, int] = {}
        total = 0
        checks = [(position, wanted[name]) for position, name in enumerate(names) if wanted[name]]
        for row in rows:
            n = row[-1]
            misses = [position for position, allowed in checks if row[position] not in allowed]
            if together:
                ids = row[5].split(",")
                if not misses:
                    for pk in ids:
                        if pk:
                            categories[pk] = categories.get(pk, 0) + n
                if chosen and chosen.isdisjoint(ids):
                    continue  # outside the chosen categories: counted for categories only
            if not misses:
                total += n
            elif len(misses) > 1:
                continue
            # a row failing one filter counts for that facet only
            for position in misses or range(5):
                value = row[position]
                if value:
                    facet = counts[names[position]]
                    facet[value] = facet.get(value, 0) + n
        if not together:
            lists = (
                self._filtered(query, today, skip=("category",))
                .values("category_ids")
                .annotate(n=Count("pk"))
                .order_by()
            )
            for row in lists:
                for pk in filter(None, row["category_ids"].split(",")):
                    categories[pk] = categories.get(pk, 0) + row["n"]
        counts["category"] = categories
        return counts, total

    # PES ---------------------------------------------------------------------------------
    def partners(
        self, query: DirectoryQuery, page: int, per_page: int, *, facets: bool = True
    ) -> Results:
        # once for the listing and its facets, from the cached names of the fields
        activities = vocabulary.matching_activities(query.words)
        partners = filter_partners(query, activities=activities)
        offset = (max(page, 1) - 1) * per_page
        rows, total = counted_slice(partners, ("pk", "name"), offset, per_page)
        return Results(
            hits=[Hit("supplier", pk, name) for pk, name in rows],
            total=total,
            page=page,
            per_page=per_page,
            counts=facet_counts(query, activities=activities) if facets else {},
        )

    # Autocomplete ------------------------------------------------------------------------
    def autocomplete(self, prefix: str, language: str, limit: int = 8) -> list[Suggestion]:
        folded = " ".join(folded_words(prefix))
        if len(folded) < 2:
            return []
        starts = Q(folded_title__startswith=folded) | Q(folded_title__contains=" " + folded)
        suggestions = [
            Suggestion(
                "product",
                title,
                reverse("catalogue:detail", kwargs={"product_slug": slug, "pk": pk}),
            )
            for pk, title, slug in ProductEntry.objects.filter(starts)
            .order_by("folded_title")
            .values_list("pk", "title", "product__slug")[:limit]
        ]
        partners = filter_partners(DirectoryQuery(q=prefix, sort_by="relevance"))
        for name, code in partners.values_list("name", "code")[: max(2, limit // 3)]:
            suggestions.append(
                Suggestion("supplier", name, reverse("directory:detail", args=[code]))
            )
        suggestions.extend(autocomplete_pages(prefix, language, max(2, limit // 3)))
        return suggestions[: limit + 4]

    # Upkeep ------------------------------------------------------------------------------
    def update_products(self, pks: Iterable[int]) -> None:
        self._write(product_documents(list(pks)), replace_all=False)

    def update_partners(self, pks: Iterable[int]) -> None:
        """PES are searched live in SQL; their products carry the seller's data, though."""
        product_pks = partner_product_ids(pks)
        if product_pks:
            self.update_products(product_pks)

    def rebuild(self, progress: Progress | None = None) -> dict[str, int]:
        total = count_products()
        written = self._write(
            product_documents(None), replace_all=True, progress=progress, total=total
        )
        return {"products": written}

    def _write(
        self,
        documents: Iterable[tuple[int, dict | None]],
        *,
        replace_all: bool,
        progress: Progress | None = None,
        total: int = 0,
    ) -> int:
        """Write entries in batches, each batch in one transaction (its rows deleted, then
        inserted). A rebuild (`replace_all`) replaces the rows batch by batch and drops the
        entries of products it did not meet only at the end, so search keeps answering with
        the whole catalogue while it runs (the database's counterpart of switching an alias)."""
        written = 0
        seen = 0
        met: set[int] = set()
        batch: list[tuple[int, dict | None]] = []

        def flush() -> None:
            nonlocal written
            pks = [pk for pk, _doc in batch]
            documents_ = [doc for _pk, doc in batch if doc is not None]
            met.update(pks)
            with transaction.atomic():
                ProductEntry.objects.filter(pk__in=pks).delete()
                ProductEntry.objects.bulk_create(
                    [
                        ProductEntry(
                            product_id=doc["pk"],
                            title=doc["title"][:255],
                            folded_title=doc["folded_title"][:255],
                            folded_text=doc["folded_text"],
                            partner_id=doc["partner_id"],
                            powiat=doc["powiat"],
                            legal_form=doc["legal_form"],
                            is_service=doc["is_service"],
                            price=doc["price"],
                            created=doc["created"],
                            certified_from=doc["certified_from"],
                            certified_until=doc["certified_until"],
                            category_ids=category_list(doc["categories"]),
                        )
                        for doc in documents_
                    ]
                )
                add_terms(
                    [
                        " ".join([doc["title"], doc["partner_name"], *doc["category_names"]])
                        for doc in documents_
                    ]
                )
            written += len(documents_)

        for item in documents:
            batch.append(item)
            seen += 1
            if len(batch) >= BATCH:
                flush()
                batch = []
                if progress:
                    progress("products", seen, total)
        if batch:
            flush()
        if replace_all:
            stale = sorted(set(ProductEntry.objects.values_list("pk", flat=True)) - met)
            for start in range(0, len(stale), BATCH):
                ProductEntry.objects.filter(pk__in=stale[start : start + BATCH]).delete()
        if progress:
            progress("products", seen, total or seen)
        return written

    def check(self) -> str:
        return f"database ({ProductEntry.objects.count()} products indexed)"
