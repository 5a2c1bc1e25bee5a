"""The public page: the region's progress against the target, and every gmina's plan.

A GET with filters as parameters (a selection is a link); no form needs a token, so the page is
served from the anonymous page cache, which `receivers` empty when a plan changes.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from . import summary
from .models import PlanStatus

API_URL = "/api/local-plans/"  # the open-data router (api.py) on the portal's NinjaAPI


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    gminas = summary.all_gminas()
    groups = summary.per_powiat(gminas)
    filters = summary.parse_filters(request.GET, {g.powiat.code for g in groups})
    shown = [(group, [g for g in group.gminas if summary.matches(g, filters)]) for group in groups]
    return render(
        request,
        "localplans/index.html",
        {
            "region": summary.region_summary(gminas),
            "groups": groups,
            "shown": [(group, rows) for group, rows in shown if rows],
            "shown_count": sum(len(rows) for _group, rows in shown),
            "filters": filters,
            "powiats": [group.powiat for group in groups],
            "statuses": PlanStatus.choices,
            "api_url": API_URL,
        },
    )
