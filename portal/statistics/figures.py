"""Every published statistic, computed in one place: the page, open data and the annual report.

`tables(year, subregion)` returns the tables in their order of publication. Only PES listed in
the public PES database count (`marketplace.directory.filters.listed_partners`). A subregion is
the area one OWES serves (its powiats): a PES counts where its seat is, an order where its PES
is, an awarded notice where its buyer is. Each table is a few aggregate queries (GROUP BY in
SQL), whatever the number of rows behind it; then `suppression.build` hides small groups.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from decimal import Decimal

from django.db.models import CharField, Count, F, Min, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Cast, Coalesce, ExtractYear
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from marketplace.certificates.models import Certificate, today_in_poland
from marketplace.directory.filters import ART_94, SOCIAL_ENTERPRISE, listed_partners
from marketplace.order import statuses
from marketplace.partner.models import ActivityField, LegalForm
from marketplace.procurement.models import Notice, NoticeKind, NoticeStatus
from portal.competition.models import Award
from portal.competition.results import awarded_nominations
from portal.monitoring.progress import progress
from portal.organisations.models import Organisation, Powiat

from .suppression import Measure, build, count, measure
from .tables import Table

Partner = get_model("partner", "Partner")
Order = get_model("order", "Order")
Line = get_model("order", "Line")

YEARS_BACK = 10  # the series over time show the chosen year and the nine before it
ZERO = Decimal("0.00")


def current_year() -> int:
    return timezone.localdate().year


def subregions() -> QuerySet:
    """The OWES whose areas one may choose (by name)."""
    return Organisation.objects.filter(kind=Organisation.Kind.OWES).order_by("name")


def available_years() -> list[int]:
    """Years with any dated data (orders, certificates, awards), up to the current one."""
    now = current_year()
    firsts = [
        Order.objects.aggregate(first=Min("date_placed"))["first"],
        Certificate.objects.aggregate(first=Min("issued_on"))["first"],
        Notice.objects.filter(status=NoticeStatus.AWARDED).aggregate(first=Min("awarded_at"))[
            "first"
        ],
    ]
    years = [value.year for value in firsts if value is not None]
    start = max(min(years, default=now), now - 2 * YEARS_BACK)
    return list(range(now, start - 1, -1))


def _year_end(year: int) -> datetime.date:
    """31 December of `year`, or today for the current year (nothing is counted ahead)."""
    return min(datetime.date(year, 12, 31), today_in_poland())


def _years(year: int) -> list[int]:
    return list(range(year - YEARS_BACK + 1, year + 1))


def _area(subregion: Organisation) -> QuerySet:
    """The powiats an OWES serves (a query, used as a subquery)."""
    return Powiat.objects.filter(organisations=subregion)


def _powiats(subregion: Organisation | None) -> list[Powiat]:
    if subregion is not None:
        return list(_area(subregion).order_by("name"))
    return list(Powiat.objects.order_by("name"))


def _powiat_filter(subregion: Organisation | None, path: str) -> Q:
    if subregion is None:
        return Q()
    return Q(**{f"{path}__in": _area(subregion).values("pk")})


def _pes(year: int, subregion: Organisation | None) -> QuerySet:
    """Listed PES of the area operating by the end of the year (or with no date given)."""
    listed = listed_partners().values("pk")
    return (
        Partner.objects.filter(pk__in=listed)
        .filter(_powiat_filter(subregion, "powiat"))
        .filter(Q(operating_since__isnull=True) | Q(operating_since__lte=_year_end(year)))
        .order_by()
    )


def _pes_scope(year: int) -> str:
    return _(
        "PES listed in the public PES database today whose activity began by the end of %(year)s "
        "(or whose start date is not known)."
    ) % {"year": year}


# PES ------------------------------------------------------------------------------------------


def pes_by_powiat(year: int, subregion: Organisation | None) -> Table:
    counts = dict(_pes(year, subregion).values_list("powiat").annotate(n=Count("pk")))
    rows = [(str(powiat), [count(counts.pop(powiat.pk, 0))]) for powiat in _powiats(subregion)]
    unknown = sum(counts.values())  # no powiat given (or one outside the chosen list)
    if unknown:
        rows.append((_("powiat not given"), [count(unknown)]))
    total = sum(m.value for _label, ms in rows for m in ms)
    return build(
        slug="pes-by-powiat",
        title=_("Social economy entities (PES) by powiat"),
        description=_("Number of PES by the powiat of their seat.") + " " + _pes_scope(year),
        columns=[_("Powiat"), _("PES")],
        rows=rows,
        total=[count(total)],
        chart="hbar",
    )


def pes_by_subregion(year: int, subregion: Organisation | None) -> Table | None:
    """PES by the OWES area of their powiat: readable where single powiats are too small.
    Shown for the whole region only (one area is already the whole of the filtered page)."""
    if subregion is not None:
        return None
    areas = list(Organisation.objects.filter(kind=Organisation.Kind.OWES).order_by("name"))
    counts = dict(
        _pes(year, None)
        .filter(powiat__organisations__kind=Organisation.Kind.OWES)
        .values_list("powiat__organisations")
        .annotate(n=Count("pk", distinct=True))
    )
    rows = [(str(area), [count(counts.get(area.pk, 0))]) for area in areas]
    return build(
        slug="pes-by-subregion",
        title=_("Social economy entities (PES) by subregion"),
        description=_(
            "Number of PES by subregion: the powiats each OWES serves, named after that OWES."
        )
        + " "
        + _pes_scope(year),
        columns=[_("Subregion (OWES area)"), _("PES")],
        rows=rows,
        chart="bar",
    )


def pes_by_legal_form(year: int, subregion: Organisation | None) -> Table:
    counts = dict(_pes(year, subregion).values_list("legal_form").annotate(n=Count("pk")))
    rows = [(str(label), [count(counts.get(value, 0))]) for value, label in LegalForm.choices]
    return build(
        slug="pes-by-legal-form",
        title=_("Social economy entities (PES) by legal form"),
        description=_("Number of PES by legal form.") + " " + _pes_scope(year),
        columns=[_("Legal form"), _("PES")],
        rows=rows,
        total=[count(sum(counts.values()))],
        chart="hbar",
    )


def pes_by_activity(year: int, subregion: Organisation | None) -> Table:
    pes = _pes(year, subregion)
    english = (get_language() or "pl").startswith("en")
    counts = (
        ActivityField.objects.filter(partners__in=pes.values("pk"))
        .values("pk", "name", "name_en")
        .annotate(n=Count("partners", distinct=True))
        .order_by("name")
    )
    rows = [
        ((row["name_en"] if english and row["name_en"] else row["name"]), [count(row["n"])])
        for row in counts
    ]
    none_given = pes.filter(activity_fields__isnull=True).count()
    rows.append((_("no field of activity given"), [count(none_given)]))
    return build(
        slug="pes-by-activity",
        title=_("Social economy entities (PES) by field of activity"),
        description=_(
            "Number of PES working in each field of activity. A PES may work in several "
            "fields and is counted in each, so the rows do not add up to the number of PES."
        )
        + " "
        + _pes_scope(year),
        columns=[_("Field of activity"), _("PES")],
        rows=rows,
        chart="hbar",
    )


def pes_by_founding_year(year: int, subregion: Organisation | None) -> Table:
    founded = dict(
        _pes(year, subregion)
        .annotate(founded=ExtractYear("operating_since"))
        .values_list("founded")
        .annotate(n=Count("pk"))
    )
    years = _years(year)
    earlier = sum(n for y, n in founded.items() if y is not None and y < years[0])
    rows = [(_("earlier"), [count(earlier)])]
    rows += [(str(y), [count(founded.get(y, 0))]) for y in years]
    rows.append((_("not known"), [count(founded.get(None, 0))]))
    return build(
        slug="pes-by-founding-year",
        title=_("Social economy entities (PES) by the year they began operating"),
        description=_(
            "Number of PES by the year their activity began (the %(n)s years up to %(year)s, "
            "earlier ones together, and those whose start is not known)."
        )
        % {"n": YEARS_BACK, "year": year}
        + " "
        + _pes_scope(year),
        columns=[_("Year"), _("PES")],
        rows=rows,
        total=[count(sum(founded.values()))],
    )


def share(n: int, total: int) -> Measure:
    """A part of a shown total: the part and the rest must both be big enough."""
    return measure(n, n, total - n)


def pes_status(year: int, subregion: Organisation | None) -> Table:
    end = _year_end(year)
    pes = _pes(year, subregion).annotate(
        _risk10=F("employees_at_risk") * 10, _total3=F("employees_total") * 3
    )
    figures = pes.aggregate(
        total=Count("pk"),
        ps=Count("pk", filter=SOCIAL_ENTERPRISE & Q(ps_decision_date__lte=end)),
        art94=Count("pk", filter=ART_94),
    )
    return build(
        slug="pes-status",
        title=_("Social enterprises and art. 94 eligibility"),
        description=_(
            "Number of PES with the social enterprise (PS) status (a decision number and a "
            "decision dated by the end of the year), and of PES employing at least 30% people "
            "at risk of social exclusion (eligible for contracts reserved under art. 94 Pzp, "
            "as they report it today), against all PES."
        )
        + " "
        + _pes_scope(year),
        columns=[_("Group"), _("PES")],
        rows=[
            # the PES outside a group (all minus the group) are a group too: hidden when small
            (_("social enterprises (PS status)"), [share(figures["ps"], figures["total"])]),
            (_("eligible under art. 94 Pzp"), [share(figures["art94"], figures["total"])]),
            (_("all PES"), [count(figures["total"])]),
        ],
    )


def certificates_over_time(year: int, subregion: Organisation | None) -> Table:
    years = _years(year)
    holders = Certificate.objects.filter(holder__in=listed_partners().values("pk")).filter(
        _powiat_filter(subregion, "holder__powiat")
    )
    figures = holders.aggregate(
        **{
            f"y{y}": Count(
                "holder",
                distinct=True,
                filter=Q(issued_on__lte=_year_end(y), valid_until__gte=_year_end(y))
                & ~Q(revoked_on__lte=_year_end(y)),
            )
            for y in years
        }
    )
    return build(
        slug="certificates",
        title=_("PES holding the “Zakup Prospołeczny” certificate"),
        description=_(
            "Number of PES listed in the PES database today that held a valid “Zakup "
            "Prospołeczny” certificate on 31 December of each year (today for the current year)."
        ),
        columns=[_("Year"), _("PES with a certificate")],
        rows=[(str(y), [count(figures[f"y{y}"])]) for y in years],
        chart="line",
    )


# Lider ES -------------------------------------------------------------------------------------


def laureates(year: int, subregion: Organisation | None) -> Table:
    nominations = awarded_nominations().filter(
        edition__results_published=True, edition__live=True, edition__year__lte=year
    )
    if subregion is not None:
        nominations = nominations.filter(_powiat_filter(subregion, "candidate_partner__powiat"))
    rows = (
        nominations.values("edition__year", "category__sort_order", "category__name")
        .annotate(
            winners=Count("pk", filter=Q(award=Award.WINNER)),
            distinctions=Count("pk", filter=Q(award=Award.DISTINCTION)),
            special=Count("pk", filter=Q(award=Award.SPECIAL)),
        )
        .order_by("edition__year", "category__sort_order", "category__name")
    )
    return build(
        slug="lider-es-laureates",
        title=_("Lider ES laureates by edition and category"),
        description=_(
            "Number of awards of the Lider Ekonomii Społecznej competition in editions up to "
            "%(year)s whose results are published, by category: winners, distinctions and "
            "special awards."
        )
        % {"year": year}
        + (
            " " + _("For a subregion: only laureates that are PES with a seat in its powiats.")
            if subregion is not None
            else ""
        ),
        columns=[_("Edition and category"), _("winners"), _("distinctions"), _("special awards")],
        rows=[
            (
                f"{row['edition__year']} – {row['category__name']}",
                [
                    Measure(row["winners"]),
                    Measure(row["distinctions"]),
                    Measure(row["special"]),
                ],
            )
            for row in rows
        ],
        chart="stacked",
        series=[_("winners"), _("distinctions"), _("special awards")],
        note=_("The laureates are announced by name, so these counts are published in full."),
        exempt=True,
    )


# Shop orders ----------------------------------------------------------------------------------


def _orders(subregion: Organisation | None) -> QuerySet:
    """Orders not cancelled, each of one listed PES (split per PES at checkout), with its PES,
    the PES's powiat and the buyer (the account, or the e-mail of a guest)."""
    first_line = Line.objects.filter(order=OuterRef("pk")).order_by("pk")
    listed = listed_partners().values("pk")
    orders = (
        Order.objects.exclude(status=statuses.CANCELLED)
        .annotate(
            seller=Subquery(first_line.values("partner_id")[:1]),
            seller_powiat=Subquery(first_line.values("partner__powiat_id")[:1]),
            buyer=Coalesce(Cast("user_id", CharField()), "guest_email", output_field=CharField()),
        )
        .filter(seller__in=listed)
        .order_by()
    )
    if subregion is not None:
        orders = orders.filter(seller_powiat__in=_area(subregion).values("pk"))
    return orders


ORDER_FIGURES = {
    "n": Count("pk"),
    "value": Sum("total_incl_tax"),
    "pes": Count("seller", distinct=True),
    "buyers": Count("buyer", distinct=True),
}


def _order_measures(row: dict | None) -> list[Measure]:
    """Orders (hidden under 5 orders or 5 PES) and their value (under 5 PES or 5 buyers)."""
    row = row or {"n": 0, "value": ZERO, "pes": 0, "buyers": 0}
    return [
        measure(row["n"], row["n"], row["pes"]),
        measure(row["value"] or ZERO, row["pes"], row["buyers"]),
    ]


def _order_columns(first: str) -> list[str]:
    return [first, _("orders"), _("value in PLN (gross)")]


def orders_by_year(year: int, subregion: Organisation | None) -> Table:
    years = _years(year)
    figures = {
        row["y"]: row
        for row in _orders(subregion)
        .filter(date_placed__year__gte=years[0], date_placed__year__lte=year)
        .annotate(y=ExtractYear("date_placed"))
        .values("y")
        .annotate(**ORDER_FIGURES)
    }
    return build(
        slug="orders-by-year",
        title=_("Shop orders with PES by year"),
        description=_(
            "Number of orders placed with PES listed in the PES database in the portal's shop "
            "(an order is one PES's part of a basket; cancelled orders are not counted) and "
            "their value including tax, by the year they were placed."
        ),
        columns=_order_columns(_("Year")),
        rows=[(str(y), _order_measures(figures.get(y))) for y in years],
        unit="PLN",
    )


def orders_by_powiat(year: int, subregion: Organisation | None) -> Table:
    orders = _orders(subregion).filter(date_placed__year=year)
    figures = {
        row["seller_powiat"]: row
        for row in orders.values("seller_powiat").annotate(**ORDER_FIGURES)
    }
    totals = orders.aggregate(**ORDER_FIGURES)
    rows = [(str(p), _order_measures(figures.pop(p.pk, None))) for p in _powiats(subregion)]
    if figures:  # PES with no powiat given
        rest = list(figures.values())
        rows.append(
            (
                _("powiat not given"),
                _order_measures(
                    {
                        "n": sum(r["n"] for r in rest),
                        "value": sum((r["value"] or ZERO for r in rest), ZERO),
                        "pes": sum(r["pes"] for r in rest),
                        "buyers": sum(r["buyers"] for r in rest),
                    }
                    if len(rest) > 1
                    else rest[0]
                ),
            )
        )
    return build(
        slug="orders-by-powiat",
        title=_("Shop orders with PES by powiat in %(year)s") % {"year": year},
        description=_(
            "Number of orders placed in %(year)s in the portal's shop with PES listed in the "
            "PES database (cancelled orders are not counted) and their value including tax, by "
            "the powiat of the PES."
        )
        % {"year": year},
        columns=_order_columns(_("Powiat")),
        rows=rows,
        total=_order_measures(totals),
        chart="hbar",
        unit="PLN",
    )


# Procurement ----------------------------------------------------------------------------------


def _awards(subregion: Organisation | None) -> QuerySet:
    """Awarded notices (public data), placed where their buyer is."""
    awarded = Notice.objects.filter(status=NoticeStatus.AWARDED, awarded_at__isnull=False)
    return awarded.filter(_powiat_filter(subregion, "buyer__powiat")).order_by()


AWARD_FIGURES = {
    "n": Count("pk"),
    "value": Sum("award_value"),
    "pes": Count("awarded_offer__partner", distinct=True),
    "buyers": Count("buyer", distinct=True),
}


def _award_measures(row: dict | None) -> list[Measure]:
    row = row or {"n": 0, "value": ZERO, "pes": 0, "buyers": 0}
    return [
        measure(row["n"], row["pes"], row["buyers"]),
        measure(row["value"] or ZERO, row["pes"], row["buyers"]),
    ]


def awards_by_year(year: int, subregion: Organisation | None) -> Table:
    years = _years(year)
    figures = {
        row["y"]: row
        for row in _awards(subregion)
        .filter(awarded_at__year__gte=years[0], awarded_at__year__lte=year)
        .annotate(y=ExtractYear("awarded_at"))
        .values("y")
        .annotate(**AWARD_FIGURES)
    }
    return build(
        slug="procurement-by-year",
        title=_("Procurement notices awarded to PES by year"),
        description=_(
            "Number of notices on the portal's procurement board awarded to a PES and their "
            "awarded value, by the year of the award; in a subregion, by the buyer's powiat."
        ),
        columns=[_("Year"), _("awarded notices"), _("awarded value in PLN")],
        rows=[(str(y), _award_measures(figures.get(y))) for y in years],
        unit="PLN",
    )


def awards_by_kind(year: int, subregion: Organisation | None) -> Table:
    awards = _awards(subregion).filter(awarded_at__year=year)
    figures = {row["kind"]: row for row in awards.values("kind").annotate(**AWARD_FIGURES)}
    return build(
        slug="procurement-by-kind",
        title=_("Procurement notices awarded to PES by kind in %(year)s") % {"year": year},
        description=_(
            "Number of notices awarded to a PES in %(year)s and their awarded value, by the kind "
            "of procedure (request for quotations, reserved contract, social clauses)."
        )
        % {"year": year},
        columns=[_("Kind"), _("awarded notices"), _("awarded value in PLN")],
        rows=[
            (str(label), _award_measures(figures.get(value))) for value, label in NoticeKind.choices
        ],
        total=_award_measures(awards.aggregate(**AWARD_FIGURES)),
        unit="PLN",
    )


# OWES indicators ------------------------------------------------------------------------------


def owes_indicators(year: int, subregion: Organisation | None) -> Table | None:
    """Targets against the OWES's accepted reports (`portal.monitoring.progress`)."""
    rows = [
        (
            f"{item.owes.name} – {item.indicator.name} ({item.indicator.unit})",
            [
                Measure(item.target if item.target is not None else ZERO),
                Measure(item.achieved),
                Measure(item.share if item.share is not None else ZERO),
            ],
        )
        for item in progress(year, subregion)
    ]
    return build(
        slug="owes-indicators",
        title=_("OWES indicators against their targets in %(year)s") % {"year": year},
        description=_(
            "For each OWES and indicator: the target for %(year)s, what the OWES's reports "
            "accepted by the ROPS add up to, and that as a percentage of the target (0 where no "
            "target is set)."
        )
        % {"year": year},
        columns=[_("OWES and indicator"), _("target"), _("achieved"), _("% of the target")],
        rows=rows,
        chart="hbar",
        series=[_("% of the target")],
        note=_("These figures describe the OWES' work, not single PES, and are shown in full."),
        exempt=True,
    )


TABLES: list[Callable[[int, Organisation | None], Table | None]] = [
    pes_by_powiat,
    pes_by_subregion,
    pes_by_legal_form,
    pes_by_activity,
    pes_by_founding_year,
    pes_status,
    certificates_over_time,
    laureates,
    orders_by_year,
    orders_by_powiat,
    awards_by_year,
    awards_by_kind,
    owes_indicators,
]


def tables(year: int | None = None, subregion: Organisation | None = None) -> list[Table]:
    """The ONE source of every published figure: the year's tables for the region or one OWES's
    area, suppressed (`suppression`). `None` year means the current one."""
    year = year or current_year()
    made = (make(year, subregion) for make in TABLES)
    return [table for table in made if table is not None]


def table(
    slug: str, year: int | None = None, subregion: Organisation | None = None
) -> Table | None:
    """One table by slug (computed alone, not with all the others)."""
    year = year or current_year()
    for make in TABLES:
        if SLUGS.get(make.__name__) == slug:
            return make(year, subregion)
    return None


SLUGS = {
    "pes_by_powiat": "pes-by-powiat",
    "pes_by_subregion": "pes-by-subregion",
    "pes_by_legal_form": "pes-by-legal-form",
    "pes_by_activity": "pes-by-activity",
    "pes_by_founding_year": "pes-by-founding-year",
    "pes_status": "pes-status",
    "certificates_over_time": "certificates",
    "laureates": "lider-es-laureates",
    "orders_by_year": "orders-by-year",
    "orders_by_powiat": "orders-by-powiat",
    "awards_by_year": "procurement-by-year",
    "awards_by_kind": "procurement-by-kind",
    "owes_indicators": "owes-indicators",
}
