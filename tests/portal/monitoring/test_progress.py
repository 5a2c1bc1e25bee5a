"""Targets against accepted reports: equal to an independent sum of the rows the test makes."""

from __future__ import annotations

from decimal import Decimal

import pytest

from portal.monitoring.models import ReportStatus
from portal.monitoring.progress import progress
from tests.factories.monitoring import IndicatorFactory, ReportFactory, TargetFactory, value
from tests.factories.organisations import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_progress_sums_accepted_reports_only() -> None:
    owes, other = OrganisationFactory(), OrganisationFactory()
    jobs, hours = IndicatorFactory(), IndicatorFactory()
    TargetFactory(indicator=jobs, owes=owes, year=2025, value=Decimal("40"))
    amounts = {1: "5", 2: "7.5", 3: "10", 4: "3"}
    statuses = {
        1: ReportStatus.ACCEPTED,
        2: ReportStatus.ACCEPTED,
        3: ReportStatus.SUBMITTED,
        4: ReportStatus.DRAFT,
    }
    for quarter, amount in amounts.items():
        report = ReportFactory(owes=owes, year=2025, quarter=quarter, status=ReportStatus.DRAFT)
        value(report, jobs, amount)
        value(report, hours, None)
        report.status = statuses[quarter]
        report.save()
    accepted_2024 = ReportFactory(owes=owes, year=2024, quarter=1)
    value(accepted_2024, jobs, "100")
    accepted_2024.status = ReportStatus.ACCEPTED
    accepted_2024.save()
    elsewhere = ReportFactory(owes=other, year=2025, quarter=1)
    value(elsewhere, jobs, "50")
    elsewhere.status = ReportStatus.ACCEPTED
    elsewhere.save()

    expected = sum(Decimal(amounts[q]) for q in amounts if statuses[q] == ReportStatus.ACCEPTED)
    rows = {(r.owes, r.indicator): r for r in progress(2025, owes)}
    assert rows[(owes, jobs)].achieved == expected == Decimal("12.5")
    assert rows[(owes, jobs)].target == Decimal("40")
    assert rows[(owes, jobs)].share == Decimal("31.3")
    assert rows[(owes, jobs)].reports_accepted == 2
    assert rows[(owes, hours)].achieved == Decimal("0")
    assert rows[(owes, hours)].target is None
    assert rows[(owes, hours)].share is None
    assert {r.owes for r in progress(2025, owes)} == {owes}
    everyone = {(r.owes, r.indicator): r for r in progress(2025)}
    assert everyone[(other, jobs)].achieved == Decimal("50")


def test_progress_query_count(django_assert_max_num_queries) -> None:
    owes = OrganisationFactory()
    IndicatorFactory.create_batch(5)
    with django_assert_max_num_queries(5):
        progress(2025, owes)
