"""Certificate numbers in URLs: ZP-2026-0001 (one segment) or ZP/2026/0001, both accepted."""

from __future__ import annotations

from .models import normalise_number, number_slug


class CertificateNumberConverter:
    regex = r"[A-Za-z]{2}[/-][0-9]{4}[/-][0-9]{1,6}"

    def to_python(self, value: str) -> str:
        number = normalise_number(value)
        if number is None:  # cannot happen with the regex above; be explicit anyway
            raise ValueError(value)
        return number

    def to_url(self, value: str) -> str:
        return number_slug(value)
