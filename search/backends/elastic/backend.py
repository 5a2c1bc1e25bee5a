"""Products and PES searched in Elasticsearch (or an OpenSearch-compatible server).

Same answers as `DatabaseBackend`: every query word must match (in the folded text, one or
two typos allowed by `fuzziness: AUTO`), facet counts are disjunctive (hits are narrowed by a
`post_filter`; each facet is counted in a `filter` aggregation holding every *other* filter),
"certified" is compared with today at query time. Each index is reached through an alias
(`<prefix>-products`, `<prefix>-partners`); a rebuild fills a new timestamped index and
switches the alias atomically, so search keeps answering meanwhile. Any engine failure
becomes `SearchUnavailable`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils.safestring import mark_safe
from elasticsearch_dsl import Q, Search

from marketplace.certificates.models import today_in_poland
from marketplace.directory.filters import BOOLEAN_FACETS, DirectoryQuery
from portal.text import fold, folded_words

from ...adapters import (
    Product,
    count_products,
    partner_documents,
    partner_product_ids,
    partner_queryset,
    product_documents,
)
from ...pages import autocomplete_pages
from ...query import PRICE_RANGES, Hit, ProductQuery, Results, Suggestion
from .. import SearchUnavailable
from ..base import Progress, SearchBackend
from .client import get_client, is_engine_error
from .documents import has_stempel, index_body, source

MAX_WORDS = 8
BULK_CHUNK = 500
MAX_BUCKETS = 1000
HIGHLIGHT = {"pre_tags": ["<mark>"], "post_tags": ["</mark>"], "encoder": "html"}
KINDS = ("products", "partners")


@contextlib.contextmanager
def engine() -> Iterator[None]:
    """Turn the engine's own errors (refused, timed out, 4xx/5xx) into SearchUnavailable."""
    try:
        yield
    except SearchUnavailable:
        raise
    except Exception as error:
        if is_engine_error(error):
            raise SearchUnavailable(f"{type(error).__name__}: {error}") from error
        raise


def certified_q(today: date) -> Q:
    return Q("range", certified_from={"lte": today.isoformat()}) & Q(
        "range", certified_until={"gte": today.isoformat()}
    )


def _bool(filters: list[Q]) -> Q:
    return Q("bool", filter=filters) if filters else Q("match_all")


def escape_wildcard(text: str) -> str:
    return "".join("\\" + char if char in "\\*?" else char for char in text)


# Products ------------------------------------------------------------------------------
def product_text_q(text: str, stemmed: bool = False) -> Q | None:
    """Every folded word must match the folded text (typos allowed); titles score most.

    With the Polish stemmer on the cluster, matching every word's stem across the
    stemmed subfields (the raw query: stempel needs the diacritics) also qualifies."""
    words = folded_words(text)[:MAX_WORDS]
    if not words:
        return None
    terms = " ".join(words)
    match: Q = Q(
        "match",
        folded_text={
            "query": terms,
            "operator": "and",
            "fuzziness": "AUTO",
            "prefix_length": 1,
        },
    )
    if stemmed:
        match = match | Q(
            "multi_match",
            query=" ".join(text.split()[:MAX_WORDS]),
            type="cross_fields",
            operator="and",
            fields=["title.polish", "description.polish", "category_names.polish"],
        )
    return Q(
        "bool",
        must=[match],
        should=[
            Q(
                "multi_match",
                query=terms,
                fields=["title^3", "category_names^2", "partner_name", "description"],
                fuzziness="AUTO",
                prefix_length=1,
            ),
            Q("match_phrase_prefix", title={"query": terms, "boost": 2}),
        ],
    )


def product_filters(query: ProductQuery, today: date) -> dict[str, Q]:
    """One filter per chosen facet, by facet name."""
    filters: dict[str, Q] = {}
    if query.categories:
        filters["category"] = Q("terms", categories=list(query.categories))
    if query.powiats:
        filters["powiat"] = Q("terms", powiat=list(query.powiats))
    if query.legal_forms:
        filters["legal_form"] = Q("terms", legal_form=list(query.legal_forms))
    if query.kind:
        filters["kind"] = Q("term", is_service=query.kind == "services")
    if query.price_range:
        low, high = query.price_bounds
        bounds: dict[str, float] = {}
        if low is not None:
            bounds["gte"] = float(low)
        if high is not None:
            bounds["lt"] = float(high)
        filters["price"] = Q("range", price=bounds)
    if query.certified:
        filters["certified"] = certified_q(today)
    return filters


def product_facet_aggs(today: date) -> dict[str, dict[str, Any]]:
    """The aggregation counting each product facet (wrapped in its filter agg later)."""
    ranges = []
    for key, low, high in PRICE_RANGES:
        bucket: dict[str, Any] = {"key": key}
        if low is not None:
            bucket["from"] = float(low)
        if high is not None:
            bucket["to"] = float(high)
        ranges.append(bucket)
    return {
        "category": {"terms": {"field": "categories", "size": MAX_BUCKETS}},
        "powiat": {"terms": {"field": "powiat", "size": MAX_BUCKETS}},
        "legal_form": {"terms": {"field": "legal_form", "size": 100}},
        "kind": {
            "filters": {
                "filters": {
                    "goods": {"term": {"is_service": False}},
                    "services": {"term": {"is_service": True}},
                }
            }
        },
        "price": {"range": {"field": "price", "keyed": True, "ranges": ranges}},
        "certified": {"filters": {"filters": {"1": certified_q(today).to_dict()}}},
    }


def disjunctive(search: Search, filters: dict[str, Q], aggs: dict[str, dict]) -> Search:
    """Hits narrowed by every filter (post_filter); each facet counted with the others."""
    if filters:
        search = search.post_filter(_bool(list(filters.values())))
    for name, agg in aggs.items():
        others = [f for facet, f in filters.items() if facet != name]
        search.aggs.bucket(name, "filter", filter=_bool(others)).bucket("values", agg)
    return search


def product_search(query: ProductQuery, index: str, today: date, stemmed: bool = False) -> Search:
    """The request for one page of products, with facet aggregations when asked."""
    search = Search(index=index).extra(track_total_hits=True)
    text = product_text_q(query.text, stemmed)
    search = search.query(text) if text is not None else search.query("match_all")
    filters = product_filters(query, today)
    if query.facets:
        search = disjunctive(search, filters, product_facet_aggs(today))
    elif filters:
        search = search.post_filter(_bool(list(filters.values())))
    if query.sort == "price":
        search = search.sort(
            {"price": {"order": "asc", "missing": "_last"}}, {"created": "desc"}, {"pk": "asc"}
        )
    elif query.sort == "-price":
        search = search.sort(
            {"price": {"order": "desc", "missing": "_last"}}, {"created": "desc"}, {"pk": "asc"}
        )
    elif query.sort == "newest" or text is None:
        search = search.sort({"created": "desc"}, {"pk": "desc"})
    else:
        search = search.sort("_score", {"created": "desc"}, {"pk": "desc"})
    if text is not None:
        terms = " ".join(folded_words(query.text)[:MAX_WORDS])
        search = (
            search.highlight_options(
                **HIGHLIGHT,
                highlight_query=Q(
                    "multi_match", query=terms, fields=["title", "description"], fuzziness="AUTO"
                ).to_dict(),
            )
            .highlight("title", number_of_fragments=0)
            .highlight("description", fragment_size=160, number_of_fragments=1)
        )
    search = search.source(["pk", "title"])
    return search[query.offset : query.offset + query.per_page]


# PES -----------------------------------------------------------------------------------
def partner_text_q(query: DirectoryQuery) -> Q | None:
    """The directory's rule: every word is found inside the folded text (a substring)."""
    clauses = [
        Q("wildcard", **{"folded_text.raw": {"value": f"*{escape_wildcard(fold(word))}*"}})
        for word in query.words
        if fold(word)
    ]
    return Q("bool", filter=clauses) if clauses else None


def partner_filters(query: DirectoryQuery, today: date) -> dict[str, Q]:
    filters: dict[str, Q] = {}
    for facet, field in (
        ("powiat", "powiat"),
        ("legal_form", "legal_form"),
        ("reintegration", "reintegration"),
        ("activity", "activities"),
    ):
        values = getattr(query, facet)
        if values:
            filters[facet] = Q("terms", **{field: list(values)})
    for facet in BOOLEAN_FACETS:
        if getattr(query, facet):
            filters[facet] = boolean_q(facet, today)
    return filters


def boolean_q(facet: str, today: date) -> Q:
    if facet == "certified":
        return certified_q(today)
    return Q("term", **{facet: True})


def partner_search(
    query: DirectoryQuery, index: str, today: date, page: int, per_page: int, facets: bool = True
) -> Search:
    search = Search(index=index).extra(track_total_hits=True)
    text = partner_text_q(query)
    filters = partner_filters(query, today)
    if query.sort_by == "relevance" and query.words:
        whole = escape_wildcard(fold(query.q))
        first = escape_wildcard(fold(query.words[0]))
        scored = [
            Q("constant_score", filter=Q("prefix", folded_name=fold(query.q)), boost=3),
            Q("constant_score", filter=Q("wildcard", folded_name=f"*{whole}*"), boost=2),
            Q("constant_score", filter=Q("wildcard", folded_name=f"*{first}*"), boost=1),
        ]
        base = [Q("constant_score", filter=text or Q("match_all"), boost=0)]
        search = search.query(Q("bool", must=base, should=scored))
        search = search.sort("_score", {"folded_name": "asc"}, {"pk": "asc"})
    else:
        search = search.query(text if text is not None else Q("match_all"))
        search = search.sort({"folded_name": "asc"}, {"pk": "asc"})
    if facets:
        aggs: dict[str, dict] = {
            "powiat": {"terms": {"field": "powiat", "size": MAX_BUCKETS}},
            "legal_form": {"terms": {"field": "legal_form", "size": 100}},
            "reintegration": {"terms": {"field": "reintegration", "size": 100}},
            "activity": {"terms": {"field": "activities", "size": MAX_BUCKETS}},
        }
        search = disjunctive(search, filters, aggs)
        for facet in BOOLEAN_FACETS:
            # "How many if this were ticked too": every filter, plus this one.
            chosen = {**filters, facet: boolean_q(facet, today)}
            search.aggs.bucket(facet, "filter", filter=_bool(list(chosen.values())))
    elif filters:
        search = search.post_filter(_bool(list(filters.values())))
    search = search.source(["pk", "name"])
    offset = (max(page, 1) - 1) * per_page
    return search[offset : offset + per_page]


# Reading responses ---------------------------------------------------------------------
def bucket_counts(agg: dict[str, Any]) -> dict[str, int]:
    """{value: count} from a terms, keyed range or filters aggregation; empties dropped."""
    buckets = agg.get("buckets", {})
    if isinstance(buckets, dict):
        pairs = [(key, bucket.get("doc_count", 0)) for key, bucket in buckets.items()]
    else:
        pairs = [
            (str(bucket.get("key_as_string", bucket["key"])), bucket.get("doc_count", 0))
            for bucket in buckets
        ]
    return {str(key): count for key, count in pairs if key != "" and count}


def _total(response: dict[str, Any]) -> int:
    total = response["hits"]["total"]
    return int(total["value"] if isinstance(total, dict) else total)


def snippet(hit: dict[str, Any]) -> str:
    """The engine's highlight: safe HTML, since `encoder: html` escapes the text and only
    our <mark> tags are added (checked on osmem-server too). Empty without a match."""
    highlight = hit.get("highlight") or {}
    fragments = highlight.get("description") or highlight.get("title") or []
    return mark_safe(" … ".join(fragments)) if fragments else ""  # noqa: S308 - escaped by the engine


class ElasticsearchBackend(SearchBackend):
    name = "elasticsearch"

    def __init__(self) -> None:
        self._ready: set[str] = set()
        self._stemmed: bool | None = None

    @property
    def stemmed(self) -> bool:
        """Whether the cluster has `analysis-stempel` (asked once per backend instance)."""
        if self._stemmed is None:
            with engine():
                self._stemmed = has_stempel(self.client)
        return self._stemmed

    @property
    def client(self) -> Any:
        return get_client()

    def alias(self, kind: str) -> str:
        return f"{settings.ELASTICSEARCH_INDEX_PREFIX}-{kind}"

    # Queries -----------------------------------------------------------------------------
    def products(self, query: ProductQuery) -> Results:
        today = today_in_poland()
        search = product_search(query, self.alias("products"), today, self.stemmed)
        with engine():
            response = self.client.search(index=self.alias("products"), body=search.to_dict())
        hits = []
        for hit in response["hits"]["hits"]:
            source = hit.get("_source") or {}
            hits.append(Hit("product", int(source.get("pk", hit["_id"])), source.get("title", "")))
            hits[-1].snippet = snippet(hit)
        results = Results(hits=hits, total=_total(response), page=query.page)
        results.per_page = query.per_page
        if query.facets:
            aggs = response.get("aggregations", {})
            results.counts = {
                name: bucket_counts(aggs.get(name, {}).get("values", {}))
                for name in ("category", "powiat", "legal_form", "kind", "price", "certified")
            }
        return results

    def partners(
        self, query: DirectoryQuery, page: int, per_page: int, *, facets: bool = True
    ) -> Results:
        today = today_in_poland()
        search = partner_search(query, self.alias("partners"), today, page, per_page, facets)
        with engine():
            response = self.client.search(index=self.alias("partners"), body=search.to_dict())
        aggs = response.get("aggregations", {})
        counts: dict[str, dict[str, int]] = {}
        if facets:
            counts = {
                name: bucket_counts(aggs.get(name, {}).get("values", {}))
                for name in ("powiat", "legal_form", "reintegration", "activity")
            }
            for facet in BOOLEAN_FACETS:
                counts[facet] = {"1": int(aggs.get(facet, {}).get("doc_count", 0))}
        return Results(
            hits=[
                Hit("supplier", int(hit["_source"]["pk"]), hit["_source"].get("name", ""))
                for hit in response["hits"]["hits"]
            ],
            total=_total(response),
            page=page,
            per_page=per_page,
            counts=counts,
        )

    def autocomplete(self, prefix: str, language: str, limit: int = 8) -> list[Suggestion]:
        folded = " ".join(folded_words(prefix))
        if len(folded) < 2:
            return []
        products = (
            Search()
            .query(Q("match", **{"title.ac": {"query": folded, "operator": "and"}}))
            .sort("_score", {"folded_title": "asc"})
            .source(["pk", "title"])[:limit]
        )
        partners = (
            Search()
            .query(Q("match", **{"name.ac": {"query": folded, "operator": "and"}}))
            .sort("_score", {"folded_name": "asc"})
            .source(["name", "code"])[: max(2, limit // 3)]
        )
        with engine():
            found = self.client.search(index=self.alias("products"), body=products.to_dict())
            pes = self.client.search(index=self.alias("partners"), body=partners.to_dict())
        rows = [hit["_source"] for hit in found["hits"]["hits"]]
        slugs = dict(
            Product.objects.filter(pk__in=[row["pk"] for row in rows]).values_list("pk", "slug")
        )
        suggestions = [
            Suggestion(
                "product",
                row["title"],
                reverse(
                    "catalogue:detail", kwargs={"product_slug": slugs[row["pk"]], "pk": row["pk"]}
                ),
            )
            for row in rows
            if row["pk"] in slugs
        ]
        suggestions.extend(
            Suggestion(
                "supplier",
                hit["_source"]["name"],
                reverse("directory:detail", args=[hit["_source"]["code"]]),
            )
            for hit in pes["hits"]["hits"]
        )
        suggestions.extend(autocomplete_pages(prefix, language, max(2, limit // 3)))
        return suggestions[: limit + 4]

    # Upkeep ------------------------------------------------------------------------------
    def update_products(self, pks: Iterable[int]) -> None:
        pks = list(pks)
        if pks:
            self._write("products", product_documents(pks))

    def update_partners(self, pks: Iterable[int]) -> None:
        """PES are indexed themselves, and their products carry the seller's data too."""
        pks = list(pks)
        if not pks:
            return
        self._write("partners", partner_documents(pks))
        product_pks = partner_product_ids(pks)
        if product_pks:
            self.update_products(product_pks)

    def _write(self, kind: str, documents: Iterable[tuple[int, dict | None]]) -> None:
        """Index or delete these documents through the alias, visible at once (refresh)."""
        with engine():
            self._ensure_alias(kind)
            self._bulk(kind, self.alias(kind), documents, refresh=True)

    def _ensure_alias(self, kind: str) -> None:
        """Before the first rebuild, an empty index behind the alias: writing to a missing
        alias would auto-create a concrete index of that name with guessed mappings."""
        alias = self.alias(kind)
        if alias in self._ready:
            return
        if not self.client.indices.exists_alias(name=alias):
            if self.client.indices.exists(index=alias):
                self.client.indices.delete(index=alias)
            name = self._create(kind)
            self.client.indices.update_aliases(actions=[{"add": {"index": name, "alias": alias}}])
        self._ready.add(alias)

    def _create(self, kind: str) -> str:
        stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S%f")
        name = f"{self.alias(kind)}-{stamp}"
        body = index_body(kind, stemmed=has_stempel(self.client))
        self.client.indices.create(index=name, **body)
        return name

    def _bulk(
        self,
        kind: str,
        index: str,
        documents: Iterable[tuple[int, dict | None]],
        *,
        refresh: bool = False,
        progress: Progress | None = None,
        stage: str = "",
        total: int = 0,
    ) -> int:
        """Bulk-write in chunks; a None document is a delete (404 ignored). Returns written."""
        written = 0
        seen = 0
        chunk: list[dict[str, Any]] = []

        def flush() -> None:
            if not chunk:
                return
            response = self.client.bulk(operations=chunk, refresh=refresh)
            if response.get("errors"):
                for item in response["items"]:
                    action, result = next(iter(item.items()))
                    if result.get("error") and not (
                        action == "delete" and result.get("status") == 404
                    ):
                        raise SearchUnavailable(f"bulk {action} failed: {result['error']}")
            chunk.clear()

        for pk, document in documents:
            seen += 1
            if document is None:
                chunk.append({"delete": {"_index": index, "_id": str(pk)}})
            else:
                chunk.append({"index": {"_index": index, "_id": str(pk)}})
                chunk.append(source(kind, document))
                written += 1
            if len(chunk) >= BULK_CHUNK:
                flush()
                if progress:
                    progress(stage, seen, total)
        flush()
        if progress:
            progress(stage, seen, total or seen)
        return written

    def rebuild(self, progress: Progress | None = None) -> dict[str, int]:
        """A new concrete index per kind, filled, refreshed, then the alias switched to it in
        one `update_aliases` call; the old indices are deleted afterwards."""
        counts: dict[str, int] = {}
        sources = {
            "products": (product_documents, count_products),
            "partners": (partner_documents, lambda: partner_queryset().count()),
        }
        with engine():
            for kind, (documents, count) in sources.items():
                alias = self.alias(kind)
                name = self._create(kind)
                try:
                    counts[kind] = self._bulk(
                        kind, name, documents(None), progress=progress, stage=kind, total=count()
                    )
                    self.client.indices.refresh(index=name)
                except Exception:
                    self.client.options(ignore_status=404).indices.delete(index=name)
                    raise
                self._switch(alias, name)
                self._ready.add(alias)
        return counts

    def _switch(self, alias: str, name: str) -> None:
        client = self.client
        old: list[str] = []
        if client.indices.exists_alias(name=alias):
            old = list(client.indices.get_alias(name=alias).keys())
        elif client.indices.exists(index=alias):
            client.indices.delete(index=alias)  # a concrete index squatting the alias name
        actions: list[dict[str, Any]] = [
            {"remove": {"index": index, "alias": alias}} for index in old if index != name
        ]
        actions.append({"add": {"index": name, "alias": alias}})
        client.indices.update_aliases(actions=actions)
        for index in old:
            if index != name:
                client.options(ignore_status=404).indices.delete(index=index)

    def check(self) -> str:
        with engine():
            info = self.client.info()
            version = info.get("version", {})
            counts = []
            for kind in KINDS:
                alias = self.alias(kind)
                if self.client.indices.exists_alias(name=alias):
                    number = self.client.count(index=alias)["count"]
                    counts.append(f"{kind}: {number}")
                else:
                    counts.append(f"{kind}: no index (run a rebuild)")
            stemming = "Polish stemming" if has_stempel(self.client) else "no Polish stemmer"
        distribution = version.get("distribution", "elasticsearch")
        return (
            f"{self.name} ({distribution} {version.get('number', '?')}, {stemming}): "
            + ", ".join(counts)
        )
