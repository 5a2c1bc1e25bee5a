"""The annual report: figures frozen at the first publication and never after, the PDF made
once and listed once on the RKRES page, the public page for anonymous visitors."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from portal.organisations.models import Powiat
from portal.statistics.models import AnnualReportPage
from portal.statistics.report import REPORTS_COLLECTION
from tests.factories.annual_report import (
    VOIVODESHIP,
    counted_tables,
    publish,
    report_page,
    rkres_page,
    statistics,  # noqa: F401 (fixture)
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo", "statistics")]


def more_data(count: int = 3) -> None:
    """Change the data behind the figures (the count of the test voivodeship's powiats)."""
    start = Powiat.objects.filter(voivodeship=VOIVODESHIP).count()
    for i in range(start, start + count):
        Powiat.objects.create(code=f"test-annual-{i}", name=f"Testowy {i}", voivodeship=VOIVODESHIP)


def annual_documents(rkres) -> list:
    return [b for b in rkres.documents if b.value["kind"] == "annual_report"]


def test_a_draft_shows_live_figures_and_freezes_nothing() -> None:
    page = report_page()
    more_data(2)
    page.refresh_from_db()
    assert not page.is_frozen and page.snapshot == [] and page.pdf is None
    response = page.serve_preview(Client().get("/").wsgi_request, "")
    assert "1\xa0002" in response.render().content.decode() or "1002" in response.content.decode()
    page.refresh_from_db()
    assert page.snapshot == []  # a preview (a GET) writes nothing


def test_first_publication_freezes_the_tables_and_makes_the_pdf() -> None:
    page = publish(report_page())
    assert page.is_frozen
    assert page.snapshot == [table.as_dict() for table in counted_tables(page.year)]
    assert page.pdf is not None and page.pdf.collection.name == REPORTS_COLLECTION
    assert page.pdf.file.read().startswith(b"%PDF")


def test_data_changed_after_publication_changes_neither_page_nor_pdf() -> None:
    page = publish(report_page())
    snapshot, taken_at, pdf_id = page.snapshot, page.snapshot_taken_at, page.pdf_id
    pdf_bytes = page.pdf.file.read()
    before = Client().get(page.url).content.decode()
    assert "1\xa0000" in before

    more_data(5)
    page.body = [
        ("section", {"heading": "Nowy wstęp", "text": "<p>Poprawiony tekst.</p>"}),
        ("figures", {"table": "pes-by-subregion"}),
    ]
    page = publish(page)
    # A draft, a revert to the first revision and its publication: still the same figures.
    page.get_latest_revision().publish()
    page.revisions.order_by("created_at").first().publish()
    page = type(page).objects.get(pk=page.pk)

    assert (page.snapshot, page.snapshot_taken_at, page.pdf_id) == (snapshot, taken_at, pdf_id)
    assert page.pdf.file.read() == pdf_bytes
    after = Client().get(page.url).content.decode()
    assert "1\xa0000" in after and "1\xa0005" not in after and "1005" not in after


def test_the_rkres_page_gets_the_pdf_once() -> None:
    rkres_before = len(annual_documents(rkres_page()))
    page = publish(report_page())
    rkres = rkres_page()
    added = annual_documents(rkres)
    assert len(added) == rkres_before + 1
    assert added[-1].value["document"].pk == page.pdf_id
    assert added[-1].value["title"] == page.title
    assert rkres.live and not rkres.has_unpublished_changes

    publish(page)
    publish(page)
    assert len(annual_documents(rkres_page())) == rkres_before + 1


def test_a_scheduled_first_publication_freezes_when_it_goes_live() -> None:
    from datetime import timedelta

    from django.utils import timezone

    page = report_page(go_live_at=timezone.now() + timedelta(days=1))
    page = publish(page)
    assert not page.live and not page.is_frozen and page.pdf is None


def test_a_year_has_one_report() -> None:
    report_page(2032)
    duplicate = report_page(2033)
    duplicate.year = 2032
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "year" in error.value.message_dict


def test_the_public_page_renders_for_anonymous_visitors(
    django_assert_max_num_queries,
) -> None:
    page = publish(report_page())
    client = Client()
    with django_assert_max_num_queries(28):  # the chrome; the figures cost none
        response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<figure") == 2  # the placed table, then the annex's
    assert '<th scope="col">Liczba PES</th>' in html
    assert "<caption>" in html and "&lt;5" in html
    assert page.pdf.url in html
    assert html.index("Wprowadzenie") < html.index("Podmioty ekonomii") < html.index("Wnioski")
    assert html.index("Wnioski") < html.index("Wartość zamówień")  # the annex comes last


def test_the_report_serves_its_frozen_tables_as_data(django_assert_max_num_queries) -> None:
    draft = report_page(2037)
    more_data(1)
    client = Client()
    assert client.get(f"{draft.url}dane/pes-by-subregion/json/").status_code == 404

    page = publish(draft)
    more_data(4)
    html = client.get(page.url).content.decode()
    assert f'href="{page.url}dane/pes-by-subregion/csv/"' in html
    with django_assert_max_num_queries(12):  # routing through the page tree
        response = client.get(f"{page.url}dane/pes-by-subregion/json/")
    assert response.status_code == 200, (response.status_code, page.url, response.content[:300])
    data = response.json()
    assert data == page.snapshot[0] and data["rows"][0] == ["Kielecki", 1001]
    response = client.get(f"{page.url}dane/procurement-value/csv/")
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    assert text.splitlines()[1:] == ["I,12500.50", "II,31780.25"]
    lines = client.get(f"{page.url}dane/pes-by-subregion/csv/").content.decode().splitlines()
    assert "Ostrowiecki," in lines and "'=1+1,5" in lines and "Kielecki,1001" in lines
    assert client.get(f"{page.url}dane/no-such-table/csv/").status_code == 404


def test_a_copy_is_a_new_report_with_nothing_frozen() -> None:
    page = publish(report_page(2038))
    copy = page.copy(
        update_attrs={"slug": "raport-2039", "year": 2039, "title": "Kopia"}, keep_live=False
    ).specific
    assert not copy.is_frozen and copy.snapshot == [] and copy.pdf is None
    assert AnnualReportPage.objects.get(pk=page.pk).pdf_id is not None
