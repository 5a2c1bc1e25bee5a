"""Deterministic, checksum-valid (but fictional) identifiers for the demo PES, and the demo
accounts' password."""

from __future__ import annotations

from stdnum import iban
from stdnum.pl import nip, regon

DEMO_PASSWORD = "demo-es-2026"  # noqa: S105 (the demo accounts' published password)


def demo_nip(number: int) -> str:
    """A valid NIP: try last digits until the checksum holds (some prefixes have none)."""
    for prefix in range(657, 700):
        base = f"{prefix:03d}{number:06d}"
        for digit in "0123456789":
            if nip.is_valid(base + digit):
                return base + digit
    raise ValueError(number)


def demo_regon(number: int) -> str:
    base = f"26{number:06d}"
    return base + regon.calc_check_digit(base)


def demo_krs(number: int) -> str:
    return f"{700000 + number:010d}"


def demo_iban(number: int) -> str:
    bban = f"10901014{number:016d}"
    return "PL" + iban.calc_check_digits("PL00" + bban) + bban
