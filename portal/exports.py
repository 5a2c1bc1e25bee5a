"""Spreadsheet cells that stay data: every CSV and XLSX the portal writes goes through here.

A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is run as a formula by
Excel and LibreOffice (CSV injection: `=HYPERLINK(...)` in a buyer's name becomes a live link
in the staff's spreadsheet). Such text gets a leading apostrophe, which spreadsheets read as
"this is text". Phone numbers (`+48 600 100 200`) and plain numbers stay as they are.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from wagtail.admin.views.mixins import SpreadsheetExportMixin

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """The value, or its text with a leading apostrophe when a spreadsheet would run it."""
    if not isinstance(value, str) or not value.startswith(FORMULA_STARTS):
        return value
    if value[0] in "+-" and value[1:].replace(" ", "").isdigit():
        return value
    return "'" + value


def safe_text(value: Any) -> str:
    """`safe_cell` for writers that want text (None becomes an empty cell)."""
    return safe_cell("" if value is None else str(value))


def safe_row(cells: Iterable[Any]) -> list[Any]:
    return [safe_cell(cell) for cell in cells]


class SafeWriter:
    """Wraps a `csv.writer`-like object so every row it writes is defused."""

    def __init__(self, writer: Any) -> None:
        self.writer = writer

    def writerow(self, row: Iterable[Any]) -> Any:
        return self.writer.writerow(safe_row(row))

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def guard_wagtail_csv() -> None:
    """Defuse the CSV of every Wagtail admin listing export (reports, form submissions,
    viewsets): Wagtail forces formulas to text in XLSX but writes CSV cells as they are."""
    if getattr(SpreadsheetExportMixin, "_portal_safe_csv", False):
        return
    original = SpreadsheetExportMixin.write_csv_row

    def write_csv_row(self: Any, writer: Any, row_dict: dict) -> Any:
        preprocessed = {
            field: self.preprocess_field_value(field, value, self.FORMAT_CSV)
            for field, value in row_dict.items()
        }
        return writer.writerow({field: safe_cell(value) for field, value in preprocessed.items()})

    write_csv_row.__wrapped__ = original  # type: ignore[attr-defined]
    SpreadsheetExportMixin.write_csv_row = write_csv_row
    SpreadsheetExportMixin._portal_safe_csv = True
