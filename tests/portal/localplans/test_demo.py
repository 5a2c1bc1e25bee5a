"""The demo's gminas and plans: the states asked for, the OWES of the powiat, idempotent."""

from __future__ import annotations

import pytest

from portal.demo.localplans import load_localplans
from portal.localplans.models import Gmina, LocalPlan, PlanStatus
from portal.organisations.models import Organisation

pytestmark = pytest.mark.django_db


def _snapshot() -> list[tuple]:
    return list(
        LocalPlan.objects.order_by("pk").values_list(
            "pk",
            "gmina__teryt",
            "status",
            "resolution_number",
            "document_id",
            "supporting_owes_id",
            "updated",
        )
    )


def test_demo_plans_and_idempotence(demo) -> None:
    load_localplans(lambda _message: None)
    assert Gmina.objects.count() == 102
    statuses = list(LocalPlan.objects.values_list("status", flat=True))
    assert statuses.count(PlanStatus.ADOPTED) >= 5
    assert statuses.count(PlanStatus.IN_PREPARATION) >= 4
    adopted = LocalPlan.objects.filter(status=PlanStatus.ADOPTED)
    assert adopted.exclude(document=None).count() == 1
    assert all((p.period_start, p.period_end) == (2024, 2030) for p in adopted)
    for plan in LocalPlan.objects.select_related("gmina", "supporting_owes"):
        assert plan.supporting_owes.kind == Organisation.Kind.OWES
        assert plan.supporting_owes.powiats.filter(pk=plan.gmina.powiat_id).exists()
        plan.full_clean()
    before = (_snapshot(), list(Gmina.objects.order_by("pk").values_list()))
    load_localplans(lambda _message: None)
    assert (_snapshot(), list(Gmina.objects.order_by("pk").values_list())) == before
