"""The ROPS's spreadsheet import: a good file creates submitted reports with an "imported" entry;
one bad row anywhere and nothing is saved, with every bad row reported."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from portal.monitoring import importer
from portal.monitoring.models import Report, ReportEvent, ReportStatus, ReportValue

pytestmark = pytest.mark.django_db
HEADER = ["owes", "year", "quarter", "indicator", "value", "note"]


def _csv(rows: list[list[str]]) -> bytes:
    return "\n".join(";".join(map(str, r)) for r in [HEADER, *rows]).encode()


def _xlsx(rows: list[list]) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in [HEADER, *rows]:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_good_xlsx_creates_submitted_reports_with_history(world, client) -> None:
    a, b = world.owes_a.slug, world.owes_b.slug
    content = _xlsx(
        [
            [a, 2024, 4, world.entered.code, 12, "z listy obecności"],
            [a, 2024, 4, world.computed.code, "1,5", ""],
            [b, 2024, 4, world.entered.code, 3, ""],
        ]
    )
    client.force_login(world.people["rops"])
    response = client.post(
        reverse("monitoring_import"), {"file": SimpleUploadedFile("dane.xlsx", content)}
    )
    assert response.status_code == 302
    mine = Report.objects.get(owes=world.owes_a, year=2024, quarter=4)
    assert mine.status == ReportStatus.SUBMITTED
    assert str(mine.values.get(indicator=world.computed).value) == "1.50"
    assert mine.values.get(indicator=world.entered).note == "z listy obecności"
    event = mine.history.get()
    assert event.action == ReportEvent.Action.IMPORTED
    assert event.values[world.entered.code] == "12.00"
    assert Report.objects.filter(owes=world.owes_b, year=2024, quarter=4).exists()


def test_import_updates_a_returned_report(world) -> None:
    content = _csv([[world.owes_a.slug, 2025, 1, world.entered.code, "8", ""]])
    result = importer.import_file("dane.csv", content, world.people["rops"])
    assert result.ok
    world.draft.refresh_from_db()
    assert world.draft.status == ReportStatus.SUBMITTED
    assert world.draft.values.get(indicator=world.entered).value == 8


def test_one_bad_row_saves_nothing_and_each_bad_row_is_reported(world, client) -> None:
    a = world.owes_a.slug
    rows = [
        [a, 2024, 4, world.entered.code, "5", ""],  # row 2: good
        ["nie-ma-takiego", 2024, 4, world.entered.code, "5", ""],  # 3: OWES
        [a, 2024, 4, "brak-wskaznika", "5", ""],  # 4: indicator
        [a, 2024, 4, world.computed.code, "dużo", ""],  # 5: number
        [a, 2024, 5, world.computed.code, "1", ""],  # 6: quarter
        [a, 2025, 3, world.entered.code, "1", ""],  # 7: accepted already
        [a, 2024, 4, world.entered.code, "6", ""],  # 8: twice
        [a, 2024, 4, world.computed.code, "-1", ""],  # 9: negative
        [a, 2099, 1, world.computed.code, "1", ""],  # 10: a future quarter
    ]
    reports_before = Report.objects.count()
    values_before = list(ReportValue.objects.order_by("pk").values_list("pk", "value"))
    client.force_login(world.people["rops"])
    response = client.post(
        reverse("monitoring_import"), {"file": SimpleUploadedFile("dane.csv", _csv(rows))}
    )
    assert response.status_code == 200
    errors = dict(response.context["result"].errors)
    assert sorted(errors) == [3, 4, 5, 6, 7, 8, 9, 10]
    assert "nie-ma-takiego" in errors[3]
    assert "brak-wskaznika" in errors[4]
    assert "dużo" in errors[5]
    assert "1–4" in errors[6]
    assert "zaakceptowane" in errors[7]
    assert "nie rozpoczął" in errors[10]
    body = response.content.decode()
    assert "Nic nie zostało zapisane" in body
    assert Report.objects.count() == reports_before
    assert list(ReportValue.objects.order_by("pk").values_list("pk", "value")) == values_before
    assert not ReportEvent.objects.filter(action=ReportEvent.Action.IMPORTED).exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("dane.txt", b"owes;year", "rozszerzenie"),
        ("dane.xlsx", b"not a zip", "XLSX"),
        ("dane.csv", b"owes;year\nx;2025", "Brak kolumn"),
        ("dane.csv", b"x" * (2 * 1024 * 1024 + 1), "za duży"),
    ],
)
def test_bad_files_are_refused_clearly(world, client, name, content, message) -> None:
    client.force_login(world.people["rops"])
    response = client.post(
        reverse("monitoring_import"), {"file": SimpleUploadedFile(name, content)}
    )
    assert response.status_code == 200
    assert message.lower() in response.content.decode().lower()
