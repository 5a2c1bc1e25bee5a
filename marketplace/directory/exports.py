"""CSV and XLSX exports of PES rows: the whole public database or a buyer's shortlist.

Only public fields leave the site (no IBAN, no raw head counts: the share and the art. 94
eligibility are public). Cells that a spreadsheet would run as a formula are defused.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import Any

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook

from portal.exports import FORMULA_STARTS, safe_cell
from portal.urls_absolute import absolute_url

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
__all__ = ["FORMULA_STARTS", "csv_lines", "csv_response", "headers", "row", "xlsx_response"]


def headers() -> list[str]:
    return [
        _("Name"),
        # Its own context: Oscar's "Profile" is the account tab ("Dane osobowe" in Polish).
        pgettext("export column: link to the PES page", "Profile"),
        _("Legal form"),
        _("Powiat"),
        _("Gmina"),
        _("Town"),
        _("NIP"),
        _("REGON"),
        _("KRS"),
        _("E-mail"),
        _("Phone"),
        _("Website"),
        _("Fields of activity"),
        _("Social enterprise (PS)"),
        _("PS decision number"),
        _("Share of employees at risk of exclusion (%)"),
        _("Eligible under art. 94 Pzp"),
        _("Valid Zakup Prospołeczny certificates"),
    ]


_safe = safe_cell  # the name earlier callers used


def row(partner: Any, request: HttpRequest) -> list[Any]:
    """One PES as export cells (expects `with_details` prefetches); links name BASE_URL."""
    share = partner.at_risk_share
    yes, no = _("yes"), _("no")
    cells = [
        partner.name,
        absolute_url(reverse("directory:detail", args=[partner.code])),
        partner.get_legal_form_display(),
        partner.powiat.name if partner.powiat else "",
        partner.gmina,
        partner.city,
        partner.nip,
        partner.regon,
        partner.krs,
        partner.email,
        partner.phone,
        partner.website,
        "; ".join(field.label for field in partner.activity_fields.all()),
        yes if partner.is_social_enterprise else no,
        partner.ps_decision_number,
        str(share) if share is not None else "",
        yes if partner.art_94_eligible else no,
        "; ".join(certificate.number for certificate in partner.valid_certificates),
    ]
    return [safe_cell(cell) for cell in cells]


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_lines(partners: Iterable[Any], request: HttpRequest) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield "\ufeff"  # a BOM, so spreadsheet programs read the Polish letters as UTF-8
    yield writer.writerow(headers())
    for partner in partners:
        yield writer.writerow(row(partner, request))


def csv_response(partners: Iterable[Any], request: HttpRequest, filename: str) -> Any:
    response = StreamingHttpResponse(
        csv_lines(partners, request), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def xlsx_response(partners: Iterable[Any], request: HttpRequest, filename: str) -> HttpResponse:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("PES"))
    sheet.append(headers())
    for partner in partners:
        sheet.append(row(partner, request))
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
