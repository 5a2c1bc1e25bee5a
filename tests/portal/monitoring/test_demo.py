"""The demo loader: what the brief promises, and a second run changes nothing."""

from __future__ import annotations

from portal.demo.monitoring import OWES_SLUGS, load_monitoring
from portal.monitoring.models import (
    Indicator,
    IndicatorTarget,
    Report,
    ReportEvent,
    ReportStatus,
    ReportValue,
)


def _state() -> list:
    return [
        sorted(Indicator.objects.values_list("code", "name", "source", "sort_order", "active")),
        sorted(
            IndicatorTarget.objects.values_list("indicator__code", "owes__slug", "year", "value")
        ),
        sorted(Report.objects.values_list("owes__slug", "year", "quarter", "status", "updated")),
        sorted(ReportValue.objects.values_list("pk", "value", "portal_value", "note")),
        sorted(ReportEvent.objects.values_list("pk", "action", "at", "values")),
    ]


def test_demo_monitoring_is_complete_and_idempotent(demo) -> None:
    load_monitoring(lambda message: None)
    first = _state()
    load_monitoring(lambda message: None)
    assert _state() == first

    reports = Report.objects.filter(owes__slug__in=OWES_SLUGS)
    assert reports.count() == 3 * 7
    assert IndicatorTarget.objects.filter(owes__slug__in=OWES_SLUGS).count() >= 3 * 2 * 7
    assert reports.filter(status=ReportStatus.SUBMITTED).get().owes.slug == OWES_SLUGS[1]
    assert reports.filter(status=ReportStatus.DRAFT).get().owes.slug == OWES_SLUGS[2]
    assert reports.filter(status=ReportStatus.ACCEPTED).count() == 19
    corrected = reports.get(owes__slug=OWES_SLUGS[0], year=2025, quarter=2)
    actions = list(corrected.history.values_list("action", flat=True))
    assert "returned" in actions and actions[-1] == "accepted"
    codes = set(Indicator.objects.values_list("code", flat=True))
    assert {"nowe-pes", "godziny-doradztwa", "certyfikaty", "zapisy-wydarzenia"} <= codes
