"""A certificate's state is derived from its dates, in Europe/Warsaw, at read time."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from marketplace.certificates.models import (
    Certificate,
    CertificateState,
    normalise_number,
    six_months_before,
    today_in_poland,
)
from tests.factories import certificate, pes_with_products
from tests.helpers.clock import clock

ISSUED = date(2026, 1, 15)
LAST = date(2027, 1, 14)


def _unsaved(**fields) -> Certificate:
    return Certificate(
        number="ZP/2026/0001",
        issued_on=fields.pop("issued_on", ISSUED),
        valid_until=fields.pop("valid_until", LAST),
        **fields,
    )


def test_one_year_ends_the_day_before_the_anniversary():
    assert Certificate.last_valid_day(ISSUED) == LAST
    assert Certificate.last_valid_day(date(2028, 2, 29)) == date(2029, 2, 28)
    assert Certificate.last_valid_day(date(2026, 3, 1)) == date(2027, 2, 28)


@pytest.mark.parametrize(
    "day, state",
    [
        (ISSUED - timedelta(days=1), CertificateState.NOT_YET),
        (ISSUED, CertificateState.VALID),
        (LAST - timedelta(days=30), CertificateState.VALID),
        (LAST - timedelta(days=29), CertificateState.EXPIRING),
        (LAST, CertificateState.EXPIRING),  # the last valid day is still valid
        (LAST + timedelta(days=1), CertificateState.EXPIRED),
    ],
)
def test_state_at_the_edges(day, state):
    assert _unsaved().state(day) == state
    assert _unsaved().is_valid(day) is (state in {"valid", "expiring"})


def test_revoked_today_is_revoked_today_not_yesterday():
    revoked = _unsaved(revoked_on=date(2026, 6, 1))
    assert revoked.state(date(2026, 5, 31)) == CertificateState.VALID
    assert revoked.state(date(2026, 6, 1)) == CertificateState.REVOKED
    assert not revoked.is_valid(date(2026, 6, 1))


def test_today_is_the_polish_day_not_the_utc_one():
    """At 00:30 in Warsaw on 15 January it is still 14 January in UTC."""
    with clock(LAST + timedelta(days=1), time(0, 30)):
        assert today_in_poland() == LAST + timedelta(days=1)
        assert _unsaved().state() == CertificateState.EXPIRED
    with clock(LAST, time(23, 59)):
        assert _unsaved().state() == CertificateState.EXPIRING


@pytest.mark.usefixtures("no_certificates")
def test_valid_on_matches_state():
    partner, products = pes_with_products("Pasieka")
    live = certificate(partner, products, number="ZP/2026/0001")
    certificate(partner, products, number="ZP/2026/0002", revoked_on=date(2026, 3, 1))
    certificate(partner, products, number="ZP/2025/0001", issued_on=date(2025, 1, 10))
    assert list(Certificate.objects.valid_on(date(2026, 3, 1))) == [live]
    assert set(Certificate.objects.valid_on(date(2026, 1, 9)).values_list("number", flat=True)) == {
        "ZP/2025/0001"
    }
    assert not Certificate.objects.valid_on(LAST + timedelta(days=1)).exists()
    with clock(LAST):
        assert list(Certificate.objects.valid_on()) == [live]


@pytest.mark.parametrize(
    "written, stored",
    [
        ("ZP/2026/0001", "ZP/2026/0001"),
        ("zp-2026-0001", "ZP/2026/0001"),
        ("ZP-2026-12", "ZP/2026/0012"),
        ("ZP/26/0001", None),
        ("<script>", None),
        ("", None),
    ],
)
def test_numbers_in_both_spellings(written, stored):
    assert normalise_number(written) == stored


def test_six_months_before():
    assert six_months_before(date(2026, 11, 22)) == date(2026, 5, 22)
    assert six_months_before(date(2026, 8, 31)) == date(2026, 2, 28)
    assert six_months_before(date(2026, 3, 15)) == date(2025, 9, 15)
