"""What a search asks and what it answers, the same for every backend.

Views build these value objects from URL parameters and hand them to `search.service`; a
backend (database or Elasticsearch) answers with `Results`. Nothing here knows an engine.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext_lazy as _

from portal.params import positive_ids

MAX_QUERY_LENGTH = 200
MAX_PAGE = 1000

# The kinds of result the site search groups by, in display order.
KINDS: dict[str, Any] = {
    "product": _("Products and services"),
    "supplier": _("Suppliers (PES)"),
    "news": _("News"),
    "goodpractice": _("Good practices"),
    "event": _("Events"),
    "page": _("Other pages"),
}
PAGE_KINDS = ("news", "goodpractice", "event", "page")

PRODUCT_SORTS: dict[str, Any] = {
    "relevance": _("Relevance"),
    "price": _("Price: lowest first"),
    "-price": _("Price: highest first"),
    "newest": _("Newest"),
}
PRODUCT_KINDS = ("goods", "services")
# Price facet buckets in PLN: (key, lower bound inclusive, upper bound exclusive).
PRICE_RANGES: tuple[tuple[str, Decimal | None, Decimal | None], ...] = (
    ("0-20", None, Decimal(20)),
    ("20-50", Decimal(20), Decimal(50)),
    ("50-100", Decimal(50), Decimal(100)),
    ("100-200", Decimal(100), Decimal(200)),
    ("200-", Decimal(200), None),
)


def clean_text(value: Any) -> str:
    """Control characters out (PostgreSQL refuses NUL), whitespace collapsed, length bounded."""
    text = "".join(" " if ord(ch) < 32 or ord(ch) == 127 else ch for ch in str(value or ""))
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def _values(params: Mapping[str, Any], key: str) -> list[str]:
    if hasattr(params, "getlist"):
        raw = params.getlist(key)
    else:
        raw = params.get(key) or []
        raw = [raw] if isinstance(raw, str | int) else list(raw)
    return [clean_text(v) for v in raw[:50] if clean_text(v)]


def _positive_int(value: Any, default: int, maximum: int) -> int:
    try:
        number = int(str(value))
    except (TypeError, ValueError):
        return default
    return min(max(number, 1), maximum)


def _price(value: Any) -> Decimal | None:
    try:
        number = Decimal(str(value).replace(",", "."))
    except (InvalidOperation, ValueError):
        return None
    if not number.is_finite() or number < 0 or number > Decimal(10**7):
        return None
    return number


@dataclass(frozen=True)
class ProductQuery:
    """A search of available products and services (the shop's listings and /szukaj/)."""

    text: str = ""
    categories: tuple[int, ...] = ()  # a product matches in a category or any descendant
    powiats: tuple[str, ...] = ()  # the seller's powiat (TERYT code)
    legal_forms: tuple[str, ...] = ()  # the seller's legal form (Partner.legal_form)
    certified: bool = False  # the seller holds a valid Zakup Prospołeczny certificate today
    kind: str = ""  # "" (all), "goods" or "services"
    price_range: str = ""  # one of PRICE_RANGES' keys
    sort: str = "relevance"
    page: int = 1
    per_page: int = 24
    facets: bool = True  # False: skip facet counts (the site search's group previews)

    @classmethod
    def from_params(cls, params: Mapping[str, Any], **overrides: Any) -> ProductQuery:
        """From URL parameters; unknown or malformed values are dropped, never an error."""
        # Unknown, malformed or out-of-range category ids are ignored, never compared in SQL.
        categories = tuple(positive_ids(_values(params, "category"), limit=20))
        kind = clean_text(params.get("kind", ""))
        price_range = clean_text(params.get("price", ""))
        sort = clean_text(params.get("sort_by", "")) or "relevance"
        values = {
            "text": clean_text(params.get("q", "")),
            "categories": categories[:20],
            "powiats": tuple(_values(params, "powiat"))[:50],
            "legal_forms": tuple(_values(params, "legal_form"))[:20],
            "certified": params.get("certified") in ("1", "on", "true"),
            "kind": kind if kind in PRODUCT_KINDS else "",
            "price_range": price_range if price_range in dict_keys(PRICE_RANGES) else "",
            "sort": sort if sort in PRODUCT_SORTS else "relevance",
            "page": _positive_int(params.get("page"), 1, MAX_PAGE),
        }
        values.update(overrides)
        return cls(**values)

    @property
    def price_bounds(self) -> tuple[Decimal | None, Decimal | None]:
        for key, low, high in PRICE_RANGES:
            if key == self.price_range:
                return low, high
        return None, None

    def without(self, facet: str) -> ProductQuery:
        """The same query with one facet cleared (disjunctive facet counts)."""
        empty = {
            "category": {"categories": ()},
            "powiat": {"powiats": ()},
            "legal_form": {"legal_forms": ()},
            "certified": {"certified": False},
            "kind": {"kind": ""},
            "price": {"price_range": ""},
        }[facet]
        return replace(self, **empty)

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page


def dict_keys(ranges: tuple[tuple[str, Any, Any], ...]) -> list[str]:
    return [key for key, _low, _high in ranges]


@dataclass(frozen=True)
class PageQuery:
    """A search of live Wagtail pages of one language, optionally of one kind."""

    text: str
    language: str
    kind: str = ""  # one of PAGE_KINDS, or "" for all
    page: int = 1
    per_page: int = 10

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class Facet:
    name: str
    label: Any
    values: list[FacetValue] = field(default_factory=list)
    boolean: bool = False


@dataclass
class Hit:
    """One result: its kind, primary key, and a snippet (safe HTML, matches in <mark>).

    `object` is filled by the service with the model instance, loaded in bulk."""

    kind: str
    pk: int
    title: str = ""
    snippet: str = ""
    url: str = ""
    object: Any = None


@dataclass
class Results:
    """One page of hits of one kind, the total, and the facets (counted disjunctively)."""

    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    page: int = 1
    per_page: int = 24
    facets: list[Facet] = field(default_factory=list)
    # Raw disjunctive counts from the backend: facet name → value → count (labelled later).
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    error: str = ""  # non-empty: the backend could not answer (said on the page, logged)
    backend: str = ""

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.total // self.per_page)) if self.per_page else 1

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def pks(self) -> list[int]:
        return [hit.pk for hit in self.hits]


@dataclass
class Group:
    """One kind's results on /szukaj/, under its label."""

    kind: str
    label: Any
    results: Results


@dataclass
class SiteResults:
    """/szukaj/: a count per kind, and either a preview of every kind or one kind in full."""

    text: str
    kind: str
    counts: dict[str, int] = field(default_factory=dict)
    groups: list[Group] = field(default_factory=list)
    error: str = ""
    backend: str = ""

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass
class Suggestion:
    """An autocomplete suggestion for the search box."""

    kind: str
    title: str
    url: str
