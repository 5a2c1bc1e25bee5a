"""One filter for the notice board: the page, its RSS/Atom feeds, the `.ics` and the API.

Sharing `filter_notices` keeps every view of the board on the same notices for the same URL
parameters. Parameters are read like the PES directory's (`marketplace/directory/filters.py`):
unknown values are dropped (and said so), nothing raises. Counts are disjunctive: a value's
count is the number of notices one gets by choosing it alone in its facet, the other facets
kept.

The phase is computed from the status and the deadline (`NoticeQuerySet.in_phase`), so every
function here takes the one `now` of the request: the list, its phase labels and the counts
agree even when a deadline passes while the page is being built.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db.models import Case, Count, F, Q, QuerySet, When
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from marketplace.partner.models import ActivityField
from portal.organisations.models import Powiat
from portal.params import clean_text
from portal.text import fold

from .models import Notice, NoticeKind, NoticeStatus, Phase

MAX_VALUES_PER_FACET = 50
MAX_VALUE_LENGTH = 80
FACETS = ("phase", "kind", "activity", "powiat")
# A notice's phase as the board says it (an adjective agreeing with "ogłoszenie" in Polish; the
# model's labels are shared with offers and statuses).
PHASE_LABELS = {
    Phase.OPEN: pgettext_lazy("notice phase", "open for offers"),
    Phase.CLOSED: pgettext_lazy("notice phase", "closed, awaiting the award"),
    Phase.AWARDED: pgettext_lazy("notice phase", "awarded"),
    Phase.CANCELLED: pgettext_lazy("notice phase", "cancelled"),
}


@dataclass(frozen=True)
class BoardQuery:
    """The parsed, cleaned URL parameters of the board (unknown values dropped)."""

    powiat: tuple[str, ...] = ()
    activity: tuple[str, ...] = ()
    kind: tuple[str, ...] = ()
    phase: tuple[str, ...] = ()
    dropped: tuple[str, ...] = field(default=())

    @property
    def is_filtered(self) -> bool:
        return bool(self.powiat or self.activity or self.kind or self.phase)

    def without(self, facet: str) -> BoardQuery:
        """The same query with one facet cleared (for disjunctive facet counts)."""
        return replace(self, **{facet: ()})


def _values(params: Mapping[str, Any], key: str) -> list[str]:
    if hasattr(params, "getlist"):
        raw = params.getlist(key)
    else:
        raw = params.get(key) or []
        raw = [raw] if isinstance(raw, str) else list(raw)
    values = [clean_text(value, MAX_VALUE_LENGTH) for value in raw[:MAX_VALUES_PER_FACET]]
    return [value for value in values if value]


def parse_query(params: Mapping[str, Any]) -> BoardQuery:
    """Read a QueryDict (or a dict of lists): keep known values, drop the rest, never raise."""
    dropped: list[str] = []

    def known(key: str, allowed: set[str]) -> tuple[str, ...]:
        chosen: list[str] = []
        for value in _values(params, key):
            if value not in allowed:
                dropped.append(key)
            elif value not in chosen:
                chosen.append(value)
        return tuple(chosen)

    powiats = set(
        Powiat.objects.filter(code__in=_values(params, "powiat")).values_list("code", flat=True)
    )
    activities = set(
        ActivityField.objects.filter(slug__in=_values(params, "activity")).values_list(
            "slug", flat=True
        )
    )
    return BoardQuery(
        powiat=known("powiat", powiats),
        activity=known("activity", activities),
        kind=known("kind", set(NoticeKind.values)),
        phase=known("phase", set(Phase.values)),
        dropped=tuple(sorted(set(dropped))),
    )


def phase_condition(phase: str, now: datetime) -> Q:
    """The SQL condition of one phase (the same rule as `NoticeQuerySet.in_phase`)."""
    if phase == Phase.OPEN:
        return Q(status=NoticeStatus.PUBLISHED, deadline__gt=now)
    if phase == Phase.CLOSED:
        return Q(status=NoticeStatus.PUBLISHED, deadline__lte=now)
    if phase == Phase.AWARDED:
        return Q(status=NoticeStatus.AWARDED)
    return Q(status=NoticeStatus.CANCELLED)


def filter_notices(
    query: BoardQuery, *, now: datetime | None = None, skip: str | None = None
) -> QuerySet:
    """Public notices matching `query` (every facet but `skip`), unordered."""
    now = now or timezone.now()
    if skip:
        query = query.without(skip)
    notices = Notice.objects.public()
    if query.powiat:
        notices = notices.filter(
            pk__in=Notice.powiats.through.objects.filter(powiat__code__in=query.powiat).values(
                "notice_id"
            )
        )
    if query.activity:
        notices = notices.filter(
            pk__in=Notice.activity_fields.through.objects.filter(
                activityfield__slug__in=query.activity
            ).values("notice_id")
        )
    if query.kind:
        notices = notices.filter(kind__in=query.kind)
    if query.phase:
        condition = Q()
        for phase in query.phase:
            condition |= phase_condition(phase, now)
        notices = notices.filter(condition)
    return notices


def board_order(notices: QuerySet, now: datetime) -> QuerySet:
    """Open notices first, the nearest deadline first; then the rest, newest first."""
    return notices.alias(
        _open_deadline=Case(
            When(phase_condition(Phase.OPEN, now), then=F("deadline")),
            default=None,
        )
    ).order_by(
        F("_open_deadline").asc(nulls_last=True),
        F("published_at").desc(nulls_last=True),
        "-pk",
    )


def with_details(notices: QuerySet) -> QuerySet:
    """What a row of the board shows, in a constant number of queries."""
    return notices.select_related("buyer").prefetch_related("activity_fields", "powiats")


def facet_counts(query: BoardQuery, now: datetime) -> dict[str, dict[str, int]]:
    """Disjunctive counts per facet value (a value's count keeps the other facets only)."""
    phases = filter_notices(query, now=now, skip="phase").aggregate(
        **{
            phase: Count("pk", filter=phase_condition(phase, now), distinct=True)
            for phase in Phase.values
        }
    )
    kinds = (
        filter_notices(query, now=now, skip="kind")
        .order_by()
        .values("kind")
        .annotate(n=Count("pk", distinct=True))
    )
    activities = (
        ActivityField.objects.filter(
            notices__in=filter_notices(query, now=now, skip="activity").order_by().values("pk")
        )
        .values("slug")
        .annotate(n=Count("notices", distinct=True))
    )
    powiats = (
        Powiat.objects.filter(
            notices__in=filter_notices(query, now=now, skip="powiat").order_by().values("pk")
        )
        .values("code")
        .annotate(n=Count("notices", distinct=True))
    )
    return {
        "phase": {phase: count for phase, count in phases.items() if count},
        "kind": {row["kind"]: row["n"] for row in kinds},
        "activity": {row["slug"]: row["n"] for row in activities},
        "powiat": {row["code"]: row["n"] for row in powiats},
    }


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


def facets(query: BoardQuery, counts: dict[str, dict[str, int]]) -> list[Facet]:
    """The board's facets, labelled in the active language; values without notices are left
    out unless chosen."""

    def values(name: str, options: list[tuple[str, str]]) -> list[FacetValue]:
        chosen = set(getattr(query, name))
        return [
            FacetValue(value, label, counts[name].get(value, 0), value in chosen)
            for value, label in options
            if counts[name].get(value) or value in chosen
        ]

    powiats = Powiat.objects.filter(code__in=set(counts["powiat"]) | set(query.powiat))
    activities = ActivityField.objects.filter(
        slug__in=set(counts["activity"]) | set(query.activity)
    )
    return [
        Facet(
            "phase",
            _("Phase"),
            values("phase", [(str(p.value), str(label)) for p, label in PHASE_LABELS.items()]),
        ),
        Facet("kind", _("Kind of notice"), values("kind", list(NoticeKind.choices))),
        Facet(
            "activity",
            _("Field of activity"),
            values(
                "activity",
                sorted(((a.slug, a.label) for a in activities), key=lambda x: fold(x[1])),
            ),
        ),
        Facet(
            "powiat",
            _("Powiat"),
            values(
                "powiat", [(p.code, str(p)) for p in sorted(powiats, key=lambda p: fold(p.name))]
            ),
        ),
    ]


# Caching ---------------------------------------------------------------------------------------


def next_deadline(notices: QuerySet, now: datetime) -> datetime | None:
    """The earliest deadline still ahead among `notices`: when some notice turns from open to
    closed with no save (so no cache invalidation) to tell the page cache."""
    return (
        notices.filter(phase_condition(Phase.OPEN, now))
        .order_by("deadline")
        .values_list("deadline", flat=True)
        .first()
    )


def keep_from_cache_before(response: Any, change: datetime | None, now: datetime) -> Any:
    """Let the page cache keep `response` only when its copy expires before `change`.

    Why not cache for less: the page cache (`portal/cache.py`) stores every page for the same
    PAGE_CACHE_SECONDS and a phase changes at a deadline without any save that would bump the
    cache generation. A copy stored now lives until now + PAGE_CACHE_SECONDS; when a deadline
    falls before that, the page is marked never-cache instead, so a stored copy can never say
    "open" after the deadline. Saves, publications, awards and cancellations invalidate every
    stored page (see the hooks in `portal/cache.py`).
    """
    seconds = getattr(settings, "PAGE_CACHE_SECONDS", 600)
    if change is not None and seconds and (change - now).total_seconds() <= seconds:
        add_never_cache_headers(response)
    return response
