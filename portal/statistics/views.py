"""The public statistics page: every table as a chart, its data table and its open-data links.

The filter form is a GET (year, subregion), so the page holds nothing of the visitor and no
CSRF token: anonymous visitors get it from the page cache (`portal/cache.py`). A parameter
that names no year with data or no OWES falls back to the default and says so on the page
(not through the messages framework: a GET never writes, not even a cookie).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.formats import number_format
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from portal.organisations.models import Organisation

from . import charts, figures
from .tables import MIN_GROUP, Table

SUPPRESSED = "<5"


@dataclass(frozen=True)
class Selection:
    """The cleaned filter: a year with data and the whole region or one OWES's area."""

    year: int
    subregion: Organisation | None
    years: list[int]
    subregions: list[Organisation]
    problems: tuple[str, ...] = ()

    @property
    def params(self) -> dict[str, str]:
        """The query string that reproduces this selection (for the open-data links)."""
        params = {"year": str(self.year)}
        if self.subregion is not None:
            params["subregion"] = self.subregion.slug
        return params


def parse_selection(params: Mapping[str, Any]) -> Selection:
    """Read `year` and `subregion`; anything unknown becomes the default, never an error."""
    years = figures.available_years()
    subregions = list(figures.subregions())
    problems = []
    year = years[0]
    raw_year = str(params.get("year") or "").strip()
    if raw_year:
        known = {str(y): y for y in years}  # compared as text: no int() of a huge string
        if raw_year in known:
            year = known[raw_year]
        else:
            problems.append(
                _("There are no statistics for the year given; showing %(year)s.") % {"year": year}
            )
    subregion = None
    raw_subregion = str(params.get("subregion") or "").strip()
    if raw_subregion:
        subregion = next((o for o in subregions if o.slug == raw_subregion), None)
        if subregion is None:
            problems.append(_("The area given is not known; showing the whole region."))
    return Selection(year, subregion, years, subregions, tuple(problems))


def display(cell: Any) -> str:
    """A cell as printed: "<5" for a suppressed figure, numbers in the active language."""
    if cell is None:
        return SUPPRESSED
    if isinstance(cell, int | Decimal | float) and not isinstance(cell, bool):
        return number_format(cell, use_l10n=True, force_grouping=True)
    return str(cell)


@dataclass
class Figure:
    table: Table
    svg: SafeString
    rows: list[list[str]]
    csv_url: str
    json_url: str

    @property
    def anchor(self) -> str:
        return f"stats-{self.table.slug}"


def api_url(table: Table, extension: str, selection: Selection) -> str:
    return f"/api/statistics/{table.slug}.{extension}?{urlencode(selection.params)}"


def figure(table: Table, selection: Selection) -> Figure:
    return Figure(
        table=table,
        svg=charts.svg(table),
        rows=[[str(row[0]), *(display(cell) for cell in row[1:])] for row in table.rows],
        csv_url=api_url(table, "csv", selection),
        json_url=api_url(table, "json", selection),
    )


@require_GET
def statistics_view(request: HttpRequest) -> HttpResponse:
    selection = parse_selection(request.GET)
    tables = figures.tables(selection.year, selection.subregion)
    return render(
        request,
        "statistics/page.html",
        {
            "selection": selection,
            "figures": [figure(table, selection) for table in tables],
            "min_group": MIN_GROUP,
            "api_index": "/api/statistics/?" + urlencode(selection.params),
        },
    )
