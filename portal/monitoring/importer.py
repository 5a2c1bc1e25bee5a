"""The ROPS's spreadsheet import of quarterly figures (XLSX or CSV), all or nothing.

Columns (header row, any order, case ignored): owes (the OWES's slug), year, quarter,
indicator (code), value, note. Every row is checked first; one bad row (unknown OWES or
indicator, a bad number, a quarter outside 1–4, a report already accepted, the same figure
twice) means nothing is saved and the ROPS gets the list of bad rows. A good file creates or
updates one report per (OWES, year, quarter) and hands it in as SUBMITTED with an "imported"
history entry: the ROPS then accepts it like any other report, so the figures get a second look.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from portal.organisations.models import Organisation

from . import services
from .indicators import Indicator
from .reports import Report, ReportStatus

COLUMNS = ("owes", "year", "quarter", "indicator", "value", "note")
MAX_ROWS = 5000


@dataclass
class ImportResult:
    errors: list[tuple[int, str]] = field(default_factory=list)
    reports: list[Report] = field(default_factory=list)
    rows: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


class ImportFileError(Exception):
    """The file as a whole cannot be read."""


def _text(cell: Any) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    return str(cell).strip()


def read_rows(name: str, content: bytes) -> list[list[str]]:
    """The sheet's rows as text, header included."""
    if name.lower().endswith(".xlsx"):
        try:
            from openpyxl import load_workbook

            book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
            raise ImportFileError(_("This is not a readable XLSX file.")) from error
        sheet = book.worksheets[0]
        rows = [[_text(c) for c in row] for row in sheet.iter_rows(values_only=True)]
        book.close()
        return rows
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = content.decode("cp1250")
        except UnicodeDecodeError as error:
            raise ImportFileError(_("The CSV file must be in UTF-8.")) from error
    try:
        dialect = csv.Sniffer().sniff(text[:2048], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return [[c.strip() for c in row] for row in csv.reader(io.StringIO(text), dialect)]


def _number(text: str) -> Decimal:
    value = Decimal(text.replace(" ", "").replace("\u00a0", "").replace(",", "."))
    if not value.is_finite() or value < 0 or value >= Decimal("1e10"):
        raise InvalidOperation
    return value.quantize(Decimal("0.01"))


def import_file(name: str, content: bytes, user: Any) -> ImportResult:
    """Check every row, then save all of them in one transaction (or nothing)."""
    result = ImportResult()
    rows = [row for row in read_rows(name, content) if any(row)]
    if not rows:
        raise ImportFileError(_("The file is empty."))
    header = [h.strip().lower() for h in rows[0]]
    missing = [c for c in COLUMNS[:5] if c not in header]
    if missing:
        raise ImportFileError(_("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)})
    if len(rows) - 1 > MAX_ROWS:
        raise ImportFileError(_("At most %(n)d rows in one file.") % {"n": MAX_ROWS})
    where = {column: header.index(column) for column in COLUMNS if column in header}

    organisations = {o.slug: o for o in Organisation.objects.filter(kind=Organisation.Kind.OWES)}
    indicators = {i.code: i for i in Indicator.objects.all()}
    accepted = set(
        Report.objects.filter(status=ReportStatus.ACCEPTED).values_list(
            "owes__slug", "year", "quarter"
        )
    )
    grouped: dict[tuple[str, int, int], dict[int, services.RowInput]] = {}
    for number, row in enumerate(rows[1:], start=2):
        cells = {c: (row[i] if i < len(row) else "") for c, i in where.items()}
        problems = []
        owes = organisations.get(cells["owes"])
        if owes is None:
            problems.append(_("unknown OWES “%(value)s”") % {"value": cells["owes"]})
        indicator = indicators.get(cells["indicator"])
        if indicator is None:
            problems.append(_("unknown indicator “%(value)s”") % {"value": cells["indicator"]})
        try:
            year = int(cells["year"])
            if not 2000 <= year <= 2100:
                raise ValueError
        except ValueError:
            year = None
            problems.append(_("bad year “%(value)s”") % {"value": cells["year"]})
        try:
            quarter = int(cells["quarter"])
            if quarter not in (1, 2, 3, 4):
                raise ValueError
        except ValueError:
            quarter = None
            problems.append(
                _("the quarter must be 1–4, not “%(value)s”") % {"value": cells["quarter"]}
            )
        try:
            value = _number(cells["value"])
        except (InvalidOperation, ValueError):
            value = None
            problems.append(_("bad number “%(value)s”") % {"value": cells["value"]})
        if owes and year and quarter:
            key = (owes.slug, year, quarter)
            if not services.quarter_has_started(year, quarter):
                problems.append(
                    _("%(year)s Q%(quarter)s has not started yet")
                    % {"year": year, "quarter": quarter}
                )
            elif key in accepted:
                problems.append(
                    _("the report for %(year)s Q%(quarter)s is already accepted")
                    % {"year": year, "quarter": quarter}
                )
            elif indicator is not None and indicator.pk in grouped.get(key, {}):
                problems.append(_("this indicator appears twice for the same report"))
        if problems:
            result.errors.append((number, "; ".join(problems)))
            continue
        grouped.setdefault((owes.slug, year, quarter), {})[indicator.pk] = services.RowInput(
            value=value, note=cells.get("note", "")[:2000]
        )
        result.rows += 1
    if result.errors:
        return result
    try:
        with transaction.atomic():
            for (slug, year, quarter), inputs in grouped.items():
                result.reports.append(
                    services.import_report(organisations[slug], year, quarter, inputs, user)
                )
    except services.ReportError as error:
        # Accepted by someone else between the check and the save: nothing saved.
        result.reports = []
        result.errors.append((0, str(error)))
    return result
