"""The shortlist: add, remove, clear, exports, one quote request to all, and CSRF handling."""

from __future__ import annotations

import csv
import io

import pytest
from django.test import Client
from openpyxl import load_workbook

from marketplace.directory.shortlist import MAX_SHORTLIST, SESSION_KEY


def _add(client, partner, next_url: str = "/baza-pes/"):
    return client.post("/baza-pes/lista/dodaj/", {"partner": partner.pk, "next": next_url})


def test_add_remove_and_clear(client, world):
    response = _add(client, world.a, "/baza-pes/?powiat=dir-p1")
    assert response.status_code == 303
    assert response["Location"] == "/baza-pes/?powiat=dir-p1"
    _add(client, world.b)
    _add(client, world.b)  # twice: still one entry
    assert client.session[SESSION_KEY] == [world.a.pk, world.b.pk]

    page = client.get("/baza-pes/lista/")
    assert page.status_code == 200
    assert "X-Page-Cache" not in page
    assert "no-cache" in page["Cache-Control"] or "max-age=0" in page["Cache-Control"]
    html = page.content.decode()
    assert world.a.name in html and world.b.name in html
    assert html.count('name="partner"') >= 4  # two remove buttons, two ids for the quote form

    assert client.post("/baza-pes/lista/usun/", {"partner": world.a.pk}).status_code == 303
    assert client.session[SESSION_KEY] == [world.b.pk]
    client.post("/baza-pes/lista/usun/", {"all": "1"})
    assert SESSION_KEY not in client.session
    assert "empty" in client.get("/baza-pes/lista/").content.decode()


def test_message_after_adding_is_shown_not_cached(client, world):
    client.get("/baza-pes/")
    _add(client, world.a)
    response = client.get("/baza-pes/")
    assert world.a.name + " " in response.content.decode()
    assert response.get("X-Page-Cache") != "hit"


def test_unsafe_next_and_bad_ids(client, world):
    response = _add(client, world.a, "https://evil.example.org/")
    assert response["Location"] == f"/baza-pes/{world.a.code}/"
    assert client.post("/baza-pes/lista/dodaj/", {"partner": "abc"}).status_code == 404
    assert client.post("/baza-pes/lista/dodaj/", {}).status_code == 404
    assert client.post("/baza-pes/lista/dodaj/", {"partner": world.hidden.pk}).status_code == 404
    assert client.get("/baza-pes/lista/dodaj/").status_code == 405
    assert client.post("/baza-pes/lista/usun/", {"partner": "x"}).status_code == 303
    session = client.session
    session[SESSION_KEY] = ["junk", None, world.a.pk]
    session.save()
    assert client.get("/baza-pes/lista/").status_code == 200


def test_gets_never_write_the_session(client, world):
    for path in [
        "/baza-pes/",
        f"/baza-pes/{world.a.code}/",
        "/baza-pes/lista/",
        "/baza-pes/lista/lista-pes.csv",
    ]:
        client.get(path)
    assert SESSION_KEY not in client.session


def test_the_list_is_capped(client, world):
    session = client.session
    session[SESSION_KEY] = list(range(10_000, 10_000 + MAX_SHORTLIST))
    session.save()
    _add(client, world.a)
    assert world.a.pk not in client.session[SESSION_KEY]


def test_token_less_post_asks_to_confirm_and_changes_nothing(world):
    client = Client(enforce_csrf_checks=True)
    response = _add(client, world.a)
    assert response.status_code == 200
    html = response.content.decode()
    assert "csrfmiddlewaretoken" in html and world.a.name in html
    assert SESSION_KEY not in client.session
    token = client.get("/baza-pes/lista/token/").json()["token"]
    response = client.post(
        "/baza-pes/lista/dodaj/",
        {"partner": world.a.pk, "next": "/baza-pes/", "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 303
    assert client.session[SESSION_KEY] == [world.a.pk]
    # removing is an ordinary CSRF-protected form
    assert client.post("/baza-pes/lista/usun/", {"partner": world.a.pk}).status_code == 403


def _rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def test_exports_of_the_shortlist(client, world):
    _add(client, world.a)
    _add(client, world.c)
    response = client.get("/en/baza-pes/lista/lista-pes.csv")
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = _rows(response.content)
    header, *body = rows
    assert len(body) == 2
    a_row = dict(zip(header, next(r for r in body if r[0] == world.a.name), strict=True))
    assert a_row["NIP"] == "6570001125"
    assert a_row["REGON"] == "123456785"
    assert a_row["KRS"] == "0000123456"
    assert a_row["E-mail"] == "biuro@laka.example.org"
    assert a_row["Phone"] == "+48 41 123 45 67"
    assert a_row["Powiat"] == "Testowo"
    assert a_row["Social enterprise (PS)"] == "yes"
    assert a_row["Share of employees at risk of exclusion (%)"] == "40.0"
    assert a_row["Eligible under art. 94 Pzp"] == "yes"
    assert a_row["Valid Zakup Prospołeczny certificates"] == "ZP/2026/9901"
    c_row = dict(zip(header, next(r for r in body if r[0] == world.c.name), strict=True))
    assert c_row["Valid Zakup Prospołeczny certificates"] == ""  # revoked
    assert c_row["Eligible under art. 94 Pzp"] == "yes"
    assert "PL61" not in response.content.decode()

    response = client.get("/en/baza-pes/lista/lista-pes.xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[cell if cell is not None else "" for cell in row] for row in sheet.values]
    assert values[0] == header
    assert sorted(r[0] for r in values[1:]) == sorted([world.a.name, world.c.name])


def test_formulas_are_defused_in_exports(client, world):
    world.b.name = '=HYPERLINK("http://evil")'
    world.b.save()
    _add(client, world.b)
    rows = _rows(client.get("/en/baza-pes/lista/lista-pes.csv").content)
    assert rows[1][0] == '\'=HYPERLINK("http://evil")'
    xlsx = client.get("/en/baza-pes/lista/lista-pes.xlsx").content
    sheet = load_workbook(io.BytesIO(xlsx)).active
    assert sheet["A2"].value == '\'=HYPERLINK("http://evil")'
    assert sheet["A2"].data_type == "s"


def test_one_quote_request_to_all(client, world):
    for partner in (world.a, world.b, world.c):
        _add(client, partner)
    html = client.get("/baza-pes/lista/").content.decode()
    assert 'action="/sklep/zapytania/"' in html
    response = client.post("/sklep/zapytania/", {"partner": [world.a.pk, world.b.pk, world.c.pk]})
    assert response.status_code == 200
    form_html = response.content.decode()
    for partner in (world.a, world.b, world.c):
        assert f'value="{partner.pk}"' in form_html
    assert form_html.count("checked") >= 3


@pytest.mark.parametrize("path", ["/baza-pes/lista/", "/baza-pes/lista/token/"])
def test_session_pages_are_never_cached(client, world, path):
    client.get(path)
    assert "X-Page-Cache" not in client.get(path)
