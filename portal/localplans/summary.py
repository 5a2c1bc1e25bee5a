"""The one reading of the gminas and their plans that the page and the API share.

All gminas come in one query (with powiat, plan, document and OWES joined) and are counted and
filtered in Python: a voivodeship has about a hundred gminas, and the query count stays the
same whatever their number.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.http import QueryDict

from portal.organisations.models import Powiat

from .models import Gmina, LocalPlanSettings, PlanStatus

STATUSES = [choice.value for choice in PlanStatus]


def status_of(gmina: Gmina) -> str:
    """A gmina without a plan row has no plan."""
    plan = getattr(gmina, "local_plan", None)
    return plan.status if plan is not None else PlanStatus.NONE


@dataclass
class PowiatSummary:
    powiat: Powiat
    gminas: list[Gmina] = field(default_factory=list)

    @property
    def adopted(self) -> int:
        return sum(1 for g in self.gminas if g.plan_status == PlanStatus.ADOPTED)

    @property
    def in_preparation(self) -> int:
        return sum(1 for g in self.gminas if g.plan_status == PlanStatus.IN_PREPARATION)


@dataclass
class Filters:
    powiat: str = ""
    status: str = ""

    @property
    def is_filtered(self) -> bool:
        return bool(self.powiat or self.status)


def all_gminas() -> list[Gmina]:
    """Every gmina with its plan; `plan_status` set on each."""
    gminas = list(
        Gmina.objects.select_related(
            "powiat", "local_plan__document", "local_plan__supporting_owes"
        ).order_by("teryt")
    )
    for gmina in gminas:
        gmina.plan_status = status_of(gmina)
        gmina.plan = getattr(gmina, "local_plan", None)
    return gminas


def parse_filters(params: QueryDict | dict[str, Any], powiat_codes: set[str]) -> Filters:
    """Unknown values are ignored (the whole region is shown), never an error."""
    powiat = params.get("powiat") or ""
    status = params.get("status") or ""
    return Filters(
        powiat=powiat if powiat in powiat_codes else "",
        status=status if status in STATUSES else "",
    )


def matches(gmina: Gmina, filters: Filters) -> bool:
    return (not filters.powiat or gmina.powiat.code == filters.powiat) and (
        not filters.status or gmina.plan_status == filters.status
    )


def per_powiat(gminas: list[Gmina]) -> list[PowiatSummary]:
    groups: dict[int, PowiatSummary] = {}
    for gmina in gminas:
        groups.setdefault(gmina.powiat_id, PowiatSummary(gmina.powiat)).gminas.append(gmina)
    return list(groups.values())


def region_summary(gminas: list[Gmina]) -> dict[str, Any]:
    """The target and the counts for the whole region (never filtered)."""
    target = LocalPlanSettings.current_target()
    adopted = sum(1 for g in gminas if g.plan_status == PlanStatus.ADOPTED)
    in_preparation = sum(1 for g in gminas if g.plan_status == PlanStatus.IN_PREPARATION)
    return {
        "target": target,
        "adopted": adopted,
        "in_preparation": in_preparation,
        "none": len(gminas) - adopted - in_preparation,
        "gminas": len(gminas),
        "progress": min(adopted, target),
        "percent": min(100, round(100 * adopted / target)) if target else 100,
    }
