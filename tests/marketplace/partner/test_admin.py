"""The admin import: a dry run that reports every row, then a confirm step only for a clean file."""

from __future__ import annotations

import io
from datetime import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from marketplace.partner.models import Partner
from portal.demo.identifiers import demo_nip
from tests.factories import UserFactory

from .helpers import BAD_FILE, GOOD_FILE, rows_of, state

pytestmark = pytest.mark.usefixtures("demo", "in_english")

IMPORT_URL = reverse("admin:partner_partner_import")
PROCESS_URL = reverse("admin:partner_partner_process_import")
CSV, XLSX = "0", "1"  # positions in PesAdmin.get_import_formats()


@pytest.fixture
def admin_client(client):
    client.force_login(
        UserFactory(email="rops-admin@example.org", is_staff=True, is_superuser=True)
    )
    return client


def upload(client, name: str, content: bytes, file_format: str = CSV):
    return client.post(
        IMPORT_URL,
        {"resource": "0", "format": file_format, "import_file": SimpleUploadedFile(name, content)},
    )


def fates(response) -> list[str]:
    return [row.fate for row in response.context["result"].pes_report]


def confirm(client, response):
    form = response.context["confirm_form"]
    return client.post(PROCESS_URL, {name: form.initial[name] for name in form.fields})


def test_a_file_with_bad_rows_is_refused_whole(admin_client):
    before = state()
    response = upload(admin_client, BAD_FILE.name, BAD_FILE.read_bytes())
    assert response.status_code == 200
    assert fates(response) == [
        "updated",
        "updated",
        "new",
        "refused",
        "refused",
        "refused",
        "new",
        "new",
    ]
    report = response.context["result"].pes_report
    # The admin speaks Polish here; the wording is checked in test_resource.py.
    assert [p.split(":")[0] for p in report[3].problems] == ["NIP"]
    assert [p.split(":")[0] for p in report[4].problems] == ["Powiat"]
    assert "radomski" in report[4].problems[0]
    assert [p.split(":")[0] for p in report[5].problems] == ["Nazwa"]
    page = response.content.decode()
    assert 'id="pes-import-report"' in page
    assert page.count('class="pes-row-refused"') == 3 and "radomski" in page
    # No confirm step for a refused file, and nothing written by the dry run.
    assert response.context.get("confirm_form") is None
    assert "process_import" not in page and 'name="confirm"' not in page
    assert state() == before


def test_the_corrected_file_imports_then_reimports_unchanged(admin_client):
    before = state()
    response = upload(admin_client, GOOD_FILE.name, GOOD_FILE.read_bytes())
    assert fates(response) == ["updated", "updated", "new", "new", "new", "new", "new", "new"]
    assert state() == before  # still a dry run
    done = confirm(admin_client, response)
    assert done.status_code == 302
    assert Partner.objects.count() == before["partners"] + 6
    spizarnia = Partner.objects.get(nip=demo_nip(1))
    assert (spizarnia.code, spizarnia.employees_total) == ("kielecka-spizarnia", 7)
    assert spizarnia.website == "https://kielecka-spizarnia.example.org"
    ponidzie = Partner.objects.get(nip=demo_nip(7))
    assert ponidzie.is_social_enterprise
    cis = Partner.objects.get(name="Centrum Integracji Społecznej w Busku-Zdroju")
    assert cis.owes.slug == "trzeci-swietokrzyski-owes"  # the OWES serving its powiat
    assert (cis.legal_form, cis.powiat.code, cis.reintegration) == (
        "cis",
        "buski",
        "social_vocational",
    )

    again = upload(admin_client, GOOD_FILE.name, GOOD_FILE.read_bytes())
    assert fates(again) == ["unchanged"] * 8


def test_xlsx_with_numbers_and_real_dates(admin_client):
    rows = rows_of(GOOD_FILE)
    book = Workbook()
    sheet = book.active
    sheet.append(list(rows[0]))
    for row in rows:
        values = dict(row)
        values["NIP"] = int(values["NIP"].replace("-", ""))  # typed as a number in Excel
        if values["KRS"]:
            values["KRS"] = int(values["KRS"])  # leading zeros lost
        values["Od kiedy działa"] = datetime(2020, 1, 15)
        values["Zatrudnieni"] = int(values["Zatrudnieni"]) if values["Zatrudnieni"] else None
        sheet.append(list(values.values()))
    content = io.BytesIO()
    book.save(content)
    before = state()
    response = upload(admin_client, "pes.xlsx", content.getvalue(), XLSX)
    assert fates(response) == ["updated", "updated", "new", "new", "new", "new", "new", "new"]
    assert state() == before
    confirm(admin_client, response)
    assert Partner.objects.count() == before["partners"] + 6
    spizarnia = Partner.objects.get(nip=demo_nip(1))
    assert spizarnia.krs == "0000700001"
    assert spizarnia.operating_since.isoformat() == "2020-01-15"


def test_confirm_step_writes_nothing_if_the_file_became_invalid(admin_client, monkeypatch):
    """Between the dry run and the confirm the data may change; the file stays all or nothing."""
    response = upload(admin_client, GOOD_FILE.name, GOOD_FILE.read_bytes())
    before = state()
    from marketplace.partner import resources

    # Row 7 names "Powiat Jędrzejowski": without the prefixes it no longer matches a powiat.
    monkeypatch.setattr(resources, "POWIAT_PREFIXES", ())
    done = confirm(admin_client, response)
    assert done.status_code == 302 and done.url == IMPORT_URL
    assert state() == before


def test_non_staff_cannot_reach_the_import(client):
    client.force_login(UserFactory(email="citizen@example.org"))
    response = client.get(IMPORT_URL)
    assert response.status_code == 302 and "/login/" in response.url
    response = client.post(IMPORT_URL, {"format": CSV})
    assert response.status_code == 302


def test_staff_without_partner_permissions_is_refused(client):
    client.force_login(UserFactory(email="staff-only@example.org", is_staff=True))
    assert client.get(IMPORT_URL).status_code == 403


def test_anonymous_is_sent_to_login(client):
    response = client.get(IMPORT_URL)
    assert response.status_code == 302


def test_import_page_and_export_for_the_superuser(admin_client):
    page = admin_client.get(IMPORT_URL)
    assert page.status_code == 200
    assert "NIP" in page.content.decode()
    export = admin_client.post(
        reverse("admin:partner_partner_export"),
        {"format": CSV, "resource": "0", **{f"partnerresource_{f}": "on" for f in ("name", "nip")}},
    )
    assert export.status_code == 200
    body = export.content.decode("utf-8-sig")
    assert body.startswith("Nazwa,NIP") and demo_nip(1) in body
