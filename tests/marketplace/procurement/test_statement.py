"""The social-value statement on a hand-built set of orders, its downloads, who may see it,
its query budget, and the public ranking (opted-in buyers only)."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from oscar.core.loading import get_model

from marketplace.invoices.services import invoice_fields_for_buyer
from marketplace.procurement import statement
from marketplace.quotes import services as quote_services
from portal.organisations import roles
from tests.factories import (
    ActivityFieldFactory,
    BuyerFactory,
    BuyerUserFactory,
    NoticeFactory,
    PartnerFactory,
    PowiatFactory,
    UserFactory,
    certificate,
    create_pes_order,
)
from tests.helpers.clock import warsaw
from tests.helpers.html import VNU, nu_errors

Order = get_model("order", "Order")
pytestmark = pytest.mark.django_db
YEAR_2026 = {"year": "2026"}


@pytest.fixture(autouse=True)
def _polish():
    with translation.override("pl"):
        yield


def order_for(buyer, partner, total: str, when, *, status: str = "new", nip: str | None = None):
    order = create_pes_order(
        partner,
        guest_email="zakupy@gmina.example.org",
        invoice_requested=True,
        invoice_nip=nip or buyer.nip,
        invoice_name=buyer.name,
        invoice_address=buyer.address,
    )
    Order.objects.filter(pk=order.pk).update(
        total_incl_tax=Decimal(total), date_placed=when, status=status
    )
    return Order.objects.get(pk=order.pk)


@pytest.fixture
def world():
    kielce = PowiatFactory(code="kielce-test", name="Kielce")
    busko = PowiatFactory(code="busko-test", name="buski")
    catering = ActivityFieldFactory(name="Gastronomia", slug="gastronomia-test")
    cleaning = ActivityFieldFactory(name="Sprzątanie", slug="sprzatanie-test")
    ps = PartnerFactory(
        name="Spółdzielnia PS",
        powiat=kielce,
        ps_decision_number="PS/7/2025",
        ps_decision_date=date(2025, 6, 1),
    )
    ps.activity_fields.set([catering, cleaning])
    certificate(ps, [], number="ZP/2026/0901", issued_on=date(2026, 3, 1))
    art94 = PartnerFactory(
        name="Zakład Art94", powiat=busko, employees_total=10, employees_at_risk=3
    )
    art94.activity_fields.set([catering])
    buyer = BuyerFactory(name="Gmina Raportowa", slug="gmina-raportowa", in_public_ranking=True)
    other = BuyerFactory(name="Gmina Obca", slug="gmina-obca", in_public_ranking=False)
    certified_order = order_for(buyer, ps, "100.00", warsaw(2026, 3, 10, 9))
    order_for(buyer, ps, "50.00", warsaw(2026, 2, 10, 9))  # before the certificate
    award = order_for(buyer, art94, "30.00", warsaw(2026, 5, 5, 9))
    NoticeFactory(buyer=buyer, order=award)
    order_for(buyer, art94, "1000.00", warsaw(2026, 6, 1, 9), status="cancelled")
    order_for(other, ps, "700.00", warsaw(2026, 4, 1, 9))
    order_for(buyer, ps, "400.00", warsaw(2025, 12, 31, 23, 30))  # 2025 in Poland
    return {
        "buyer": buyer,
        "other": other,
        "ps": ps,
        "art94": art94,
        "certified_order": certified_order,
    }


def test_statement_figures_on_a_hand_built_set(world):
    result = statement.compute(world["buyer"], statement.Period.year(2026))
    assert result.total == Decimal("180.00")
    assert result.partner_count == 2
    assert len(result.rows) == 3
    assert (result.certified.value, result.certified.percent) == (
        Decimal("100.00"),
        Decimal("55.6"),
    )
    assert (result.social_enterprise.value, result.social_enterprise.percent) == (
        Decimal("150.00"),
        Decimal("83.3"),
    )
    assert (result.art_94.value, result.art_94.percent) == (Decimal("30.00"), Decimal("16.7"))
    sources = {share.label: share.value for share in result.by_source}
    assert list(sources.values()) == [Decimal("150.00"), Decimal("0.00"), Decimal("30.00")]
    assert {s.label: s.value for s in result.by_powiat} == {
        "Kielce": Decimal("150.00"),
        "buski": Decimal("30.00"),
    }
    # a PES with two fields counts in both
    assert {s.label: s.value for s in result.by_field} == {
        "Gastronomia": Decimal("180.00"),
        "Sprzątanie": Decimal("150.00"),
    }


def test_a_range_of_dates_and_the_last_evening_of_a_year(world):
    result = statement.compute(
        world["buyer"], statement.Period(date(2025, 12, 31), date(2026, 2, 28))
    )
    assert result.total == Decimal("450.00")  # 23:30 in Warsaw on 31 December counts in 2025


def test_buyer_staff_see_their_statement_and_not_another_buyers(world):
    member = BuyerUserFactory(buyer=world["buyer"])
    client = Client()
    client.force_login(member)
    url = reverse("procurement-statement:statement")
    page = client.get(url, YEAR_2026)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Gmina Raportowa" in html and "180,00" in html
    assert client.get(url, {"buyer": "gmina-obca", **YEAR_2026}).status_code == 404
    assert (
        client.get(reverse("procurement-statement:csv"), {"buyer": "gmina-obca"}).status_code == 404
    )
    assert (
        client.get(reverse("procurement-statement:pdf"), {"buyer": "gmina-obca"}).status_code == 404
    )
    anonymous = Client().get(url)
    assert anonymous.status_code == 302 and "login" in anonymous["Location"]


def test_the_rops_opens_any_buyers_statement(world):
    moderator = UserFactory()
    moderator.groups.add(Group.objects.get_or_create(name=roles.ROPS_MODERATORS)[0])
    client = Client()
    client.force_login(moderator)
    url = reverse("procurement-statement:statement")
    choose = client.get(url)
    assert choose.status_code == 200 and "gmina-obca" in choose.content.decode()
    page = client.get(url, {"buyer": "gmina-obca", **YEAR_2026})
    assert page.status_code == 200 and "700,00" in page.content.decode()


def test_bad_period_says_why_and_shows_the_current_year(world):
    client = Client()
    client.force_login(BuyerUserFactory(buyer=world["buyer"]))
    url = reverse("procurement-statement:statement")
    for query in (
        {"year": "abc"},
        {"year": "1800"},
        {"date_from": "2026-05-01"},
        {"date_from": "2026-05-01", "date_to": "2026-01-01"},
        {"date_from": "2026-01-01", "date_to": "9999-12-31"},
    ):
        response = client.get(url, query)
        assert response.status_code == 200, query
        assert response.context["form"].errors, query


def test_csv_has_the_figures_and_defuses_formulas(world):
    buyer = world["buyer"]
    world["ps"].name = '=HYPERLINK("http://zly.example")'
    world["ps"].save()
    client = Client()
    client.force_login(BuyerUserFactory(buyer=buyer))
    response = client.get(reverse("procurement-statement:csv"), {"buyer": buyer.slug, **YEAR_2026})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    cells = [cell for row in rows for cell in row]
    assert "180.00" in cells
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)
    assert '\'=HYPERLINK("http://zly.example")' in cells


def test_pdf_download(world):
    client = Client()
    client.force_login(BuyerUserFactory(buyer=world["buyer"]))
    response = client.get(reverse("procurement-statement:pdf"), YEAR_2026)
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def count_queries(client, url: str, query: dict) -> int:
    """Queries one request makes (counted by a wrapper: the request's start empties
    connection.queries, so a slice of it would count nothing)."""
    count = 0

    def counter(execute, sql, params, many, context):
        nonlocal count
        count += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counter):
        assert client.get(url, query).status_code == 200
    return count


def test_statement_queries_do_not_grow_with_orders(world):
    buyer = world["buyer"]
    client = Client()
    client.force_login(BuyerUserFactory(buyer=buyer))
    url = reverse("procurement-statement:statement")
    client.get(url, YEAR_2026)  # warm the session and caches
    few = count_queries(client, url, YEAR_2026)
    assert few <= 16  # session, user, memberships, buyer, orders, sellers, fields, certificates…
    for day in range(1, 16):
        seller = PartnerFactory()  # new sellers too: a query per PES would show
        seller.activity_fields.set(world["ps"].activity_fields.all())
        certificate(seller, [], number=f"ZP/2026/08{day:02d}", issued_on=date(2026, 3, 1))
        order_for(buyer, seller, "10.00", warsaw(2026, 7, day, 9))
    client.get(url, YEAR_2026)  # saving orders emptied the site cache: warm it again
    assert count_queries(client, url, YEAR_2026) <= few


def test_ranking_shows_only_buyers_who_opted_in(world):
    response = Client().get(reverse("procurement-statement:ranking"), YEAR_2026)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Gmina Raportowa" in html and "180,00" in html
    assert "55,6%" in html or "55.6%" in html
    assert "Gmina Obca" not in html and "700,00" not in html
    entries = statement.ranking(2026)
    # the demo's buyers may be listed too: only ones who opted in, and ours with its figures
    assert all(entry.buyer.in_public_ranking for entry in entries)
    ours = [e for e in entries if e.buyer.pk == world["buyer"].pk]
    assert [(e.total, e.partner_count, e.certified_percent) for e in ours] == [
        (Decimal("180.00"), 2, Decimal("55.6"))
    ]
    assert world["other"].pk not in {entry.buyer.pk for entry in entries}


@pytest.mark.skipif(not VNU.exists(), reason="the Nu HTML checker (npm vnu-jar) is not installed")
def test_statement_and_ranking_pages_are_valid_html(world, tmp_path):
    client = Client()
    client.force_login(BuyerUserFactory(buyer=world["buyer"]))
    pages = {
        "statement": client.get(reverse("procurement-statement:statement"), YEAR_2026).content,
        "ranking": Client().get(reverse("procurement-statement:ranking"), YEAR_2026).content,
    }
    assert nu_errors(pages, tmp_path) == []


def test_an_accepted_quote_counts_as_a_quote(world):
    buyer = world["buyer"]
    quote_request = quote_services.create_request(
        partners=[world["art94"]],
        subject="Sprzątanie świetlicy",
        description="Raz w tygodniu.",
        location="Kielce",
        contact_name="Anna Kowalska",
        email="zakupy@gmina.example.org",
        consent=True,
    )
    quote = quote_request.quotes.get()
    quote_services.answer_quote(
        quote,
        price=Decimal("20.00"),
        terms="Co tydzień.",
        valid_until=timezone.localdate() + timedelta(days=5),
    )
    outcome = quote_services.accept_quote(
        quote_request, quote.pk, invoice=invoice_fields_for_buyer(buyer)
    )
    Order.objects.filter(pk=outcome.order.pk).update(date_placed=warsaw(2026, 8, 1, 12))
    result = statement.compute(buyer, statement.Period.year(2026))
    assert result.total == Decimal("200.00")
    assert [share.value for share in result.by_source] == [
        Decimal("150.00"),
        Decimal("20.00"),
        Decimal("30.00"),
    ]


NASTY = [
    "",
    "0",
    "-1",
    "9999",
    "10000",
    "9999-12-31",
    "0001-01-01",
    "abc",
    "²",
    "١٢",
    "2026-02-30",
    "' OR 1=1 --",
    "\x00",
    "x" * 300,
]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    year=st.sampled_from(NASTY) | st.text(max_size=12),
    date_from=st.sampled_from(NASTY) | st.text(max_size=12),
    date_to=st.sampled_from(NASTY) | st.text(max_size=12),
    buyer=st.sampled_from(["gmina-raportowa", "", "gmina-obca", "x" * 300]),
)
def test_no_parameter_makes_a_server_error(world, year, date_from, date_to, buyer):
    client = Client()
    client.force_login(BuyerUserFactory(buyer=world["buyer"]))
    query = {"year": year, "date_from": date_from, "date_to": date_to, "buyer": buyer}
    query = {key: value.replace("\x00", "") for key, value in query.items()}
    for name in ("statement", "csv", "pdf"):
        assert client.get(reverse(f"procurement-statement:{name}"), query).status_code in (200, 404)
    assert Client().get(reverse("procurement-statement:ranking"), {"year": year}).status_code == 200


def test_statement_and_ranking_answer_in_english(world):
    client = Client()
    client.force_login(BuyerUserFactory(buyer=world["buyer"]))
    with translation.override("en"):
        statement_url = reverse("procurement-statement:statement")
        ranking_url = reverse("procurement-statement:ranking")
    assert statement_url.startswith("/en/")
    page = client.get(statement_url, YEAR_2026)
    assert page.status_code == 200 and "Social-value statement" in page.content.decode()
    ranking = Client().get(ranking_url, YEAR_2026)
    assert (
        ranking.status_code == 200 and "Ranking of social buyers 2026" in ranking.content.decode()
    )
