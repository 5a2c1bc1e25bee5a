"""Helpers of the annual report's tests: a report page under the demo's RKRES page, and a
stand-in for the statistics while `figures`/`charts` are elsewhere (a real query: a test
changes the data by adding powiats of a made-up voivodeship)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.utils.safestring import SafeString, mark_safe
from wagtail.models import Locale

from portal.organisations.models import Powiat, RkresPage
from portal.statistics import report
from portal.statistics.models import AnnualReportPage
from portal.statistics.tables import Table

TITLE = "Raport roczny — zażółć gęślą jaźń: ą ę ś ł ż ź ć ń ó"
VOIVODESHIP = "test-annual"


def counted_tables(year: int, subregion: object = None) -> list[Table]:
    """Two tables whose figures come from the database (powiats of the test voivodeship)."""
    count = Powiat.objects.filter(voivodeship=VOIVODESHIP).count()
    return [
        Table(
            slug="pes-by-subregion",
            title="Podmioty ekonomii społecznej według podregionów",
            description=f"Stan na 31 grudnia {year}.",
            columns=["Podregion", "Liczba PES"],
            rows=[
                ["Kielecki", 1000 + count],
                ["Sandomierski", 47],
                ["Ostrowiecki", None],
                ["=1+1", 5],  # a formula in a label: the CSV must not pass it on
            ],
            unit="szt.",
            suppressed_cells=1,
            series=["Liczba PES"],
        ),
        Table(
            slug="procurement-value",
            title="Wartość zamówień z klauzulami społecznymi",
            description="",
            columns=["Kwartał", "Wartość"],
            rows=[["I", Decimal("12500.50")], ["II", Decimal("31780.25")]],
            chart="line",
            unit="zł",
            series=["Wartość"],
        ),
    ]


def simple_svg(table: Table) -> SafeString:
    """A bar per row, so a rendered chart page has ink where the chart is."""
    values = [row[1] or 0 for row in table.rows]
    top = max(values) or 1
    bars = "".join(
        f'<rect x="{20 + i * 120}" y="{300 - int(280 * v / top)}" width="80" '
        f'height="{int(280 * v / top)}" fill="#1f5fa8"/>'
        for i, v in enumerate(values)
    )
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300" role="img" '
        f'aria-label="{table.title}">{bars}</svg>'
    )


@pytest.fixture
def statistics(monkeypatch: pytest.MonkeyPatch) -> None:
    """The report reads `counted_tables`/`simple_svg` instead of the region's statistics."""
    monkeypatch.setattr(report, "live_tables", lambda year: counted_tables(year))
    monkeypatch.setattr(report, "chart_svg", simple_svg)
    monkeypatch.setattr(
        report, "table_choices", lambda: [(t.slug, t.title) for t in counted_tables(2025)]
    )


def rkres_page() -> RkresPage:
    return RkresPage.objects.get(locale=Locale.objects.get(language_code="pl"))


def report_page(year: int = 2031, *, body: list | None = None, **fields) -> AnnualReportPage:
    """A draft report under the RKRES page, with one section and one placed table."""
    page = AnnualReportPage(
        title=fields.pop("title", TITLE),
        slug=f"raport-{year}",
        year=year,
        region="województwo świętokrzyskie",
        lead="Podsumowanie roku w ekonomii społecznej.",
        live=False,
        **fields,
    )
    page.body = body or [
        ("section", {"heading": "Wprowadzenie", "text": "<p>Sektor ekonomii społecznej.</p>"}),
        ("figures", {"table": "pes-by-subregion"}),
        ("section", {"heading": "Wnioski", "text": "<p>Rekomendacje dla RKRES.</p>"}),
    ]
    rkres_page().add_child(instance=page)
    return page


def publish(page: AnnualReportPage, user=None) -> AnnualReportPage:
    page.save_revision(user=user).publish(user=user)
    return AnnualReportPage.objects.get(pk=page.pk)
