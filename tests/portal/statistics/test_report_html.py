"""The report's web page (the demo's, with the real charts, and a draft's preview) validates
with the W3C Nu checker and shows no English in Polish."""

from __future__ import annotations

import shutil

import pytest
from django.test import Client

from portal.demo.annual_report import YEAR, load_annual_report
from portal.statistics.models import AnnualReportPage
from tests.factories.annual_report import report_page
from tests.helpers.html import VNU, nu_errors
from tests.site.test_no_english import english_words

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


def pages() -> dict[str, bytes]:
    load_annual_report(lambda message: None)
    published = AnnualReportPage.objects.get(year=YEAR, locale__language_code="pl")
    draft = report_page(2036)
    request = Client().get("/").wsgi_request
    preview = draft.serve_preview(request, "")
    return {
        published.url: Client().get(published.url).content,
        "draft preview": preview.render().content,
    }


@pytest.mark.skipif(not VNU.exists(), reason="vnu-jar missing: `make test` installs it")
def test_the_report_page_is_valid_html(tmp_path) -> None:
    shutil.which("java") or pytest.skip("no Java to run the Nu checker")
    assert nu_errors(pages(), tmp_path) == []


def test_the_polish_report_page_has_no_english() -> None:
    """The report's own words; the tables' words are the statistics' (and their tests')."""
    for name, content in pages().items():
        tables = AnnualReportPage.objects.get(year=YEAR, locale__language_code="pl").snapshot
        from_tables = set(english_words(" ".join(table_words(t) for t in tables)))
        assert set(english_words(content.decode())) - from_tables == set(), name


def table_words(table: dict) -> str:
    cells = [str(cell) for row in table["rows"] for cell in row]
    parts = [table["title"], table["description"], table["note"], *table["columns"], *cells]
    return "<p>" + "</p><p>".join(parts) + "</p>"
