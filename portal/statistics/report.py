"""The annual report's figures: live while a draft, frozen at the first publication.

`on_first_publication` runs on every `page_published` of a report page (admin, workflow,
scheduled publishing, code all send it) but does its work once: it freezes the tables when
the page has none, then makes the PDF and adds it to the RKRES page's documents when the page
has no PDF. A failed PDF is retried at the next publication, from the same frozen tables.
"""

from __future__ import annotations

import csv
import io
import logging
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.safestring import SafeString
from django.utils.text import slugify
from django.utils.translation import get_language, override
from wagtail.documents import get_document_model
from wagtail.models import Collection

from portal.exports import SafeWriter

from .tables import Table

if TYPE_CHECKING:
    from .models import AnnualReportPage

logger = logging.getLogger(__name__)

# The documents collection the PDFs go to (a name, like the role groups' names: data).
REPORTS_COLLECTION = "Raporty roczne"
SUPPRESSED = "<5"


@dataclass
class Figure:
    """One table as the web page and the PDF show it: numbered, with its chart."""

    number: int
    table: Table
    rows: list[list[str]]
    anchor: str
    csv_url: str = ""
    json_url: str = ""

    @property
    def svg(self) -> SafeString:
        return chart_svg(self.table)


def chart_svg(table: Table) -> SafeString:
    """The table's chart, the same SVG on the web page and in the PDF."""
    from . import charts

    return charts.svg(table)


def table_choices() -> list[tuple[str, str]]:
    """(slug, title) of every table the statistics produce, for the editor's figures block
    (titles in the active language, computed once per process and language)."""
    return list(_table_choices(get_language() or ""))


@cache
def _table_choices(language: str) -> tuple[tuple[str, str], ...]:
    from . import figures

    year = timezone.now().year - 1
    titles = {table.slug: str(table.title) for table in figures.tables(year, None)}
    # A table with no data this year (None from figures) stays choosable by its slug.
    for slug in getattr(figures, "SLUGS", {}).values():
        titles.setdefault(slug, slug)
    return tuple(titles.items())


def live_tables(year: int) -> list[Table]:
    """The statistics of `year` for the whole region, computed now."""
    from . import figures

    return figures.tables(year, None)


def report_tables(page: AnnualReportPage) -> list[Table]:
    """The frozen tables of a published report, the live ones of a draft."""
    if page.is_frozen:
        return [Table.from_dict(data) for data in page.snapshot]
    return live_tables(page.year)


def display(cell: Any) -> str:
    """A cell as printed: suppressed groups as "<5", numbers in the active language."""
    if cell is None:
        return SUPPRESSED
    if isinstance(cell, bool):
        return str(cell)
    if isinstance(cell, int | Decimal | float):
        return number_format(cell, use_l10n=True, force_grouping=True)
    return str(cell)


def layout(page: AnnualReportPage, tables: list[Table]) -> tuple[list[tuple[str, Any]], list]:
    """The narrative with each placed table as a numbered figure, then the annex (the tables
    nobody placed). A table placed twice is shown once; a slug no longer produced is skipped."""
    by_slug = {table.slug: table for table in tables}
    placed: dict[str, Figure] = {}
    items: list[tuple[str, Any]] = []

    # The frozen tables of a published report as data (a draft's figures are not data yet).
    data_url = f"{page.url}dane/" if page.is_frozen and page.live and page.url else ""

    def figure(table: Table) -> Figure:
        rows = [[str(row[0]), *(display(cell) for cell in row[1:])] for row in table.rows]
        made = Figure(len(placed) + 1, table, rows, f"figure-{slugify(table.slug)}")
        if data_url:
            made.csv_url = f"{data_url}{table.slug}/csv/"
            made.json_url = f"{data_url}{table.slug}/json/"
        return made

    for block in page.body:
        if block.block_type == "section":
            items.append(("section", block.value))
            continue
        slug = block.value.get("table")
        if slug in by_slug and slug not in placed:
            placed[slug] = figure(by_slug[slug])
            items.append(("figure", placed[slug]))
    annex = []
    for table in tables:
        if table.slug not in placed:
            placed[table.slug] = figure(table)
            annex.append(placed[table.slug])
    return items, annex


def report_context(page: AnnualReportPage) -> dict[str, Any]:
    """What both the web page and the PDF render."""
    from portal.organisations.models import Organisation

    items, annex = layout(page, report_tables(page))
    rops = Organisation.objects.filter(kind=Organisation.Kind.ROPS).first()
    return {"report_items": items, "report_annex": annex, "report_rops": rops}


def table_csv(table: Table) -> str:
    """A frozen table as CSV (UTF-8 with a BOM, formula-safe); suppressed cells are empty."""
    buffer = io.StringIO()
    writer = SafeWriter(csv.writer(buffer))
    writer.writerow(table.columns)
    writer.writerows(
        ["" if cell is None else str(cell) if isinstance(cell, Decimal) else cell for cell in row]
        for row in table.rows
    )
    return "\ufeff" + buffer.getvalue()


def freeze(page: AnnualReportPage) -> None:
    """Store the year's tables as they are now; nothing recomputes them after."""
    page.snapshot = [table.as_dict() for table in live_tables(page.year)]
    page.snapshot_taken_at = timezone.now()
    type(page).objects.filter(pk=page.pk).update(
        snapshot=page.snapshot, snapshot_taken_at=page.snapshot_taken_at
    )


def reports_collection() -> Collection:
    collection = Collection.objects.filter(name=REPORTS_COLLECTION, depth=2).first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=REPORTS_COLLECTION)
    return collection


def store_pdf(page: AnnualReportPage) -> Any:
    """Render the PDF from the frozen tables and keep it as a Wagtail document."""
    from .report_pdf import render_pdf

    content = render_pdf(page)
    document = get_document_model()(title=page.title, collection=reports_collection())
    document.file.save(
        f"raport-ekonomia-spoleczna-{page.year}.pdf", ContentFile(content), save=False
    )
    document.file_size = len(content)
    document._set_file_hash()
    document.save()
    page.pdf = document
    type(page).objects.filter(pk=page.pk).update(pdf=document)
    return document


def rkres_page_for(page: AnnualReportPage) -> Any:
    """The RKRES page the report sits under, else the live one in the report's language."""
    from portal.organisations.models import RkresPage

    parent = page.get_parent().specific
    if isinstance(parent, RkresPage):
        return parent
    return RkresPage.objects.live().filter(locale_id=page.locale_id).first()


def attach_to_rkres(page: AnnualReportPage, document: Any) -> bool:
    """Add the PDF to the RKRES page's documents, once, in a new published revision.

    The new revision starts from the live RKRES page (the page row), so a pending draft of
    it is not published along; True if the document was added now."""
    rkres = rkres_page_for(page)
    if rkres is None:
        return False
    rkres = type(rkres).objects.get(pk=rkres.pk)
    if any(
        block.block_type == "document"
        and block.value["document"] is not None
        and block.value["document"].pk == document.pk
        for block in rkres.documents
    ):
        return False
    rkres.documents.append(
        ("document", {"kind": "annual_report", "document": document, "title": page.title})
    )
    rkres.save_revision(log_action=True).publish()
    return True


def on_first_publication(page: AnnualReportPage) -> None:
    """Freeze the figures and make the PDF, each only if it was not done before."""
    if not page.live or (page.is_frozen and page.pdf_id):
        return
    language = page.locale.language_code if page.locale_id else None
    with override(language):
        if not page.is_frozen:
            freeze(page)
        try:
            with transaction.atomic():
                document = store_pdf(page)
                attach_to_rkres(page, document)
        except Exception:
            # The page is live with its figures frozen; the next publication retries the PDF.
            page.pdf = None
            logger.exception("The PDF of the annual report %s failed", page.pk)
