"""One filter for the PES database: the listing page, its CSV export and the open-data API.

Sharing `filter_partners` keeps the page and the API on the same result set and order for the
same URL parameters. Everything is computed in SQL (art. 94 share, valid certificates, online
sales, folded text), so counts and pagination stay exact.

Text search folds case and diacritics: the PES's name, description, mission and town are
stored folded (`Partner.folded_text`, filled on save with `portal.text.fold`, trigram-indexed
on PostgreSQL) and the query is folded the same way. The names of the fields of activity (a
small table) are folded and matched in Python, once per search.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from oscar.core.loading import get_model

from marketplace.certificates.models import Certificate
from marketplace.partner.models import ActivityField, LegalForm, ReintegrationType
from portal.params import clean_text
from portal.text import fold

Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")
Product = get_model("catalogue", "Product")

MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 8
MAX_VALUES_PER_FACET = 50
SORTS = ("name", "relevance")
BOOLEAN_FACETS = ("certified", "ps", "art94", "online")
CHOICE_FACETS = ("powiat", "legal_form", "activity", "reintegration")


@dataclass(frozen=True)
class DirectoryQuery:
    """The parsed, cleaned URL parameters of a directory search (unknown values dropped)."""

    q: str = ""
    powiat: tuple[str, ...] = ()
    legal_form: tuple[str, ...] = ()
    activity: tuple[str, ...] = ()
    reintegration: tuple[str, ...] = ()
    certified: bool = False
    ps: bool = False
    art94: bool = False
    online: bool = False
    sort_by: str = "name"
    truncated: bool = False
    dropped: tuple[str, ...] = field(default=())

    @property
    def words(self) -> list[str]:
        return self.q.split()[:MAX_QUERY_WORDS]

    @property
    def is_filtered(self) -> bool:
        return bool(
            self.q
            or self.powiat
            or self.legal_form
            or self.activity
            or self.reintegration
            or self.certified
            or self.ps
            or self.art94
            or self.online
        )

    def without(self, facet: str) -> DirectoryQuery:
        """The same query with one facet cleared (for disjunctive facet counts)."""
        empty: Any = False if facet in BOOLEAN_FACETS else ()
        return replace(self, **{facet: empty})


def _values(params: Mapping[str, Any], key: str) -> list[str]:
    if hasattr(params, "getlist"):
        raw = params.getlist(key)
    else:
        raw = params.get(key) or []
        raw = [raw] if isinstance(raw, str) else list(raw)
    # Control characters are dropped: PostgreSQL refuses a NUL in a string.
    values = [clean_text(value, MAX_QUERY_LENGTH) for value in raw[:MAX_VALUES_PER_FACET]]
    return [value for value in values if value]


def parse_query(params: Mapping[str, Any]) -> DirectoryQuery:
    """Read a QueryDict (or a dict of lists): keep known values, drop the rest, never raise."""
    # Control characters (a NUL above all, which PostgreSQL refuses in a string) never belong
    # in a search: they become spaces.
    raw_q = "".join(
        " " if unicodedata.category(char).startswith("C") else char
        for char in " ".join(_values(params, "q")[:1])
    )
    q = " ".join(raw_q[:MAX_QUERY_LENGTH].split())
    dropped: list[str] = []

    def known(key: str, allowed: set[str]) -> tuple[str, ...]:
        chosen = []
        for value in _values(params, key):
            if value in allowed and value not in chosen:
                chosen.append(value)
            elif value not in allowed:
                dropped.append(key)
        return tuple(chosen)

    powiats = set(
        Partner.objects.filter(
            listed_in_directory=True, powiat__code__in=_values(params, "powiat")
        ).values_list("powiat__code", flat=True)
    )
    activities = set(
        ActivityField.objects.filter(slug__in=_values(params, "activity")).values_list(
            "slug", flat=True
        )
    )
    sort_by = (_values(params, "sort_by") or [""])[0]
    if sort_by not in SORTS:
        sort_by = "relevance" if q else "name"  # a search lists name matches first
    return DirectoryQuery(
        q=q,
        powiat=known("powiat", powiats),
        legal_form=known("legal_form", set(LegalForm.values)),
        activity=known("activity", activities),
        reintegration=known("reintegration", set(ReintegrationType.values)),
        certified=_values(params, "certified")[:1] == ["1"],
        ps=_values(params, "ps")[:1] == ["1"],
        art94=_values(params, "art94")[:1] == ["1"],
        online=_values(params, "online")[:1] == ["1"],
        sort_by=sort_by,
        truncated=len(raw_q) > MAX_QUERY_LENGTH,
        dropped=tuple(sorted(set(dropped))),
    )


# Same rule as Partner.art_94_eligible: at least 30% exactly, i.e. at_risk * 10 >= 3 * total.
ART_94 = Q(employees_total__gt=0, employees_at_risk__isnull=False, _risk10__gte=F("_total3"))
SOCIAL_ENTERPRISE = Q(ps_decision_date__isnull=False) & ~Q(ps_decision_number="")


def listed_partners() -> QuerySet:
    """Every public PES, annotated with the flags the facets count."""
    valid = Certificate.objects.valid_on().filter(holder=OuterRef("pk"))
    selling = StockRecord.objects.filter(
        partner=OuterRef("pk"), product__in=Product.objects.browsable()
    )
    return (
        Partner.objects.filter(listed_in_directory=True)
        .alias(_risk10=F("employees_at_risk") * 10, _total3=F("employees_total") * 3)
        .annotate(has_certificate=Exists(valid), sells_online=Exists(selling))
    )


def matching_activities(words: list[str]) -> dict[str, list[int]]:
    """Per query word, the fields of activity whose Polish or English name contains it,
    folded: one query over a small table, matched in Python with the same `fold` as the
    stored columns (no per-row folding in SQL)."""
    if not words:
        return {}
    names = [
        (pk, fold(name), fold(name_en))
        for pk, name, name_en in ActivityField.objects.values_list("pk", "name", "name_en")
    ]
    matches = {}
    for word in words:
        folded_word = fold(word)
        matches[word] = [pk for pk, pl, en in names if folded_word in pl or folded_word in en]
    return matches


def _text_filter(word: str, activity_ids: list[int]) -> Q:
    """The word in the PES's stored folded text, or one of its fields of activity named so."""
    condition = Q(folded_text__contains=fold(word))
    if activity_ids:
        holders = Partner.activity_fields.through.objects.filter(
            partner_id=OuterRef("pk"), activityfield_id__in=activity_ids
        )
        condition |= Exists(holders)
    return condition


def filter_partners(
    query: DirectoryQuery,
    *,
    skip: str | None = None,
    activities: dict[str, list[int]] | None = None,
) -> QuerySet:
    """Listed PES matching `query` (all facets but `skip`), in the query's order.

    The one function behind the listing, its export and `GET /api/pes/`. `activities` is
    `matching_activities(query.words)` when the caller has it already (the facet counts).
    """
    if skip:
        query = query.without(skip)
    if activities is None:
        activities = matching_activities(query.words)
    partners = listed_partners()
    for word in query.words:
        partners = partners.filter(_text_filter(word, activities.get(word, [])))
    if query.powiat:
        partners = partners.filter(powiat__code__in=query.powiat)
    if query.legal_form:
        partners = partners.filter(legal_form__in=query.legal_form)
    if query.reintegration:
        partners = partners.filter(reintegration__in=query.reintegration)
    if query.activity:
        chosen = ActivityField.objects.filter(partners=OuterRef("pk"), slug__in=query.activity)
        partners = partners.filter(Exists(chosen))
    if query.certified:
        partners = partners.filter(has_certificate=True)
    if query.ps:
        partners = partners.filter(SOCIAL_ENTERPRISE)
    if query.art94:
        partners = partners.filter(ART_94)
    if query.online:
        partners = partners.filter(sells_online=True)
    if query.sort_by == "relevance" and query.words:
        folded_q = fold(query.q)
        first = fold(query.words[0])
        partners = partners.alias(
            _relevance=Case(
                When(folded_name__startswith=folded_q, then=Value(3)),
                When(folded_name__contains=folded_q, then=Value(2)),
                When(folded_name__contains=first, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
        ).order_by("-_relevance", "folded_name", "pk")
    else:
        partners = partners.order_by("folded_name", "pk")
    return partners


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str
    legend: str
    values: list[FacetValue]
    boolean: bool = False


def facet_counts(
    query: DirectoryQuery, *, activities: dict[str, list[int]] | None = None
) -> dict[str, dict[str, int]]:
    """Disjunctive counts: each facet's values counted with every OTHER filter applied.

    So a count is exactly the number of rows one gets by choosing that value alone within its
    facet while keeping the rest of the search; booleans count their "yes". `activities` as
    in `filter_partners`.
    """
    counts: dict[str, dict[str, int]] = {}
    if activities is None:
        activities = matching_activities(query.words)
    for facet, column in (
        ("powiat", "powiat__code"),
        ("legal_form", "legal_form"),
        ("reintegration", "reintegration"),
    ):
        rows = (
            filter_partners(query, skip=facet, activities=activities)
            .order_by()
            .values(column)
            .annotate(n=Count("pk", distinct=True))
        )
        counts[facet] = {row[column]: row["n"] for row in rows if row[column]}
    rows = (
        ActivityField.objects.filter(
            partners__in=filter_partners(query, skip="activity", activities=activities)
            .order_by()
            .values("pk")
        )
        .values("slug")
        .annotate(n=Count("partners", distinct=True))
    )
    counts["activity"] = {row["slug"]: row["n"] for row in rows}
    for facet in BOOLEAN_FACETS:
        with_yes = replace(query, **{facet: True})
        counts[facet] = {"1": filter_partners(with_yes, activities=activities).count()}
    return counts
