"""`/api/notices/`: the board's filters and order, public fields only, no leaks (no offer, no
asker, no unanswered question, no notice that is not public)."""

from __future__ import annotations

import json

import pytest
from django.conf import settings

from marketplace.procurement.models import NoticeDocument, NoticeQuestion
from tests.factories.notice_board import BOARD_SCOPE, answered_question, build_board


@pytest.fixture
def world(demo):
    return build_board()


def test_list_follows_the_board(client, world):
    response = client.get(f"/api/notices/?{BOARD_SCOPE}")
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 5 and data["page"] == 1 and data["pages"] == 1
    ids = [n["id"] for n in data["results"]]
    board = client.get(f"/zamowienia/?{BOARD_SCOPE}").context["notices"]
    assert ids == [n.pk for n in board]
    phases = {n["id"]: n["phase"] for n in data["results"]}
    assert phases == {
        world.soon.pk: "open",
        world.later.pk: "open",
        world.closed.pk: "closed",
        world.awarded.pk: "awarded",
        world.cancelled.pk: "cancelled",
    }


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ("phase=open", {"soon", "later"}),
        ("kind=reserved", {"later"}),
        ("activity=zp-catering&phase=closed&phase=awarded", {"closed", "awarded"}),
    ],
)
def test_list_filters(client, world, params, expected):
    data = client.get(f"/api/notices/?{BOARD_SCOPE}&{params}").json()
    assert {n["id"] for n in data["results"]} == {getattr(world, name).pk for name in expected}


def test_detail_has_the_public_fields(client, world):
    NoticeDocument.objects.create(
        notice=world.soon, title="Opis przedmiotu zamówienia", file="procurement/documents/opz.pdf"
    )
    answered_question(world.soon, "Czy w soboty też?", "Tak.", "tajny@example.org")
    NoticeQuestion.objects.create(
        notice=world.soon, question="Bez odpowiedzi?", asker_email="x@y.pl"
    )
    data = client.get(f"/api/notices/{world.soon.pk}/").json()
    assert data["reference"] == world.soon.reference
    assert data["url"] == f"{settings.BASE_URL.rstrip('/')}/zamowienia/{world.soon.pk}/"
    assert data["kind"] == "quotation"
    assert data["legal_basis"].startswith("Zamówienie poniżej progu")
    assert data["clauses"] == []
    assert data["activity_fields"] == [
        {"slug": "zp-catering", "name": "Katering", "name_en": "Catering"}
    ]
    assert data["powiats"] == [{"code": "zp-p1", "name": "Pierwszowo"}]
    assert data["estimated_value"] == "12000.00"
    assert data["buyer_name"] == "Gmina Zamówieniowo" and data["buyer_kind"] == "gmina"
    assert data["documents"][0]["title"] == "Opis przedmiotu zamówienia"
    assert data["documents"][0]["url"].endswith("/procurement/documents/opz.pdf")
    assert data["questions"] == [
        {
            "question": "Czy w soboty też?",
            "answer": "Tak.",
            "asked_at": data["questions"][0]["asked_at"],
            "answered_at": data["questions"][0]["answered_at"],
        }
    ]
    assert data["award"] is None and data["cancel_reason"] == ""
    body = json.dumps(data)
    assert "tajny@example.org" not in body and "x@y.pl" not in body and "Bez odpowiedzi" not in body


def test_award_and_cancel_reason(client, world):
    awarded = client.get(f"/api/notices/{world.awarded.pk}/").json()
    assert awarded["award"]["pes_id"] == world.winner.pk
    assert awarded["award"]["pes_name"] == "Spółdzielnia Socjalna Zwycięska"
    assert awarded["award"]["value"] == "9000.00"
    cancelled = client.get(f"/api/notices/{world.cancelled.pk}/").json()
    assert cancelled["cancel_reason"] == "Brak środków w budżecie gminy."
    assert cancelled["award"] is None


def test_no_offer_ever_leaves(client, world):
    body = client.get(f"/api/notices/?{BOARD_SCOPE}").content.decode()
    body += client.get(f"/api/notices/{world.awarded.pk}/").content.decode()
    for word in ("offers", "terms", "Dowóz, zastawa", "price", "asker", "contact_email"):
        assert word not in body, word


def test_non_public_notices_are_invisible(client, world):
    data = client.get("/api/notices/?powiat=zp-p1&powiat=zp-p2&activity=zp-catering").json()
    ids = {n["id"] for n in data["results"]}
    for notice in world.hidden:
        assert notice.pk not in ids
        assert client.get(f"/api/notices/{notice.pk}/").status_code == 404


@pytest.mark.parametrize("value", ["0", "-1", "abc", "99999999999999999999", "1.5"])
def test_bad_ids_are_refused_not_failed(client, world, value):
    assert client.get(f"/api/notices/{value}/").status_code in (404, 422)


def test_schema_documents_the_notices(client, world):
    schema = client.get("/api/openapi.json").json()
    assert "/api/notices/" in schema["paths"]
    assert "/api/notices/{notice_id}/" in schema["paths"]


def test_list_query_count_is_bounded(client, world, django_assert_max_num_queries):
    with django_assert_max_num_queries(10):
        assert client.get("/api/notices/").status_code == 200
