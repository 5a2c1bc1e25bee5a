"""The annual report as a PDF (weasyprint): title page, contents, narrative, charts and tables.

The PDF is made from the same context and figure template as the web page, so the charts
(the same SVG) and the tables cannot differ between the two.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import get_language

from .report import report_context

if TYPE_CHECKING:
    from .models import AnnualReportPage


def render_html(page: AnnualReportPage) -> str:
    context = {
        "page": page,
        "report_pdf": True,
        "report_language": get_language() or "pl",
        **report_context(page),
    }
    return render_to_string("statistics/report/pdf.html", context)


def render_pdf(page: AnnualReportPage) -> bytes:
    """A4 PDF bytes; fonts by family name (DejaVu Sans has every Polish letter)."""
    from weasyprint import HTML  # heavy: imported only when a PDF is made

    return HTML(string=render_html(page), base_url=str(settings.BASE_DIR)).write_pdf()
