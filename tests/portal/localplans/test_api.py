"""/api/local-plans/ and /api/local-plans/summary/: the page's numbers, the same filters."""

from __future__ import annotations

import pytest

from portal.localplans.models import Gmina, LocalPlan, LocalPlanSettings, PlanStatus
from tests.factories.localplans import AdoptedPlanFactory, GminaFactory, LocalPlanFactory, powiat

pytestmark = pytest.mark.django_db


@pytest.fixture
def region() -> None:
    buski, konecki = powiat("buski"), powiat("konecki")
    AdoptedPlanFactory(gmina=GminaFactory(powiat=buski))
    AdoptedPlanFactory(gmina=GminaFactory(powiat=konecki))
    LocalPlanFactory(gmina=GminaFactory(powiat=konecki))
    GminaFactory(powiat=buski)


def test_list(client, region) -> None:
    data = client.get("/api/local-plans/").json()
    assert len(data) == Gmina.objects.count() == 4
    adopted = [row for row in data if row["status"] == "adopted"]
    plan = LocalPlan.objects.filter(status=PlanStatus.ADOPTED).order_by("gmina__teryt").first()
    row = next(r for r in adopted if r["teryt"] == plan.gmina.teryt)
    assert row["resolution_number"] == plan.resolution_number
    assert row["resolution_date"] == "2024-03-21"
    assert (row["period_start"], row["period_end"]) == (2024, 2030)
    assert row["powiat"]["code"] == plan.gmina.powiat.code
    assert row["document_url"] is None and row["kind"] == "2"
    assert sum(1 for r in data if r["status"] == "none") == 1


@pytest.mark.parametrize(
    ("params", "count"),
    [
        ({"powiat": "buski"}, 2),
        ({"status": "adopted"}, 2),
        ({"status": "in_preparation", "powiat": "konecki"}, 1),
        ({"powiat": "nieznany"}, 4),
        ({"status": "\x00"}, 4),
    ],
)
def test_filters(client, region, params, count) -> None:
    response = client.get("/api/local-plans/", params)
    assert response.status_code == 200
    assert len(response.json()) == count


def test_summary(client, region) -> None:
    LocalPlanSettings.objects.create(target_gminas=5)
    data = client.get("/api/local-plans/summary/").json()
    assert (data["target"], data["adopted"], data["in_preparation"], data["none"]) == (5, 2, 1, 1)
    per = {p["code"]: p for p in data["powiats"]}
    assert (per["konecki"]["gminas"], per["konecki"]["adopted"]) == (2, 1)
    assert per["konecki"]["in_preparation"] == 1


def test_in_openapi_schema(client) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]
    assert "/api/local-plans/" in paths and "/api/local-plans/summary/" in paths


def test_list_query_count_does_not_grow(client, region, django_assert_max_num_queries) -> None:
    with django_assert_max_num_queries(3):
        client.get("/api/local-plans/")
    for _ in range(10):
        AdoptedPlanFactory(gmina=GminaFactory(powiat=powiat("staszowski")))
    with django_assert_max_num_queries(3):
        assert len(client.get("/api/local-plans/").json()) == 14
