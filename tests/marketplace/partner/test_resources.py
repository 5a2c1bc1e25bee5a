"""The PES spreadsheet resource: matching by NIP, messages a ROPS clerk can act on, export."""

from __future__ import annotations

import pytest
import tablib

from marketplace.partner.models import Partner
from marketplace.partner.resources import PartnerResource, import_refused
from portal.demo.identifiers import demo_nip

from .helpers import GOOD_FILE, rows_of, state

pytestmark = pytest.mark.usefixtures("demo", "in_english")


def run(rows: list[dict[str, str]], dry_run: bool = True):
    dataset = tablib.Dataset(headers=list(rows[0]))
    for row in rows:
        dataset.append(list(row.values()))
    result = PartnerResource().import_data(dataset, dry_run=dry_run)
    return result, result.pes_report


def good_row(**changes: str) -> dict[str, str]:
    """A new, valid PES row of the corrected sample, with some cells changed."""
    row = dict(rows_of(GOOD_FILE)[2])
    row.update(changes)
    return row


def test_a_valid_new_row_is_new_and_a_dry_run_writes_nothing():
    before = state()
    result, report = run([good_row()])
    assert not import_refused(result)
    assert [r.fate for r in report] == ["new"]
    assert state() == before


@pytest.mark.parametrize(
    "nip", ["657-000-00-17", "657 000 00 17", "PL6570000017", "PL 657-000-00-17", "6570000017"]
)
def test_nip_is_matched_in_any_spelling(nip):
    assert demo_nip(1) == "6570000017"
    row = rows_of(GOOD_FILE)[0]
    row["NIP"] = nip
    _result, report = run([row], dry_run=False)
    assert [r.fate for r in report] == ["updated"], report
    assert Partner.objects.filter(nip="6570000017").count() == 1
    assert Partner.objects.get(nip="6570000017").employees_total == 7


def test_numbers_come_back_compact_and_krs_gets_its_zeros():
    _result, report = run([good_row(REGON="260-001-038", KRS="912345")], dry_run=False)
    assert [r.fate for r in report] == ["new"]
    partner = Partner.objects.get(nip=good_row()["NIP"])
    assert (partner.regon, partner.krs) == ("260001038", "0000912345")
    assert partner.accepts_transfer is False  # no IBAN in the file: transfers cannot be taken
    assert sorted(partner.activity_fields.values_list("slug", flat=True)) == [
        "sprzatanie",
        "zielen-i-ogrodnictwo",
    ]


@pytest.mark.parametrize(
    ("changes", "column", "words"),
    [
        ({"NIP": "657-000-10-41"}, "NIP", "valid NIP"),
        ({"NIP": ""}, "NIP", "matched"),
        ({"Nazwa": "  "}, "Nazwa", "name"),
        ({"REGON": "260001039"}, "REGON", "valid REGON"),
        ({"KRS": "12345678901"}, "KRS", "KRS"),
        ({"Powiat": "radomski"}, "Powiat", "Unknown powiat “radomski”. Known powiats:"),
        ({"Forma prawna": "spółka akcyjna"}, "Forma prawna", "Unknown legal form"),
        ({"Branże": "kowalstwo, catering"}, "Branże", "Unknown field of activity: “kowalstwo”"),
        ({"Status PS numer": "WPS.1.2026"}, "", "decision number and its date"),
        ({"Status PS data": "31.02.2026", "Status PS numer": "X"}, "Status PS data", "not a date"),
        ({"Zatrudnieni": "dużo"}, "Zatrudnieni", "whole number"),
        ({"Zatrudnieni": "2", "Zatrudnieni zagrożeni wykluczeniem": "5"}, "", "more than"),
    ],
)
def test_refused_rows_say_why(changes, column, words):
    before = state()
    result, report = run([good_row(), good_row(**{"NIP": demo_nip(150), **changes})])
    assert import_refused(result)
    assert [r.fate for r in report] == ["new", "refused"]
    problems = " ".join(report[1].problems)
    assert words in problems, problems
    if column:
        assert any(p.startswith(f"{column}: ") for p in report[1].problems), report[1].problems
    assert state() == before


def test_messages_list_what_is_known():
    _result, report = run([good_row(Powiat="warszawski", Branże="kowalstwo")])
    problems = " ".join(report[0].problems)
    assert "kielecki" in problems and "Kielce" in problems
    assert "gastronomia i catering" in problems and "transport i przeprowadzki" in problems


@pytest.mark.parametrize(
    ("legal_form", "code"),
    [
        ("spółdzielnia socjalna", "social_cooperative"),
        ("Spoldzielnia Socjalna", "social_cooperative"),
        ("social_cooperative", "social_cooperative"),
        ("fundacja", "foundation"),
        ("CIS", "cis"),
        ("warsztat terapii zajęciowej", "wtz"),
        ("spółka z o.o. non-profit", "non_profit_company"),
    ],
)
def test_legal_form_by_polish_name_or_code(legal_form, code):
    run([good_row(**{"Forma prawna": legal_form})], dry_run=False)
    assert Partner.objects.get(nip=good_row()["NIP"]).legal_form == code


@pytest.mark.parametrize(
    ("powiat", "code"),
    [
        ("kielecki", "kielecki"),
        ("Powiat Kielecki", "kielecki"),
        ("m. Kielce", "kielce"),
        ("KIELCE", "kielce"),
        ("skarzyski", "skarzyski"),
        ("Włoszczowski", "wloszczowski"),
        ("powiat włoszczowski", "wloszczowski"),
    ],
)
def test_powiat_by_name_ignoring_case_and_diacritics(powiat, code):
    run([good_row(Powiat=powiat)], dry_run=False)
    assert Partner.objects.get(nip=good_row()["NIP"]).powiat.code == code


def test_the_same_nip_twice_in_a_file_is_refused():
    _result, report = run([good_row(), good_row(Nazwa="Inna nazwa")])
    assert [r.fate for r in report] == ["refused", "refused"]
    assert "rows 1, 2" in " ".join(report[0].problems)


def test_a_file_without_the_nip_column_is_refused():
    row = good_row()
    del row["NIP"]
    result, _report = run([row])
    assert result.has_errors()


def test_export_has_polish_headers_and_reimports_unchanged():
    queryset = Partner.objects.filter(nip__in=[demo_nip(1), demo_nip(2)]).order_by("nip")
    exported = PartnerResource().export(queryset)
    assert exported.headers[:5] == ["Nazwa", "NIP", "REGON", "KRS", "Forma prawna"]
    first = dict(zip(exported.headers, exported[0], strict=True))
    assert first["Forma prawna"] == "spółdzielnia socjalna"
    assert first["Powiat"] == "m. Kielce"
    assert "produkcja żywności" in first["Branże"]
    result = PartnerResource().import_data(exported, dry_run=True)
    assert [r.fate for r in result.pes_report] == ["unchanged", "unchanged"]
