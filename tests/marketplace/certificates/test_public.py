"""Public pages: verification (valid, expiring, expired, revoked, unknown, malformed), QR, PDF,
the register, and badges that follow the certificate's dates through the page cache."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date, time, timedelta

import pytest
import segno
from django.urls import reverse

from marketplace.certificates.models import Certificate
from marketplace.certificates.qr import make_qr
from tests.factories import certificate, pes_with_products
from tests.helpers.clock import clock

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_certificates")]

ISSUED = date(2026, 1, 15)
LAST = date(2027, 1, 14)
TODAY = date(2026, 6, 1)


@pytest.fixture
def holder():
    return pes_with_products("Pasieka Testowa")


@pytest.fixture
def valid(holder):
    partner, products = holder
    return certificate(partner, products, number="ZP/2026/0001")


def test_urls_use_one_segment_and_accept_slashes(valid, client):
    assert valid.get_absolute_url() == "/certyfikat/ZP-2026-0001/"
    assert reverse("certificates:qr", kwargs={"number": valid.number}).endswith("/qr.svg")
    with clock(TODAY):
        for path in [
            "/certyfikat/ZP-2026-0001/",
            "/certyfikat/ZP/2026/0001/",
            "/en/certyfikat/zp-2026-1/",
        ]:
            response = client.get(path)
            assert response.status_code == 200, path
            assert "ZP/2026/0001" in response.content.decode()
        assert client.get("/certyfikat/ZP-2026-0001").status_code in (301, 302)


def test_valid_certificate_says_valid_for_what_and_until_when(valid, holder, client):
    with clock(TODAY):
        page = client.get("/en/certyfikat/ZP-2026-0001/").content.decode()
    assert "Valid." in page
    assert "14 January 2027" in page
    assert "Pasieka Testowa" in page
    for product in holder[1]:
        assert product.title in page


def test_expiring_certificate(valid, client):
    with clock(LAST - timedelta(days=5)):
        page = client.get("/en/certyfikat/ZP-2026-0001/").content.decode()
    assert "expiring soon" in page


def test_expired_certificate(valid, client):
    with clock(LAST + timedelta(days=1)):
        response = client.get("/en/certyfikat/ZP-2026-0001/")
    assert response.status_code == 200
    assert "Not valid: expired." in response.content.decode()
    assert "14 January 2027" in response.content.decode()


def test_revoked_certificate_gives_the_reason(holder, client):
    partner, products = holder
    certificate(
        partner, products, number="ZP/2026/0002", revoked_on=TODAY, reason="Przychody poniżej 30%"
    )
    with clock(TODAY):
        page = client.get("/en/certyfikat/ZP-2026-0002/").content.decode()
    assert "Not valid: revoked" in page
    assert "Przychody poniżej 30%" in page


@pytest.mark.parametrize(
    "path, text",
    [
        ("/en/certyfikat/ZP-2026-0999/", "there is no Zakup Prospołeczny certificate numbered"),
        ("/en/certyfikat/ZP/2026/0999/", "ZP/2026/0999"),
        ("/en/certyfikat/nonsense/", "is not a certificate number"),
        ("/en/certyfikat/ZP-20-1/", "is not a certificate number"),
        ("/en/certyfikat/%3Cscript%3Ealert(1)/", "&lt;script&gt;alert(1)"),
        ("/en/certyfikat/ZP-2026-0999/qr.svg", "Not Found"),
    ],
)
def test_unknown_and_malformed_numbers_are_a_clear_404(client, path, text):
    response = client.get(path)
    assert response.status_code == 404
    if "qr.svg" not in path:
        page = response.content.decode()
        assert text in page
        assert "<script>alert" not in page


def test_qr_code_is_the_verification_url(valid, client):
    """No QR decoder is installed: we read the module matrix back from the SVG path and compare
    it with segno's matrix for the absolute verification URL."""
    response = client.get("/certyfikat/ZP-2026-0001/qr.svg")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    url = "http://testserver/certyfikat/ZP-2026-0001/"
    expected = [list(map(bool, row)) for row in segno.make(url, error="m", micro=False).matrix]
    assert expected == [list(map(bool, row)) for row in make_qr(url).matrix]
    assert _matrix_from_svg(response.content, len(expected)) == expected


def _matrix_from_svg(svg: bytes, size: int) -> list[list[bool]]:
    """Rebuild the dark modules from segno's path: in module units (the scale is a transform),
    each row a run of horizontal strokes at y = row + 0.5, after a 4-module border."""
    root = ET.fromstring(svg)
    path = next(el for el in root.iter() if el.tag.endswith("path"))
    border = 4
    matrix = [[False] * size for _ in range(size)]
    x = y = 0.0
    for command, a, b in re.findall(
        r"([MmHh])(-?\d+(?:\.\d+)?)(?:[ ,](-?\d+(?:\.\d+)?))?", path.get("d")
    ):
        value = float(a)
        if command == "M":
            x, y = value, float(b)
        elif command == "m":
            x, y = x + value, y + float(b)
        else:
            end = value if command == "H" else x + value
            row = int(y) - border
            for col in range(round(x) - border, round(end) - border):
                matrix[row][col] = True
            x = end
    return matrix


def test_pdf_is_a_pdf_with_the_number(valid, client):
    response = client.get("/certyfikat/ZP-2026-0001/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert b"ZP/2026/0001" in response.content
    assert b"DejaVuSans" in response.content or b"Helvetica" in response.content


def test_register_lists_only_valid_certificates(holder, client):
    partner, products = holder
    certificate(partner, products, number="ZP/2026/0001")
    certificate(partner, products, number="ZP/2026/0002", revoked_on=TODAY, reason="x")
    certificate(partner, products, number="ZP/2024/0003", issued_on=date(2024, 5, 1))
    with clock(TODAY):
        page = client.get("/en/certyfikat/").content.decode()
    assert "ZP/2026/0001" in page
    assert "ZP/2026/0002" not in page
    assert "ZP/2024/0003" not in page


def _warm(client, products) -> None:
    """The first requests make thumbnails (a write that renews the cache); bound what follows."""
    client.get("/sklep/catalogue/")
    for product in products:
        client.get(product.get_absolute_url())


def _badges(html: str) -> int:
    return html.count('class="badge-zp"')


def test_badge_disappears_at_midnight_through_the_page_cache(valid, holder, client, settings):
    """The catalogue (page-cached, cards fragment-cached) shows the badge on the last valid day
    and not a minute after midnight, although nothing was saved in between."""
    settings.PAGE_CACHE_SECONDS = 600
    _partner, products = holder
    _warm(client, products)
    with clock(LAST, time(23, 55)):
        first = client.get("/sklep/catalogue/")
        assert _badges(first.content.decode()) == len(products)
        assert client.get("/sklep/catalogue/")["X-Page-Cache"] == "hit"
        page = client.get(products[0].get_absolute_url()).content.decode()
        assert _badges(page) == 1
        assert reverse("certificates:detail", kwargs={"number": valid.number}) in page
    with clock(LAST + timedelta(days=1), time(0, 1)):
        after = client.get("/sklep/catalogue/")
        assert after["X-Page-Cache"] == "miss"
        assert _badges(after.content.decode()) == 0
        assert _badges(client.get(products[0].get_absolute_url()).content.decode()) == 0


def test_badge_only_on_covered_products(holder, client):
    partner, products = holder
    certificate(partner, products[:1], number="ZP/2026/0001")
    with clock(TODAY):
        assert _badges(client.get(products[0].get_absolute_url()).content.decode()) == 1
        assert _badges(client.get(products[1].get_absolute_url()).content.decode()) == 0


def test_granting_and_revoking_refresh_cached_pages(holder, client, settings):
    settings.PAGE_CACHE_SECONDS = 600
    partner, products = holder
    _warm(client, products)
    with clock(TODAY):
        assert _badges(client.get("/sklep/catalogue/").content.decode()) == 0
        assert client.get("/sklep/catalogue/")["X-Page-Cache"] == "hit"
        made = certificate(partner, products, number="ZP/2026/0001")
        assert _badges(client.get("/sklep/catalogue/").content.decode()) == 2
        made.revoke("Naruszenie zasad")
        assert _badges(client.get("/sklep/catalogue/").content.decode()) == 0
        assert Certificate.objects.get(pk=made.pk).revoked_on == TODAY


def test_badge_is_accessible_text(valid, holder, client):
    with clock(TODAY):
        page = client.get("/en" + holder[1][0].get_absolute_url()).content.decode()
    badge = re.search(r'<a class="badge-zp".*?</a>', page, re.S).group(0)
    assert "Zakup Prospołeczny" in badge
    assert 'class="visually-hidden"' in badge
    assert "ZP/2026/0001" in badge


def test_pdf_without_dejavu_falls_back_to_a_builtin_font(valid):
    """A host without fonts-dejavu still gets a readable PDF (Polish letters transliterated)."""
    from unittest import mock

    from marketplace.certificates.pdf import certificate_pdf

    with mock.patch("marketplace.certificates.pdf.FONT_DIRS", []):
        content = certificate_pdf(valid, "http://testserver/certyfikat/ZP-2026-0001/")
    assert content.startswith(b"%PDF")
    assert b"Helvetica" in content
    assert b"DejaVuSans" not in content
