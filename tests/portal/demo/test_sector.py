"""The demo's database-only PES: enough of them, everywhere, for the statistics to show data."""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path

import pytest
from oscar.core.loading import get_model
from stdnum.pl import nip, regon

from marketplace.certificates.models import Certificate
from marketplace.identifiers import validate_krs
from portal.demo import sector
from portal.demo.identifiers import demo_nip
from portal.demo.sector import CERTIFIED, SECTOR_PES, load_sector
from portal.organisations.models import Powiat
from portal.statistics.figures import tables

pytestmark = pytest.mark.usefixtures("demo")

Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")

CODES = [item.slug for item in SECTOR_PES]
BIG_POWIATS = {"kielce", "kielecki", "ostrowiecki", "starachowicki", "skarzyski"}


def snapshot() -> list[tuple]:
    rows = Partner.objects.filter(code__in=CODES).order_by("code")
    partners = [tuple(p[f] for f in sorted(p) if f not in {"id"}) for p in rows.values()]
    fields = list(
        rows.values_list("code", "activity_fields__slug").order_by("code", "activity_fields__slug")
    )
    certificates = list(
        Certificate.objects.filter(holder__code__in=CODES)
        .order_by("number")
        .values_list("number", "holder__code", "issued_on", "valid_until", "revoked_on")
    )
    return [*partners, *fields, *certificates, Partner.objects.count(), Certificate.objects.count()]


def test_loading_again_changes_nothing():
    before = snapshot()
    load_sector(io.StringIO().write)
    assert snapshot() == before
    assert Partner.objects.filter(code__in=CODES).count() == len(SECTOR_PES)


def test_they_do_not_sell():
    assert not StockRecord.objects.filter(partner__code__in=CODES).exists()


def test_every_powiat_has_five_listed_pes_and_the_big_ones_eight_to_twelve():
    listed = Counter(
        Partner.objects.filter(listed_in_directory=True).values_list("powiat__code", flat=True)
    )
    for powiat in Powiat.objects.filter(voivodeship="swietokrzyskie"):
        assert listed[powiat.code] >= 5, powiat.code
        if powiat.code in BIG_POWIATS:
            assert 8 <= listed[powiat.code] <= 12, powiat.code


def test_identifiers_are_valid_and_unique_across_the_demo():
    partners = list(Partner.objects.values("code", "nip", "regon", "krs", "iban"))
    buyers = list(
        get_model("procurement", "BuyerOrganisation").objects.values_list("nip", flat=True)
    )
    for partner in partners:
        if partner["code"] in CODES:
            assert nip.is_valid(partner["nip"]), partner
            assert regon.is_valid(partner["regon"]), partner
            if partner["krs"]:
                validate_krs(partner["krs"])
    nips = [p["nip"] for p in partners if p["nip"]] + buyers
    assert len(nips) == len(set(nips))
    for key in ("regon", "krs", "iban"):
        values = [p[key] for p in partners if p[key]]
        assert len(values) == len(set(values)), key


def test_supporting_owes_serves_the_powiat():
    for partner in Partner.objects.filter(code__in=CODES).select_related("owes", "powiat"):
        assert partner.powiat in partner.owes.powiats.all(), partner.code


def test_the_2025_figures_are_published():
    by_slug = {t.slug: t for t in tables(2025)}

    def figures(slug: str) -> dict[str, object]:
        return {row[0]: row[1] for row in by_slug[slug].rows}

    assert None not in figures("pes-by-powiat").values()
    forms = figures("pes-by-legal-form")
    assert sum(v is not None for v in forms.values()) >= len(forms) - 1
    founded = figures("pes-by-founding-year")
    assert [founded[str(y)] for y in range(2016, 2026)] == [
        v for v in (founded[str(y)] for y in range(2016, 2026)) if v is not None
    ]
    assert all(value is not None for value in figures("pes-status").values())
    certified = figures("certificates")
    assert certified["2024"] is not None and certified["2024"] >= 5
    assert certified["2025"] is not None and certified["2025"] >= 5


def test_certificate_holders_hold_one_at_each_year_end_and_today():
    from marketplace.certificates.models import today_in_poland

    today = today_in_poland()
    for day in (
        today.replace(year=today.year - 2, month=12, day=31),
        today.replace(year=today.year - 1, month=12, day=31),
        today,
    ):
        holders = set(Certificate.objects.valid_on(day).values_list("holder__code", flat=True))
        assert {code for code, _m, _d in CERTIFIED} <= holders, day
        assert len(holders) >= 5


def test_names_are_unique_and_leave_the_import_samples_new():
    """The import's samples and tests add PES of their own: none of them may be one of these."""
    names = [p.name for p in Partner.objects.all()]
    assert len(names) == len(set(names))
    ours = Partner.objects.filter(code__in=CODES)
    our_names = set(ours.values_list("name", flat=True))
    our_nips = set(ours.values_list("nip", flat=True))
    for sample in (Path(sector.__file__).parent / "samples").glob("*.csv"):
        with sample.open(encoding="utf-8") as file:
            for row in csv.DictReader(file):
                assert row["Nazwa"] not in our_names
                assert row["NIP"].replace("-", "").replace(" ", "") not in our_nips
    assert demo_nip(150) not in our_nips  # a new PES in tests/marketplace/partner
