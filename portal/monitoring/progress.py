"""Targets against achievements: what the ROPS and the public statistics page show per OWES.

Only ACCEPTED reports count: a draft or a report waiting for the ROPS is not yet a fact.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q, Sum

from portal.organisations.models import Organisation

from .indicators import Indicator, IndicatorTarget
from .reports import ReportStatus, ReportValue


@dataclass(frozen=True)
class IndicatorProgress:
    owes: Organisation
    indicator: Indicator
    target: Decimal | None
    achieved: Decimal
    reports_accepted: int

    @property
    def share(self) -> Decimal | None:
        """Achieved as a percentage of the target (None without a positive target)."""
        if not self.target:
            return None
        return (self.achieved * 100 / self.target).quantize(Decimal("0.1"), ROUND_HALF_UP)


def progress(year: int, owes: Organisation | None = None) -> list[IndicatorProgress]:
    """Per OWES per active indicator (plus any indicator with a target or a value that year).

    Three queries whatever the number of OWES and indicators: targets, sums of accepted values,
    and the count of accepted reports per OWES.
    """
    organisations = Organisation.objects.filter(kind=Organisation.Kind.OWES).order_by("name")
    if owes is not None:
        organisations = organisations.filter(pk=owes.pk)
    organisations = list(organisations)
    ids = [o.pk for o in organisations]

    targets = {
        (t.owes_id, t.indicator_id): t.value
        for t in IndicatorTarget.objects.filter(year=year, owes_id__in=ids)
    }
    accepted = Q(report__status=ReportStatus.ACCEPTED, report__year=year, report__owes_id__in=ids)
    sums = {
        (row["report__owes_id"], row["indicator_id"]): row
        for row in ReportValue.objects.filter(accepted)
        .values("report__owes_id", "indicator_id")
        .annotate(total=Sum("value"), reports=Count("report", distinct=True))
    }
    counts = dict(
        Organisation.objects.filter(pk__in=ids)
        .annotate(
            n=Count(
                "monitoring_reports",
                filter=Q(
                    monitoring_reports__status=ReportStatus.ACCEPTED,
                    monitoring_reports__year=year,
                ),
            )
        )
        .values_list("pk", "n")
    )
    used = {indicator for _, indicator in targets} | {indicator for _, indicator in sums}
    indicators = list(Indicator.objects.filter(Q(active=True) | Q(pk__in=used)))

    rows = []
    for organisation in organisations:
        for indicator in indicators:
            key = (organisation.pk, indicator.pk)
            total = sums.get(key, {}).get("total")
            rows.append(
                IndicatorProgress(
                    owes=organisation,
                    indicator=indicator,
                    target=targets.get(key),
                    achieved=total if total is not None else Decimal("0"),
                    reports_accepted=counts.get(organisation.pk, 0),
                )
            )
    return rows
