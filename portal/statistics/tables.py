"""One statistics table: the figures behind a chart, its title, description and unit.

The public page, the CSV/JSON open data, the annual report (web and PDF) and its frozen snapshot
all read the same `Table`, so a figure cannot differ between them. A suppressed cell (a group
smaller than `MIN_GROUP`, or one that would let it be computed back) holds `None` and is shown
as "<5" / "suppressed"; the number behind it never leaves the server.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any

# Groups of fewer PES, buyers or orders than this are not published.
MIN_GROUP = 5

Cell = int | Decimal | str | None


@dataclass
class Table:
    """Rows of one statistic; the first column names the group, the others hold figures."""

    slug: str
    title: str
    description: str
    columns: list[str]
    rows: list[list[Cell]]
    chart: str = "bar"  # bar | hbar | line | stacked | pie
    unit: str = ""
    note: str = ""
    suppressed_cells: int = 0
    series: list[str] = field(default_factory=list)  # the figure columns drawn in the chart

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready: decimals as strings, so no float rounding reaches open data."""
        data = asdict(self)
        data["rows"] = [
            [str(cell) if isinstance(cell, Decimal) else cell for cell in row] for row in self.rows
        ]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Table:
        """Back from `as_dict` (the annual report's frozen snapshot)."""
        rows = [
            [row[0], *(_figure(cell) for cell in row[1:])] if row else row for row in data["rows"]
        ]
        return cls(**{**data, "rows": rows})


def _figure(cell: Cell) -> Cell:
    """A figure column's cell: decimals were written as strings."""
    if isinstance(cell, str):
        try:
            return Decimal(cell)
        except ArithmeticError:
            return cell
    return cell
