"""Open data: only public fields, only listed PES, the page's result set and order."""

from __future__ import annotations

import pytest

from tests.factories.directory import SCOPE

PES_KEYS = {
    "id", "code", "name", "url", "legal_form", "legal_form_label", "powiat_code", "powiat",
    "gmina", "city", "description", "social_mission", "activity_fields", "reintegration",
    "operating_since", "is_social_enterprise", "ps_decision_number", "ps_decision_date",
    "at_risk_share", "art_94_eligible", "owes", "email", "phone", "website", "krs", "nip",
    "regon", "logo_url", "opening_hours", "pickup_points", "accepts_transfer",
    "accepts_cash_on_pickup", "sells_online", "valid_certificates",
}  # fmt: skip
CERTIFICATE_KEYS = {
    "number", "holder_id", "holder_name", "scope", "products", "issued_on", "valid_until",
    "revoked_on", "state",
}  # fmt: skip


def test_pes_detail_has_only_public_fields(client, world):
    data = client.get(f"/api/pes/{world.a.pk}/").json()
    assert set(data) == PES_KEYS
    assert data["name"] == world.a.name
    assert data["at_risk_share"] == "40.0" and data["art_94_eligible"] is True
    assert data["valid_certificates"] == ["ZP/2026/9901"]
    assert data["activity_fields"] == [
        {"slug": "dir-catering", "name": "Gastronomia", "name_en": "Catering"}
    ]
    assert data["url"].endswith(f"/baza-pes/{world.a.code}/")
    text = client.get(f"/api/pes/{world.a.pk}/").content.decode()
    assert "PL61" not in text and "109010140000071219812874" not in text
    assert "employees_total" not in text


def test_unlisted_pes_are_not_in_the_api(client, world):
    assert client.get(f"/api/pes/{world.hidden.pk}/").status_code == 404
    ids = {row["id"] for row in client.get("/api/pes/?powiat=dir-p1").json()["results"]}
    assert world.hidden.pk not in ids
    assert client.get("/api/certificates/ZP-2026-9904/").status_code == 404


@pytest.mark.parametrize(
    "params",
    [
        "",
        SCOPE,
        f"{SCOPE}&activity=dir-catering&certified=1",
        "q=spoldzielnia&sort_by=relevance",
        "art94=1&legal_form=social_cooperative&legal_form=cis",
        "powiat=nowhere&page=abc",
    ],
)
def test_api_gives_the_page_results_in_the_page_order(client, world, params):
    page_ids: list[int] = []
    number = 1
    while True:  # the listing, page after page
        page = client.get(f"/baza-pes/?{params}&page={number}")
        page_ids += [p.pk for p in page.context["partners"]]
        if not page.context["page_obj"].has_next():
            break
        number += 1
    api_ids: list[int] = []
    number = 1
    while True:
        data = client.get(f"/api/pes/?{params}&page={number}").json()
        assert data["count"] == len(page_ids)
        api_ids += [row["id"] for row in data["results"]]
        if number >= data["pages"]:
            break
        number += 1
    assert api_ids == page_ids
    for row in data["results"]:
        assert set(row) == PES_KEYS


def test_certificates_with_their_state(client, world):
    data = client.get("/api/certificates/").json()
    by_number = {row["number"]: row for row in data["results"]}
    assert by_number["ZP/2026/9901"]["state"] == "valid"
    assert by_number["ZP/2024/9902"]["state"] == "expired"
    assert by_number["ZP/2026/9903"]["state"] == "revoked"
    assert "ZP/2026/9904" not in by_number  # its holder is not listed
    for row in data["results"]:
        assert set(row) == CERTIFICATE_KEYS
    detail = client.get("/api/certificates/ZP-2026-9901/").json()
    assert detail == client.get("/api/certificates/ZP/2026/9901/").json()
    assert detail["holder_id"] == world.a.pk
    assert detail["products"] == ["Powidła z Łąki"]  # the non-public product stays hidden
    assert client.get("/api/certificates/ZP-1999-0000/").status_code == 404


def test_schema_is_served_and_no_cdn_docs(client, world):
    schema = client.get("/api/openapi.json")
    assert schema.status_code == 200
    assert "/api/pes/" in schema.json()["paths"]
    assert client.get("/api/docs/").status_code == 404


def test_api_bad_input(client, world):
    for path in [
        "/api/pes/abc/",
        "/api/pes/999999999/",
        "/api/certificates/?page=-5",
        "/api/pes/?page=99999",
        "/api/pes/?q=" + "x" * 5000,
    ]:
        assert client.get(path).status_code in {200, 404, 422}, path


def test_api_query_count_is_bounded(client, world, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        assert len(client.get("/api/pes/").json()["results"]) >= 30
    with django_assert_max_num_queries(4):
        assert client.get("/api/certificates/").status_code == 200
