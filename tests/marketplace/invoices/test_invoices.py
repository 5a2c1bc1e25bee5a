"""Issuing invoices: once per order, numbered per PES per year, downloaded only by the order's
PES and the ROPS; the FA(3) XML read back field by field and checked against the schema; KSeF
sending refused while switched off."""

from __future__ import annotations

import threading
import xml.etree.ElementTree as ET
from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.db import connection, connections
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from ksef_client.documents.fa3 import validate_fa3_xml_xsd
from oscar.core.loading import get_model

from marketplace.invoices import ksef, services
from marketplace.invoices.fa3 import FA3_NAMESPACE
from marketplace.invoices.models import (
    DEFAULT_EXEMPTION_BASIS,
    Invoice,
    KsefCredentials,
    KsefStatus,
)
from portal.organisations import roles
from tests.factories import (
    VALID_IBANS,
    BuyerUserFactory,
    PartnerFactory,
    PesUserFactory,
    UserFactory,
    create_pes_order,
    valid_nip,
)
from tests.helpers.threads import in_own_thread

Order = get_model("order", "Order")
pytestmark = pytest.mark.django_db
NS = {"fa": FA3_NAMESPACE}
BUYER_NIP = valid_nip(911)


@pytest.fixture
def pes():
    return PartnerFactory(
        name="Spółdzielnia Socjalna Faktura",
        nip=valid_nip(912),
        iban=VALID_IBANS[0],
        email="faktury@pes.example.org",
        city="Kielce",
    )


def invoiced_order(partner, **fields) -> Order:
    values = {
        "invoice_requested": True,
        "invoice_nip": BUYER_NIP,
        "invoice_name": "Gmina Testowa",
        "invoice_address": "ul. Rynek 1, 25-001 Kielce",
    }
    values.update(fields)
    return create_pes_order(partner, guest_email="kupiec@example.org", quantity=2, **values)


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_numbers_run_per_pes_per_year_and_an_order_gets_one(pes):
    other = PartnerFactory(nip=valid_nip(913), city="Busko-Zdrój")
    first = services.issue_invoice(invoiced_order(pes))
    second = services.issue_invoice(invoiced_order(pes))
    elsewhere = services.issue_invoice(invoiced_order(other))
    year = timezone.localdate().year
    assert [first.number, second.number] == [f"FV/{year}/1", f"FV/{year}/2"]
    assert elsewhere.number == f"FV/{year}/1"  # another PES counts on its own
    with pytest.raises(services.InvoiceError):
        services.issue_invoice(first.order)
    assert Invoice.objects.filter(order=first.order).count() == 1


def test_new_year_starts_again_at_one(pes):
    year = timezone.localdate().year
    Invoice.objects.create(
        order=invoiced_order(pes),
        partner=pes,
        year=year - 1,
        sequence=41,
        number=f"FV/{year - 1}/41",
        issue_date=date(year - 1, 12, 31),
        sale_date=date(year - 1, 12, 31),
        seller_name=pes.name,
        seller_nip=pes.nip,
        seller_address="x",
        buyer_name="y",
        buyer_nip=BUYER_NIP,
        buyer_address="z",
        total_net=Decimal("1"),
        total_vat=Decimal("0"),
        total_gross=Decimal("1"),
    )
    assert services.issue_invoice(invoiced_order(pes)).number == f"FV/{year}/1"


def test_orders_without_a_request_or_a_pes_nip_are_refused(pes):
    orders = [
        invoiced_order(pes, invoice_requested=False),
        invoiced_order(PartnerFactory(nip="", city="Kielce")),
        invoiced_order(PartnerFactory(nip=valid_nip(914), city="")),
    ]
    for order in orders:
        with pytest.raises(services.InvoiceError):
            services.issue_invoice(order)
    assert not Invoice.objects.filter(order__in=orders).exists()


def test_exempt_lines_are_the_gross_prices_and_a_rate_splits_them(pes):
    exempt = services.issue_invoice(invoiced_order(pes), exemption_basis=DEFAULT_EXEMPTION_BASIS)
    (line,) = exempt.line_items()
    assert line["quantity"] == 2 and line["gross"] == line["net"] == Decimal("25.00")
    assert exempt.total_vat == 0 and exempt.total_gross == Decimal("25.00")
    taxed = services.issue_invoice(invoiced_order(pes), vat_rate="23")
    (line,) = taxed.line_items()
    assert line["net"] == Decimal("20.33") and line["vat"] == Decimal("4.67")
    assert taxed.total_gross == Decimal("25.00")  # what the buyer was charged, to the grosz


def test_fa3_xml_reads_back_field_by_field_and_passes_the_schema(pes):
    invoice = services.issue_invoice(
        invoiced_order(pes), exemption_basis=DEFAULT_EXEMPTION_BASIS, sale_date=date(2026, 12, 1)
    )
    with invoice.xml.open("rb") as handle:
        xml = handle.read()
    validate_fa3_xml_xsd(xml)  # offline, the schema inside ksef-client
    root = ET.fromstring(xml)

    def text(path: str) -> str:
        return root.findtext(path, namespaces=NS)

    assert text("fa:Podmiot1/fa:DaneIdentyfikacyjne/fa:NIP") == pes.nip
    assert text("fa:Podmiot1/fa:DaneIdentyfikacyjne/fa:Nazwa") == "Spółdzielnia Socjalna Faktura"
    assert text("fa:Podmiot2/fa:DaneIdentyfikacyjne/fa:NIP") == BUYER_NIP
    assert text("fa:Podmiot2/fa:DaneIdentyfikacyjne/fa:Nazwa") == "Gmina Testowa"
    assert text("fa:Fa/fa:KodWaluty") == "PLN"
    assert text("fa:Fa/fa:P_1") == invoice.issue_date.isoformat()
    assert text("fa:Fa/fa:P_2") == invoice.number
    assert text("fa:Fa/fa:P_6") == "2026-12-01"
    rows = root.findall("fa:Fa/fa:FaWiersz", NS)
    assert len(rows) == 1
    row = rows[0]
    assert row.findtext("fa:P_7", namespaces=NS) == invoice.order.lines.get().title
    assert Decimal(row.findtext("fa:P_8B", namespaces=NS)) == 2
    assert Decimal(row.findtext("fa:P_9A", namespaces=NS)) == Decimal("12.50")
    assert Decimal(row.findtext("fa:P_11", namespaces=NS)) == Decimal("25.00")
    assert row.findtext("fa:P_12", namespaces=NS) == "zw"
    assert Decimal(text("fa:Fa/fa:P_13_7")) == Decimal("25.00")
    assert Decimal(text("fa:Fa/fa:P_15")) == Decimal("25.00")
    assert text("fa:Fa/fa:Adnotacje/fa:Zwolnienie/fa:P_19A") == DEFAULT_EXEMPTION_BASIS


def test_fa3_xml_with_a_rate_has_its_net_and_vat(pes):
    invoice = services.issue_invoice(invoiced_order(pes), vat_rate="8")
    with invoice.xml.open("rb") as handle:
        xml = handle.read()
    validate_fa3_xml_xsd(xml)
    root = ET.fromstring(xml)
    assert root.findtext("fa:Fa/fa:FaWiersz/fa:P_12", namespaces=NS) == "8"
    assert Decimal(root.findtext("fa:Fa/fa:P_13_2", namespaces=NS)) == Decimal("23.15")
    assert Decimal(root.findtext("fa:Fa/fa:P_14_2", namespaces=NS)) == Decimal("1.85")
    assert Decimal(root.findtext("fa:Fa/fa:P_15", namespaces=NS)) == Decimal("25.00")


def test_the_pes_issues_from_its_dashboard_once_and_downloads(pes):
    user = PesUserFactory(partners=[pes])
    order = invoiced_order(pes)
    client = logged_in(user)
    detail = client.get(reverse("dashboard:order-detail", kwargs={"number": order.number}))
    assert detail.status_code == 200
    issue_url = reverse("invoices-dashboard:issue", kwargs={"number": order.number})
    assert issue_url in detail.content.decode()
    assert BUYER_NIP in detail.content.decode()
    form = client.get(issue_url)
    assert form.status_code == 200
    data = {"vat_rate": "zw", "exemption_basis": DEFAULT_EXEMPTION_BASIS, "sale_date": "2026-12-01"}
    assert client.post(issue_url, data).status_code == 303
    invoice = Invoice.objects.get(order=order)
    assert invoice.issued_by == user
    # a second issue is refused and changes nothing
    again = client.post(issue_url, data, follow=True)
    assert again.status_code == 200
    assert Invoice.objects.filter(order=order).count() == 1
    pdf = client.get(
        reverse("invoices-dashboard:download", kwargs={"pk": invoice.pk, "kind": "pdf"})
    )
    assert pdf.status_code == 200 and b"".join(pdf.streaming_content).startswith(b"%PDF")
    xml = client.get(
        reverse("invoices-dashboard:download", kwargs={"pk": invoice.pk, "kind": "xml"})
    )
    assert xml.status_code == 200 and b"<Faktura" in b"".join(xml.streaming_content)


def test_an_exempt_invoice_needs_its_legal_basis(pes):
    order = invoiced_order(pes)
    client = logged_in(PesUserFactory(partners=[pes]))
    response = client.post(
        reverse("invoices-dashboard:issue", kwargs={"number": order.number}),
        {"vat_rate": "zw", "exemption_basis": "", "sale_date": "2026-12-01"},
    )
    assert response.status_code == 200
    assert not Invoice.objects.filter(order=order).exists()


def test_only_the_orders_pes_and_the_rops_reach_issue_and_downloads(pes):
    order = invoiced_order(pes)
    invoice = services.issue_invoice(order, exemption_basis=DEFAULT_EXEMPTION_BASIS)
    urls = [
        reverse("invoices-dashboard:issue", kwargs={"number": order.number}),
        reverse("invoices-dashboard:download", kwargs={"pk": invoice.pk, "kind": "pdf"}),
        reverse("invoices-dashboard:download", kwargs={"pk": invoice.pk, "kind": "xml"}),
    ]
    another_pes = PesUserFactory(partners=[PartnerFactory()])
    buyer = BuyerUserFactory()
    customer = UserFactory()
    for stranger in (another_pes, buyer, customer):
        client = logged_in(stranger)
        for url in urls:
            assert client.get(url).status_code in (403, 404), (stranger, url)
    for url in urls:
        response = Client().get(url)
        assert response.status_code == 302 and "login" in response["Location"]
    moderator = UserFactory(is_staff=True)
    moderator.groups.add(Group.objects.get_or_create(name=roles.ROPS_MODERATORS)[0])
    superuser = UserFactory(is_staff=True, is_superuser=True)
    for allowed in (PesUserFactory(partners=[pes]), moderator, superuser):
        client = logged_in(allowed)
        for url in urls:
            assert client.get(url).status_code == 200, (allowed, url)


def test_private_files_are_not_under_media(pes):
    invoice = services.issue_invoice(invoiced_order(pes), exemption_basis=DEFAULT_EXEMPTION_BASIS)
    assert Client().get(f"/media/{invoice.pdf.name}").status_code == 404


def test_ksef_sending_is_refused_while_switched_off(pes, settings):
    settings.KSEF_ENABLED = False
    invoice = services.issue_invoice(invoiced_order(pes), exemption_basis=DEFAULT_EXEMPTION_BASIS)
    KsefCredentials.objects.create(partner=pes, token="token-testowy")
    with pytest.raises(ksef.KsefError):
        ksef.queue(invoice)
    client = logged_in(PesUserFactory(partners=[pes]))
    response = client.post(
        reverse("invoices-dashboard:ksef", kwargs={"pk": invoice.pk}), follow=True
    )
    assert response.status_code == 200
    invoice.refresh_from_db()
    assert invoice.ksef_status == KsefStatus.NOT_SENT


def test_ksef_needs_the_pes_token_when_switched_on(pes, settings):
    settings.KSEF_ENABLED = True
    invoice = services.issue_invoice(invoiced_order(pes), exemption_basis=DEFAULT_EXEMPTION_BASIS)
    with pytest.raises(ksef.KsefError):
        ksef.queue(invoice)
    invoice.refresh_from_db()
    assert invoice.ksef_status == KsefStatus.NOT_SENT


def test_ksef_task_records_a_failure_without_reaching_the_network(pes, settings):
    """KSeF "answers" on a closed local port: the task gives up (the immediate test backend
    cannot wait for a retry) and the error is recorded for the PES to see."""
    settings.KSEF_ENABLED = True
    settings.KSEF_BASE_URL = "http://127.0.0.1:9"  # discard port: connection refused
    invoice = services.issue_invoice(invoiced_order(pes), exemption_basis=DEFAULT_EXEMPTION_BASIS)
    KsefCredentials.objects.create(partner=pes, token="token-testowy")
    Invoice.objects.filter(pk=invoice.pk).update(ksef_status=KsefStatus.QUEUED)
    assert ksef.send_invoice.call(invoice.pk) == "failed"
    invoice.refresh_from_db()
    assert invoice.ksef_status == KsefStatus.FAILED
    assert invoice.ksef_error


def test_the_ksef_token_page_saves_and_never_shows_the_token(pes):
    client = logged_in(PesUserFactory(partners=[pes]))
    url = reverse("invoices-dashboard:ksef-token")
    assert client.get(url).status_code == 200
    assert client.post(url, {"token": "sekretny-token-123"}).status_code == 303
    assert KsefCredentials.objects.get(partner=pes).token == "sekretny-token-123"
    assert "sekretny-token-123" not in client.get(url).content.decode()


# Two issues at the same moment (PostgreSQL only) -----------------------------------------
@pytest.fixture
def committed_order():
    """An order asking for an invoice, committed on its own connection (other connections must
    see it) and removed after the test; transactional_db would empty the demo's tables.
    PostgreSQL only: SQLite's BEGIN IMMEDIATE serialises whole transactions anyway."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL row locks (run with DATABASE_URL=postgres://…)")

    def make() -> tuple[int, int]:
        partner = PartnerFactory(nip=valid_nip(951), city="Kielce")
        return invoiced_order(partner).pk, partner.pk

    order_pk, partner_pk = in_own_thread(make)
    yield order_pk

    def clean() -> None:
        Invoice.objects.filter(order_id=order_pk).delete()
        order = Order.objects.get(pk=order_pk)
        products = [line.product_id for line in order.lines.all()]
        basket_id = order.basket_id
        order.delete()
        get_model("catalogue", "Product").objects.filter(pk__in=products).delete()
        get_model("basket", "Basket").objects.filter(pk=basket_id).delete()
        partner = get_model("partner", "Partner").objects.get(pk=partner_pk)
        powiat = partner.powiat
        partner.delete()
        if powiat is not None:  # PartnerFactory's own powiat: the demo counts the region's
            powiat.delete()

    in_own_thread(clean)


def test_two_issues_at_once_make_one_invoice(committed_order):
    """Two clerks press "Issue" together, each on its own connection: the partner row's lock
    lets one through; the other waits, then finds the invoice and is refused."""
    start = threading.Barrier(2)

    def issue() -> str:
        try:
            start.wait(timeout=30)
            services.issue_invoice(Order.objects.get(pk=committed_order))
            return "issued"
        except services.InvoiceError:
            return "refused"
        finally:
            connections.close_all()

    outcomes: list[str] = []
    threads = [threading.Thread(target=lambda: outcomes.append(issue())) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(outcomes) == ["issued", "refused"]
    assert in_own_thread(lambda: Invoice.objects.filter(order_id=committed_order).count()) == 1
