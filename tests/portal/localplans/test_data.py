"""The shipped TERC list and its loader: counts per powiat, unique consistent codes, and a file
that is all or nothing."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from portal.localplans.data import (
    EXPECTED_PER_POWIAT,
    POWIAT_TERYT,
    SWIETOKRZYSKIE_CSV,
    counts_per_powiat,
    load_gminas,
)
from portal.localplans.models import Gmina
from tests.factories.localplans import powiat


def _rows() -> list[dict[str, str]]:
    return list(csv.DictReader(SWIETOKRZYSKIE_CSV.open(encoding="utf-8")))


def test_counts_per_powiat_and_total() -> None:
    rows = _rows()
    assert len(rows) == 102
    assert counts_per_powiat(rows) == EXPECTED_PER_POWIAT
    assert sum(EXPECTED_PER_POWIAT.values()) == 102
    kinds = [row["kind"] for row in rows]
    assert kinds.count("1") == 5  # Kielce, Ostrowiec, Sandomierz, Skarżysko, Starachowice


def test_codes_unique_and_consistent() -> None:
    rows = _rows()
    codes = [row["teryt"] for row in rows]
    assert len(set(codes)) == len(codes)
    assert len({(row["powiat"], row["name"]) for row in rows}) == len(rows)
    for row in rows:
        assert row["teryt"].isdigit() and len(row["teryt"]) == 7
        assert row["teryt"][:4] == POWIAT_TERYT[row["powiat"]]
        assert row["teryt"][6] == row["kind"]
    for code, expected in EXPECTED_PER_POWIAT.items():
        numbers = sorted(int(r["teryt"][4:6]) for r in rows if r["powiat"] == code)
        assert numbers == list(range(1, expected + 1)), code  # gminas numbered 01.. in a powiat


def _prepare_powiats() -> None:
    for code in POWIAT_TERYT:
        powiat(code)


@pytest.mark.django_db
def test_load_creates_then_changes_nothing() -> None:
    _prepare_powiats()
    first = load_gminas(SWIETOKRZYSKIE_CSV.read_text(encoding="utf-8"))
    assert first.ok and first.created == 102
    assert Gmina.objects.count() == 102
    second = load_gminas(SWIETOKRZYSKIE_CSV.read_text(encoding="utf-8"))
    assert second.ok and (second.created, second.updated, second.unchanged) == (0, 0, 102)
    assert Gmina.objects.get(teryt="2661011").powiat.code == "kielce"


@pytest.mark.django_db
def test_one_bad_row_loads_nothing_and_is_reported() -> None:
    _prepare_powiats()
    text = SWIETOKRZYSKIE_CSV.read_text(encoding="utf-8").replace(
        "2601022,Gnojno,2,buski", "2602022,Gnojno,2,buski"
    )
    result = load_gminas(text)
    assert not result.ok
    assert [line for line, _message in result.errors] == [3]
    assert Gmina.objects.count() == 0


@pytest.mark.django_db
def test_update_of_an_existing_gmina_by_teryt() -> None:
    _prepare_powiats()
    load_gminas(SWIETOKRZYSKIE_CSV.read_text(encoding="utf-8"))
    result = load_gminas("teryt,name,kind,powiat\n2601022,Gnojno (nowa nazwa),2,buski\n")
    assert result.ok and result.updated == 1
    assert Gmina.objects.get(teryt="2601022").name == "Gnojno (nowa nazwa)"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "text",
    [
        "kod,nazwa\n2601022,Gnojno\n",  # wrong header
        "teryt,name,kind,powiat\n",  # no rows
        "teryt,name,kind,powiat\n2601022,Gnojno,2,nieznany\n",  # unknown powiat
        "teryt,name,kind,powiat\n2601022,Gnojno,2,buski\n2601022,Gnojno,2,buski\n",  # repeated
    ],
)
def test_bad_files_are_refused(text: str) -> None:
    _prepare_powiats()
    assert not load_gminas(text).ok
    assert Gmina.objects.count() == 0


@pytest.mark.django_db
def test_command(tmp_path: Path) -> None:
    _prepare_powiats()
    out = io.StringIO()
    call_command("load_gminas", stdout=out)
    assert "102 created" in out.getvalue()
    bad = tmp_path / "bad.csv"
    bad.write_text("teryt,name,kind,powiat\n2601022,Gnojno,3,buski\n", encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("load_gminas", "--file", str(bad), stdout=io.StringIO(), stderr=err)
    assert "line 2" in err.getvalue()
    assert Gmina.objects.get(teryt="2601022").kind == "2"
