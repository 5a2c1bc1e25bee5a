"""The board, notice pages (every phase, a form with errors) and the clause library validate
with the W3C Nu checker (tests.helpers.html); the Polish pages show no English."""

from __future__ import annotations

import shutil

import pytest

from marketplace.procurement.models import NoticeDocument
from tests.factories.notice_board import BOARD_SCOPE, answered_question, build_board
from tests.helpers.html import VNU, nu_errors
from tests.marketplace.procurement.test_clauses import build_library
from tests.site.test_no_english import english_words


@pytest.mark.skipif(not VNU.exists(), reason="vnu-jar missing: `make test` installs it")
def test_board_notice_and_clause_pages_are_valid_html(client, demo, tmp_path):
    shutil.which("java") or pytest.skip("no Java to run the Nu checker")
    world = build_board()
    index, clause, _ = build_library()
    answered_question(world.soon, "Czy dowóz obejmuje <soboty>?", "Tak & w niedziele.")
    NoticeDocument.objects.create(
        notice=world.soon, title="SWZ", file="procurement/documents/swz.pdf"
    )
    paths = [
        "/zamowienia/",
        f"/zamowienia/?{BOARD_SCOPE}&phase=open&kind=reserved",
        "/zamowienia/?powiat=nowhere&page=99",
        "/en/procurement/",
        f"/zamowienia/{world.soon.pk}/",
        f"/zamowienia/{world.closed.pk}/",
        f"/zamowienia/{world.awarded.pk}/",
        f"/en/procurement/{world.cancelled.pk}/",
        index.url,
        clause.url,
    ]
    pages = {}
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        pages[path] = response.content
    response = client.post(
        f"/zamowienia/{world.soon.pk}/pytanie/", {"question": "Krótkie", "asker_email": "zły"}
    )
    pages["question form with errors"] = response.content
    assert nu_errors(pages, tmp_path) == []


def test_polish_board_and_notice_pages_have_no_english(client, demo):
    """The visible text and the attributes read aloud, as the site-wide sweep reads them."""
    world = build_board()
    answered_question(world.soon, "Czy można dowieźć w sobotę?", "Tak.")
    paths = [
        f"/zamowienia/?{BOARD_SCOPE}",
        f"/zamowienia/?{BOARD_SCOPE}&phase=closed&phase=awarded",
        *(f"/zamowienia/{n.pk}/" for n in (world.soon, world.closed, world.awarded)),
        f"/zamowienia/{world.cancelled.pk}/",
    ]
    for path in paths:
        assert english_words(client.get(path).content.decode()) == [], path
