"""The social-value statement of a buyer organisation, and the public ranking of buyers.

A buyer's spend with PES is the gross total of the orders that name its NIP as the invoice's
buyer (shop orders, accepted quotes, awarded notices), placed within the period in Poland's
time, cancelled ones left out. A quote's order has `order.quotes`, an award's `order.notices`;
anything else came from the shop's basket.

The shares are computed per order: "certified" when its PES held a valid Zakup Prospołeczny
certificate on the order's day; "status PS" and "art. 94" from the PES's record as it is now
(the record keeps no history). A PES with several fields of activity counts in each of them,
so that table adds up to more than the total.

The number of queries does not grow with the number of orders: orders, their sellers, the
sellers' fields and certificates are read in a fixed number of queries.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from marketplace.certificates.models import Certificate
from marketplace.order.statuses import CANCELLED

from .models import BuyerOrganisation

Order = get_model("order", "Order")
Line = get_model("order", "Line")
Partner = get_model("partner", "Partner")
Quote = get_model("quotes", "Quote")
Notice = get_model("procurement", "Notice")

ZERO = Decimal("0.00")


class Source:
    SHOP = "shop"
    QUOTE = "quote"
    AWARD = "award"


SOURCE_LABELS = {
    Source.SHOP: _("shop orders"),
    Source.QUOTE: _("accepted quotes"),
    Source.AWARD: _("awarded notices"),
}


@dataclass(frozen=True)
class Period:
    """From the first to the last day, both included, in Poland's calendar."""

    start: date
    end: date

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), date(year, 12, 31))

    def bounds(self) -> tuple[datetime, datetime]:
        zone = timezone.get_default_timezone()
        start = datetime.combine(self.start, time.min, tzinfo=zone)
        end = datetime.combine(self.end + timedelta(days=1), time.min, tzinfo=zone)
        return start, end


@dataclass
class Share:
    """A part of the spend: its value and its percentage of the total."""

    label: str
    value: Decimal = ZERO
    orders: int = 0
    percent: Decimal = ZERO


@dataclass
class StatementRow:
    """One order as the statement counts it."""

    number: str
    day: date
    source: str
    partner: Any
    total: Decimal
    certified: bool
    social_enterprise: bool
    art_94: bool

    @property
    def source_label(self) -> str:
        return str(SOURCE_LABELS[self.source])


@dataclass
class Statement:
    buyer: BuyerOrganisation
    period: Period
    rows: list[StatementRow] = field(default_factory=list)
    total: Decimal = ZERO
    partner_count: int = 0
    by_source: list[Share] = field(default_factory=list)
    certified: Share = field(default_factory=lambda: Share(str(_("certified"))))
    social_enterprise: Share = field(default_factory=lambda: Share(str(_("status PS"))))
    art_94: Share = field(default_factory=lambda: Share(str(_("art. 94"))))
    by_powiat: list[Share] = field(default_factory=list)
    by_field: list[Share] = field(default_factory=list)


def percent(part: Decimal, whole: Decimal) -> Decimal:
    if not whole:
        return ZERO
    return (part * 100 / whole).quantize(Decimal("0.1"))


def buyer_orders(nips: list[str], period: Period) -> Any:
    """Orders invoiced to these NIPs within the period, not cancelled, with their source."""
    start, end = period.bounds()
    return (
        Order.objects.filter(
            invoice_requested=True,
            invoice_nip__in=nips,
            date_placed__gte=start,
            date_placed__lt=end,
        )
        .exclude(status=CANCELLED)
        .annotate(
            from_quote=Exists(Quote.objects.filter(order=OuterRef("pk"))),
            from_award=Exists(Notice.objects.filter(order=OuterRef("pk"))),
        )
        .only("pk", "number", "invoice_nip", "date_placed", "total_incl_tax")
        .order_by("date_placed", "pk")
    )


def _sellers(order_ids: list[int]) -> dict[int, Any]:
    """{order id: its PES}, with powiat and fields of activity, in three queries."""
    seller_of = dict(
        Line.objects.filter(order_id__in=order_ids)
        .order_by("order_id", "pk")
        .values_list("order_id", "partner_id")
        .distinct()
    )
    partners = (
        Partner.objects.filter(pk__in=set(seller_of.values()))
        .select_related("powiat")
        .prefetch_related("activity_fields")
        .in_bulk()
    )
    return {order_id: partners.get(partner_id) for order_id, partner_id in seller_of.items()}


def _certificates(partner_ids: set[int]) -> dict[int, list[Certificate]]:
    by_partner: dict[int, list[Certificate]] = defaultdict(list)
    for certificate in Certificate.objects.filter(holder_id__in=partner_ids):
        by_partner[certificate.holder_id].append(certificate)
    return by_partner


def _valid_on(certificates: list[Certificate], day: date) -> bool:
    """As `Certificate.objects.valid_on(day)`, on rows already read."""
    return any(
        c.issued_on <= day <= c.valid_until and not (c.revoked_on and c.revoked_on <= day)
        for c in certificates
    )


def _rows(orders: list[Any]) -> list[StatementRow]:
    sellers = _sellers([order.pk for order in orders])
    certificates = _certificates({p.pk for p in sellers.values() if p is not None})
    rows = []
    for order in orders:
        partner = sellers.get(order.pk)
        if partner is None:
            continue
        day = timezone.localtime(order.date_placed).date()
        source = (
            Source.AWARD if order.from_award else Source.QUOTE if order.from_quote else Source.SHOP
        )
        rows.append(
            StatementRow(
                number=order.number,
                day=day,
                source=source,
                partner=partner,
                total=order.total_incl_tax,
                certified=_valid_on(certificates.get(partner.pk, []), day),
                social_enterprise=partner.is_social_enterprise,
                art_94=partner.art_94_eligible,
            )
        )
    return rows


def _add(share: Share, value: Decimal) -> None:
    share.value += value
    share.orders += 1


def _finish(shares: list[Share], total: Decimal) -> list[Share]:
    for share in shares:
        share.percent = percent(share.value, total)
    return sorted(shares, key=lambda s: (-s.value, s.label))


def compute(buyer: BuyerOrganisation, period: Period) -> Statement:
    """The whole statement of one buyer for one period."""
    rows = _rows(list(buyer_orders([buyer.nip], period)))
    statement = Statement(buyer=buyer, period=period, rows=rows)
    statement.total = sum((row.total for row in rows), ZERO)
    statement.partner_count = len({row.partner.pk for row in rows})
    sources = {key: Share(str(label)) for key, label in SOURCE_LABELS.items()}
    powiats: dict[str, Share] = {}
    fields: dict[str, Share] = {}
    for row in rows:
        _add(sources[row.source], row.total)
        if row.certified:
            _add(statement.certified, row.total)
        if row.social_enterprise:
            _add(statement.social_enterprise, row.total)
        if row.art_94:
            _add(statement.art_94, row.total)
        powiat = row.partner.powiat.name if row.partner.powiat else str(_("no powiat given"))
        _add(powiats.setdefault(powiat, Share(powiat)), row.total)
        for activity in row.partner.activity_fields.all():
            _add(fields.setdefault(activity.label, Share(activity.label)), row.total)
    for share in (statement.certified, statement.social_enterprise, statement.art_94):
        share.percent = percent(share.value, statement.total)
    statement.by_source = [sources[key] for key in SOURCE_LABELS]
    for share in statement.by_source:
        share.percent = percent(share.value, statement.total)
    statement.by_powiat = _finish(list(powiats.values()), statement.total)
    statement.by_field = _finish(list(fields.values()), statement.total)
    return statement


@dataclass
class RankingEntry:
    buyer: BuyerOrganisation
    total: Decimal
    partner_count: int
    certified_percent: Decimal


def ranking(year: int) -> list[RankingEntry]:
    """Buyers who opted in, by the year's spend with PES; public figures only."""
    buyers = {
        b.nip: b
        for b in BuyerOrganisation.objects.filter(in_public_ranking=True).only(
            "pk", "name", "slug", "nip", "kind"
        )
    }
    if not buyers:
        return []
    orders = list(buyer_orders(list(buyers), Period.year(year)))
    rows_by_nip: dict[str, list[StatementRow]] = defaultdict(list)
    rows = _rows(orders)
    nip_of = {order.number: order.invoice_nip for order in orders}
    for row in rows:
        rows_by_nip[nip_of[row.number]].append(row)
    entries = []
    for nip, buyer_rows in rows_by_nip.items():
        total = sum((row.total for row in buyer_rows), ZERO)
        certified = sum((row.total for row in buyer_rows if row.certified), ZERO)
        entries.append(
            RankingEntry(
                buyer=buyers[nip],
                total=total,
                partner_count=len({row.partner.pk for row in buyer_rows}),
                certified_percent=percent(certified, total),
            )
        )
    return sorted(entries, key=lambda e: (-e.total, e.buyer.name))
