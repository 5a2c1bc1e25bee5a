"""The demo's 2025 report: published once with the region's real figures and charts, and
idempotent (a second run publishes, renders and lists nothing again)."""

from __future__ import annotations

import io

import pypdfium2
import pytest
from pypdf import PdfReader

from portal.demo.annual_report import BODY, YEAR, load_annual_report
from portal.statistics.models import AnnualReportPage
from portal.statistics.report import display
from portal.statistics.tables import Table
from tests.factories.annual_report import rkres_page

from .test_report_pdf import PAGES, ink

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


def listed(pdf_id: int) -> int:
    return sum(
        1
        for block in rkres_page().documents
        if block.value["document"] and block.value["document"].pk == pdf_id
    )


def test_the_demo_report_is_published_once() -> None:
    messages: list[str] = []
    load_annual_report(messages.append)
    page = AnnualReportPage.objects.get(year=YEAR, locale__language_code="pl")
    assert page.live and page.is_frozen and page.pdf is not None
    assert listed(page.pdf_id) == 1
    placed = [b.value["table"] for b in page.body if b.block_type == "figures"]
    assert len(placed) >= 5 and len([b for b in page.body if b.block_type == "section"]) == 5
    state = (page.snapshot, page.snapshot_taken_at, page.pdf_id, page.revisions.count())
    rkres_revisions = rkres_page().revisions.count()

    load_annual_report(messages.append)
    page = AnnualReportPage.objects.get(pk=page.pk)
    assert (page.snapshot, page.snapshot_taken_at, page.pdf_id, page.revisions.count()) == state
    assert rkres_page().revisions.count() == rkres_revisions
    assert listed(page.pdf_id) == 1

    # The newsroom demo rewrites the RKRES documents: the report's PDF is listed again, once.
    rkres = rkres_page()
    rkres.documents = []
    rkres.save_revision().publish()
    load_annual_report(messages.append)
    load_annual_report(messages.append)
    assert listed(page.pdf_id) == 1


def test_the_demo_pdf_shows_the_real_charts_and_figures() -> None:
    load_annual_report(lambda message: None)
    page = AnnualReportPage.objects.get(year=YEAR, locale__language_code="pl")
    content = page.pdf.file.read()
    reader = PdfReader(io.BytesIO(content))
    texts = [p.extract_text() for p in reader.pages]
    whole = "".join(texts).replace("\xa0", "").replace(" ", "").replace("\n", "")
    assert "świętokrzyskim" in whole and "Wnioskiirekomendacje" in whole
    for data in page.snapshot:
        table = Table.from_dict(data)
        assert table.title.replace(" ", "") in whole
        for row in table.rows[:3]:
            for cell in row[1:]:
                assert display(cell).replace("\xa0", "").replace(" ", "") in whole

    chart_page = next(
        i for i, text in enumerate(texts) if i > 1 and ("Rysunek" in text or "Figure" in text)
    )
    PAGES.mkdir(exist_ok=True)
    pdf = pypdfium2.PdfDocument(content)
    pages = ((0, "demo-page-1.png"), (1, "demo-page-2.png"), (chart_page, "demo-chart-page.png"))
    # Every page with a figure too, to look at (the demo's small groups are mostly "<5").
    pages += tuple(
        (i, f"demo-page-{i + 1}.png")
        for i, text in enumerate(texts)
        if i > 1 and ("Rysunek" in text or "Figure" in text)
    )
    for index, name in pages:
        image = pdf[index].render(scale=1).to_pil()
        image.save(PAGES / name)
        assert ink(image) > 50


def test_every_table_the_demo_places_is_a_choice_of_the_figures_block() -> None:
    from portal.statistics.report import _table_choices, table_choices

    _table_choices.cache_clear()
    slugs = dict(table_choices())
    placed = {block["table"] for kind, block in BODY if kind == "figures"}
    assert placed <= set(slugs)
    assert all(slugs[slug] for slug in placed)
