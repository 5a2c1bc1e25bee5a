"""Open data: `GET /api/local-plans/` (every gmina and its plan) and `/api/local-plans/summary/`.

Mounted on the portal's one NinjaAPI (`marketplace/directory/api.py`, schema at
/api/openapi.json). The same reading and filters as the /plany-lokalne/ page (`summary`), so a
URL gives the same gminas on the page and here; unknown filter values are ignored.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema

from portal.urls_absolute import absolute_url

from . import summary
from .models import Gmina

router = Router(tags=["Local social economy plans"])


class PowiatOut(Schema):
    code: str
    name: str


class GminaPlanOut(Schema):
    teryt: str
    name: str
    kind: str
    powiat: PowiatOut
    status: str
    resolution_number: str
    resolution_date: date | None
    period_start: int | None
    period_end: int | None
    document_url: str | None
    supporting_owes: str | None


class PowiatCountsOut(Schema):
    code: str
    name: str
    gminas: int
    adopted: int
    in_preparation: int


class SummaryOut(Schema):
    target: int
    adopted: int
    in_preparation: int
    none: int
    gminas: int
    powiats: list[PowiatCountsOut]


class PlanFilters(Schema):
    """powiat: a powiat code (e.g. "buski"); status: none, in_preparation or adopted."""

    powiat: str | None = None
    status: str | None = None


def gmina_data(gmina: Gmina) -> dict[str, Any]:
    plan = gmina.plan
    return {
        "teryt": gmina.teryt,
        "name": gmina.name,
        "kind": gmina.kind,
        "powiat": {"code": gmina.powiat.code, "name": gmina.powiat.name},
        "status": gmina.plan_status,
        "resolution_number": plan.resolution_number if plan else "",
        "resolution_date": plan.resolution_date if plan else None,
        "period_start": plan.period_start if plan else None,
        "period_end": plan.period_end if plan else None,
        "document_url": absolute_url(plan.document.url) if plan and plan.document else None,
        "supporting_owes": str(plan.supporting_owes) if plan and plan.supporting_owes else None,
    }


@router.get("/", response=list[GminaPlanOut])
def local_plan_list(request: HttpRequest, filters: Query[PlanFilters]) -> list[dict[str, Any]]:
    """Every gmina of the region with its local plan (a gmina without one has status "none")."""
    gminas = summary.all_gminas()
    query = summary.parse_filters(request.GET, {g.powiat.code for g in gminas})
    return [gmina_data(g) for g in gminas if summary.matches(g, query)]


@router.get("/summary/", response=SummaryOut)
def local_plan_summary(request: HttpRequest) -> dict[str, Any]:
    """The regional target, the counts and the counts per powiat."""
    gminas = summary.all_gminas()
    region = summary.region_summary(gminas)
    return {
        **{key: region[key] for key in ("target", "adopted", "in_preparation", "none", "gminas")},
        "powiats": [
            {
                "code": group.powiat.code,
                "name": group.powiat.name,
                "gminas": len(group.gminas),
                "adopted": group.adopted,
                "in_preparation": group.in_preparation,
            }
            for group in summary.per_powiat(gminas)
        ],
    }
