"""The PES profile: identifiers with real checksums, the art. 94 share, status PS."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from marketplace.identifiers import validate_iban, validate_krs, validate_nip, validate_regon
from tests.factories import PartnerFactory

# Real, published numbers (the Polish Ministry of Finance's NIP and REGON, a bank's test IBAN).
VALID = {
    validate_nip: ["5260250274", "526-025-02-74"],
    validate_regon: ["000002217", "12345678512347"],
    validate_krs: ["0000012345"],
    validate_iban: ["PL61109010140000071219812874", "61 1090 1014 0000 0712 1981 2874"],
}
ALTERED = {
    validate_nip: ["5260250275", "526025027", "abcdefghij"],
    validate_regon: ["000002218", "1234567851234"],
    validate_krs: ["12345", "00000123456", "000001234a"],
    validate_iban: ["PL61109010140000071219812875", "DE89370400440532013000", ""],
}


@pytest.mark.parametrize("validator, value", [(v, x) for v, xs in VALID.items() for x in xs])
def test_real_numbers_are_accepted(validator, value):
    validator(value)


@pytest.mark.parametrize("validator, value", [(v, x) for v, xs in ALTERED.items() for x in xs])
def test_altered_numbers_are_refused(validator, value):
    with pytest.raises(ValidationError):
        validator(value)


def _message(language: str) -> str:
    with translation.override(language):
        with pytest.raises(ValidationError) as error:
            validate_nip("5260250275")
        return str(error.value.messages[0])  # lazy: render inside the language


def test_messages_follow_the_active_language():
    assert _message("pl").startswith("Podaj poprawny NIP")
    assert _message("en").startswith("Enter a valid NIP")


@pytest.mark.django_db
def test_a_wrong_nip_or_iban_saves_nothing():
    partner = PartnerFactory.build(nip="5260250275", iban="PL61109010140000071219812875")
    with pytest.raises(ValidationError) as error:
        partner.full_clean()
    assert {"nip", "iban"} <= set(error.value.message_dict)


@pytest.mark.django_db
def test_numbers_are_stored_compact():
    partner = PartnerFactory(nip="526-025-02-74", iban="61 1090 1014 0000 0712 1981 2874")
    partner.refresh_from_db()
    assert partner.nip == "5260250274"
    assert partner.iban == "PL61109010140000071219812874"


@pytest.mark.parametrize(
    "total, at_risk, share, eligible",
    [
        (10, 3, "30.0", True),
        (10, 2, "20.0", False),
        (3, 1, "33.3", True),
        (0, 0, None, False),
        (2000, 599, "29.9", False),  # 29.95%: not 30%, shown rounded down
    ],
)
def test_art_94_share_is_computed(total, at_risk, share, eligible):
    partner = PartnerFactory.build(employees_total=total, employees_at_risk=at_risk)
    assert (str(partner.at_risk_share) if partner.at_risk_share is not None else None) == share
    assert partner.art_94_eligible is eligible


@pytest.mark.django_db
def test_more_at_risk_than_employed_is_refused():
    partner = PartnerFactory.build(employees_total=3, employees_at_risk=5)
    with pytest.raises(ValidationError) as error:
        partner.full_clean()
    assert "employees_at_risk" in error.value.message_dict


@pytest.mark.django_db
def test_ps_status_needs_number_and_date():
    partner = PartnerFactory.build(ps_decision_number="PS.1/2025")
    with pytest.raises(ValidationError):
        partner.full_clean()
    assert not partner.is_social_enterprise


def test_every_demo_pes_has_a_valid_profile(demo):
    from oscar.core.loading import get_model

    partners = get_model("partner", "Partner").objects.all()
    for partner in partners:
        partner.full_clean()
        assert partner.nip and partner.regon and partner.iban
    assert any(p.is_social_enterprise for p in partners)
    assert any(p.art_94_eligible for p in partners)


def test_product_page_links_to_the_pes_profile(demo, client):
    """The product page names who makes it and leads to its entry in the PES database."""
    from django.urls import reverse
    from oscar.core.loading import get_model

    record = (
        get_model("partner", "StockRecord")
        .objects.filter(partner__listed_in_directory=True, product__is_public=True)
        .select_related("partner", "product")
        .first()
    )
    page = client.get(record.product.get_absolute_url()).content.decode()
    assert f'href="{reverse("directory:detail", args=[record.partner.code])}"' in page
