"""The report's PDF: it parses, carries the Polish title, the figures and the charts; page 1
and a chart page are rendered to PNG (kept in /tmp/annual-pages/ to look at) and have ink."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2
import pytest
from pypdf import PdfReader

from tests.factories.annual_report import (
    TITLE,
    publish,
    report_page,
    statistics,  # noqa: F401 (fixture)
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo", "statistics")]

PAGES = Path("/tmp/annual-pages")


def ink(image) -> float:
    """The variance of the page's grey levels: 0 for a blank page."""
    grey = image.convert("L")
    pixels = list(grey.getdata())
    mean = sum(pixels) / len(pixels)
    return sum((p - mean) ** 2 for p in pixels) / len(pixels)


def test_the_pdf_has_the_title_the_figures_and_the_charts() -> None:
    page = publish(report_page())
    content = page.pdf.file.read()
    reader = PdfReader(io.BytesIO(content))
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert "ą ę ś ł ż ź ć ń ó" in text
    assert "województwo świętokrzyskie" in text
    for figure in ("1 000", "47", "<5", "12 500,50", "31 780,25"):
        assert figure.replace(" ", "") in text.replace(" ", "").replace("\xa0", "")
    assert "Wprowadzenie" in text and "Wnioski" in text
    chart_page = next(
        i for i, p in enumerate(reader.pages) if "Podmioty ekonomii" in p.extract_text() and i > 1
    )

    PAGES.mkdir(exist_ok=True)
    pdf = pypdfium2.PdfDocument(content)
    title_image = pdf[0].render(scale=1).to_pil()
    chart_image = pdf[chart_page].render(scale=1).to_pil()
    title_image.save(PAGES / "page-1.png")
    chart_image.save(PAGES / f"page-{chart_page + 1}-chart.png")
    assert ink(title_image) > 50
    assert ink(chart_image) > 200
    # The chart's bars (#1f5fa8) are on the chart page.
    assert any(
        abs(r - 0x1F) < 24 and abs(g - 0x5F) < 24 and abs(b - 0xA8) < 24
        for r, g, b in chart_image.convert("RGB").getdata()
    )
    assert len(reader.pages) >= 3
    assert TITLE in text.replace("\n", " ")
