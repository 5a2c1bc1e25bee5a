"""Certificates "Zakup Prospołeczny" on chosen dates."""

from __future__ import annotations

from datetime import date

from marketplace.certificates.models import Certificate


def certificate(
    holder: object,
    products: list,
    *,
    number: str = "ZP/2026/0001",
    issued_on: date = date(2026, 1, 15),
    revoked_on: date | None = None,
    reason: str = "",
) -> Certificate:
    """A certificate of `holder` for `products`, valid for the usual term from `issued_on`."""
    made = Certificate.objects.create(
        number=number,
        holder=holder,
        issued_on=issued_on,
        valid_until=Certificate.last_valid_day(issued_on),
        revoked_on=revoked_on,
        revocation_reason=reason,
    )
    made.products.set(products)
    return made
