"""Polish identifiers of a PES (NIP, REGON, KRS) and its bank account, validated by python-stdnum.

Validators raise Django's ValidationError with a translatable message, so forms show it in the
user's language; values are stored compact (digits only, IBAN without spaces).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum import iban as stdnum_iban
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.pl import nip as stdnum_nip
from stdnum.pl import regon as stdnum_regon


def validate_nip(value: str) -> None:
    try:
        stdnum_nip.validate(value)
    except StdnumError:
        raise ValidationError(
            _("Enter a valid NIP (10 digits with a correct checksum)."), code="nip"
        ) from None


def validate_regon(value: str) -> None:
    try:
        stdnum_regon.validate(value)
    except StdnumError:
        raise ValidationError(
            _("Enter a valid REGON (9 or 14 digits with a correct checksum)."), code="regon"
        ) from None


def validate_krs(value: str) -> None:
    """KRS numbers have no checksum: ten digits, leading zeros included."""
    if not (value.isdigit() and len(value) == 10):
        raise ValidationError(_("Enter a valid KRS number (10 digits)."), code="krs")


def validate_iban(value: str) -> None:
    """A Polish account number, with or without the PL prefix and spaces."""
    compact = stdnum_iban.compact(value if value[:2].isalpha() else f"PL{value}")
    try:
        stdnum_iban.validate(compact)
    except StdnumError:
        raise ValidationError(_("Enter a valid bank account number (IBAN)."), code="iban") from None
    if not compact.startswith("PL"):
        raise ValidationError(_("Enter a Polish bank account number (PL…)."), code="iban")


def compact_nip(value: str) -> str:
    return stdnum_nip.compact(value)


def compact_regon(value: str) -> str:
    return stdnum_regon.compact(value)


def compact_iban(value: str) -> str:
    return stdnum_iban.compact(value if value[:2].isalpha() else f"PL{value}")


def format_iban(value: str) -> str:
    """Groups of four characters, the way the buyer types it into a bank transfer."""
    return stdnum_iban.format(compact_iban(value))
