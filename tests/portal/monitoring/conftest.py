"""A small world of two OWES, their people, the ROPS, an RKRES member and two indicators."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from portal.monitoring.models import Indicator, IndicatorSource, Report, ReportStatus
from tests.factories.monitoring import (
    IndicatorFactory,
    ReportFactory,
    owes_editor,
    rkres_member,
    rops_moderator,
    value,
)
from tests.factories.organisations import OrganisationFactory, PowiatFactory


@dataclass
class World:
    owes_a: Any
    owes_b: Any
    people: dict[str, Any]
    entered: Indicator
    computed: Indicator
    draft: Report
    submitted: Report
    accepted: Report


@pytest.fixture
def world(db) -> World:
    powiat = PowiatFactory()
    owes_a = OrganisationFactory(email="biuro@owes-a.example.org")
    owes_a.powiats.add(powiat)
    owes_a.save()  # a ParentalManyToManyField is written on save
    owes_b = OrganisationFactory(email="biuro@owes-b.example.org")
    entered = IndicatorFactory()
    computed = IndicatorFactory(source=IndicatorSource.NEW_PES, unit="PES")
    people = {
        "anonymous": None,
        "owes_a": owes_editor(owes_a, email="redakcja@owes-a.example.org"),
        "owes_b": owes_editor(owes_b, email="redakcja@owes-b.example.org"),
        "rops": rops_moderator(email="moderator@rops-test.example.org"),
        "rkres": rkres_member(email="czlonek@rkres-test.example.org"),
    }
    reports = {}
    for quarter, status in (
        (1, ReportStatus.DRAFT),
        (2, ReportStatus.SUBMITTED),
        (3, ReportStatus.ACCEPTED),
    ):
        report = ReportFactory(owes=owes_a, year=2025, quarter=quarter)
        value(report, entered, "4")
        value(report, computed, "1", portal_value=1)
        report.status = status
        report.save()
        reports[status] = report
    return World(
        owes_a=owes_a,
        owes_b=owes_b,
        people=people,
        entered=entered,
        computed=computed,
        draft=reports[ReportStatus.DRAFT],
        submitted=reports[ReportStatus.SUBMITTED],
        accepted=reports[ReportStatus.ACCEPTED],
    )
