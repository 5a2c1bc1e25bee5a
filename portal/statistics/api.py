"""Open-data endpoints (mounted on the portal's one NinjaAPI under /api/statistics/).

`GET /api/statistics/` lists the tables; `/{slug}.json` and `/{slug}.csv` give one table, the
same `Table` the page shows (suppressed cells are null in JSON and empty in CSV). Both take
the page's `year` and `subregion` (an OWES's slug); unknown values fall back to the page's
defaults, an unknown table is a 404.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse
from ninja import Query, Router, Schema

from portal.exports import SafeWriter

from . import figures
from .tables import Table
from .views import Selection, parse_selection

router = Router(tags=["statistics"])


class StatisticsFilters(Schema):
    """Documented for the schema; read from the query string by the page's own parser."""

    year: str | None = None
    subregion: str | None = None


def _selection(request: HttpRequest) -> Selection:
    return parse_selection(request.GET)


def _links(table: Table, selection: Selection) -> dict[str, str]:
    query = urlencode(selection.params)
    return {
        "json": f"/api/statistics/{table.slug}.json?{query}",
        "csv": f"/api/statistics/{table.slug}.csv?{query}",
    }


def _table(slug: str, selection: Selection) -> Table:
    table = figures.table(slug, selection.year, selection.subregion)
    if table is None:
        raise Http404("No such statistics table.")
    return table


@router.get("/")
def table_list(request: HttpRequest, filters: Query[StatisticsFilters]) -> dict[str, Any]:
    """Every table of the statistics page for the year and area, with its data links."""
    selection = _selection(request)
    return {
        "year": selection.year,
        "subregion": selection.subregion.slug if selection.subregion else None,
        "years": selection.years,
        "subregions": [{"slug": o.slug, "name": o.name} for o in selection.subregions],
        "tables": [
            {
                "slug": table.slug,
                "title": table.title,
                "description": table.description,
                **_links(table, selection),
            }
            for table in figures.tables(selection.year, selection.subregion)
        ],
    }


@router.get("/{slug}.json")
def table_json(request: HttpRequest, slug: str, filters: Query[StatisticsFilters]) -> dict:
    """One table exactly as published: decimals as strings, suppressed cells as null."""
    return _table(slug, _selection(request)).as_dict()


def _csv_cell(cell: Any) -> Any:
    if cell is None:
        return ""
    if isinstance(cell, Decimal):
        return str(cell)
    return cell


@router.get("/{slug}.csv")
def table_csv(request: HttpRequest, slug: str, filters: Query[StatisticsFilters]) -> HttpResponse:
    """One table as CSV (UTF-8 with a BOM, formula-safe): a header row, then the rows."""
    table = _table(slug, _selection(request))
    buffer = io.StringIO()
    writer = SafeWriter(csv.writer(buffer))
    writer.writerow(table.columns)
    writer.writerows([_csv_cell(cell) for cell in row] for row in table.rows)
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{table.slug}.csv"'
    return response
