"""The social clause library: its Wagtail pages, the notice kinds they fit, the good practices
they link, and the notice page listing the live clauses fitting its kind."""

from __future__ import annotations

import re

import pytest
from wagtail.models import Page
from wagtail.test.utils.form_data import rich_text

from goodpractices.models import GoodPracticePage
from home.models import HomePage
from marketplace.procurement.clauses import (
    SocialClauseIndexPage,
    SocialClausePage,
    SocialClausePageForm,
    SocialClausePracticeLink,
    clauses_for_kind,
)
from marketplace.procurement.models import NoticeKind
from tests.factories import NoticeFactory


def build_library() -> tuple[SocialClauseIndexPage, SocialClausePage, SocialClausePage]:
    """A library of two clauses; the demo's own library is taken offline inside the test's
    transaction, so the expectations hold whatever the demo holds."""
    SocialClauseIndexPage.objects.update(live=False)
    SocialClausePage.objects.update(live=False)
    home = HomePage.objects.get(locale__language_code="pl")
    library = home.add_child(
        instance=SocialClauseIndexPage(
            title="Biblioteka klauzul testowych", slug="klauzule-testowe"
        )
    )
    library.save_revision().publish()
    employment = library.add_child(
        instance=SocialClausePage(
            title="Klauzula testowa o zatrudnieniu bezrobotnych",
            slug="zatrudnienie-bezrobotnych",
            summary="Wykonawca zatrudnia przy realizacji osoby bezrobotne.",
            clause_text="<p>Zamawiający wymaga zatrudnienia co najmniej jednej osoby.</p>",
            legal_basis="art. 96 ust. 2 pkt 2 Pzp",
            when_to_use="<p>Usługi sprzątania i cateringu.</p>",
            notice_kinds=[NoticeKind.SOCIAL_CLAUSES, NoticeKind.QUOTATION],
        )
    )
    practice = GoodPracticePage.objects.live().filter(locale__language_code="pl").first()
    SocialClausePracticeLink.objects.create(page=employment, practice=practice, sort_order=0)
    employment.save_revision().publish()
    reserved = library.add_child(
        instance=SocialClausePage(
            title="Klauzula testowa o zastrzeżeniu",
            slug="zamowienie-zastrzezone",
            clause_text="<p>O zamówienie mogą się ubiegać wyłącznie…</p>",
            legal_basis="art. 94 ust. 1 Pzp",
            notice_kinds=[NoticeKind.RESERVED],
        )
    )
    reserved.save_revision().publish()
    return library, employment, reserved


@pytest.fixture
def library(demo):
    return build_library()


def test_the_home_page_may_hold_the_library():
    assert "procurement.SocialClauseIndexPage" in HomePage.subpage_types
    assert SocialClauseIndexPage.parent_page_types == ["home.HomePage"]
    assert SocialClausePage.parent_page_types == ["procurement.SocialClauseIndexPage"]


def test_the_clause_page_shows_text_basis_kinds_and_practices(client, library):
    _, employment, _ = library
    practice = employment.practices()[0]
    response = client.get(employment.url)
    assert response.status_code == 200
    html = response.content.decode()
    for text in [
        "Klauzula testowa o zatrudnieniu bezrobotnych",
        "Zamawiający wymaga zatrudnienia co najmniej jednej osoby.",
        "art. 96 ust. 2 pkt 2 Pzp",
        "Usługi sprzątania i cateringu.",
        "zamówienie z klauzulami społecznymi",
        "zapytanie ofertowe poniżej progu stosowania Pzp",
        "Treść klauzuli",
        "Skopiuj treść",
        practice.title,
    ]:
        assert text in html, text


def test_the_library_lists_its_live_clauses(client, library):
    index, employment, reserved = library
    draft = index.add_child(
        instance=SocialClausePage(
            title="Szkic klauzuli",
            slug="szkic",
            clause_text="<p>x</p>",
            legal_basis="x",
            live=False,
        )
    )
    html = client.get(index.url).content.decode()
    assert employment.title in html and reserved.title in html
    assert draft.title not in html


def test_a_withdrawn_practice_is_not_linked(library):
    _, employment, _ = library
    practice = employment.practices()[0]
    Page.objects.filter(pk=practice.pk).update(live=False)
    assert employment.practices() == []


def test_the_notice_page_lists_the_clauses_fitting_its_kind(client, library):
    index, employment, reserved = library
    reserved_notice = NoticeFactory(kind=NoticeKind.RESERVED)
    html = client.get(f"/zamowienia/{reserved_notice.pk}/").content.decode()
    assert f'href="{reserved.url}"' in html
    assert employment.title not in html
    assert f'href="{index.url}"' in html
    quotation = client.get(f"/zamowienia/{NoticeFactory().pk}/").content.decode()
    assert employment.title in quotation and reserved.title not in quotation
    # an unpublished clause is not offered
    employment.unpublish()
    quotation = client.get(f"/zamowienia/{NoticeFactory().pk}/").content.decode()
    assert employment.title not in quotation


def test_clauses_for_kind_keeps_to_the_language(library):
    assert [p.title for p in clauses_for_kind(NoticeKind.RESERVED, "pl")] == [
        "Klauzula testowa o zastrzeżeniu"
    ]
    assert clauses_for_kind(NoticeKind.RESERVED, "en") == []


def test_the_board_links_the_library(client, library):
    index, _, _ = library
    assert f'href="{index.url}"' in client.get("/zamowienia/").content.decode()


def test_the_admin_form_offers_the_notice_kinds_as_checkboxes():
    field = SocialClausePageForm.base_fields["notice_kinds"]
    assert [value for value, _ in field.choices] == list(NoticeKind.values)
    assert field.widget.input_type == "checkbox"


def test_the_admin_can_add_a_clause(admin_client, library):
    index, _, _ = library
    response = admin_client.get(
        f"/admin/pages/add/procurement/socialclausepage/{index.pk}/", follow=True
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="notice_kinds"' in html
    assert "practice_links" in html


def test_the_admin_saves_the_checked_kinds(admin_client, library):
    index, _, _ = library
    data = {
        "title": "Klauzula z panelu",
        "slug": "klauzula-z-panelu",
        "summary": "",
        "clause_text": rich_text("<p>Tekst klauzuli.</p>"),
        "legal_basis": "art. 95 Pzp",
        "when_to_use": rich_text(""),
        "notice_kinds": ["reserved", "social_clauses"],
        "practice_links-TOTAL_FORMS": "0",
        "practice_links-INITIAL_FORMS": "0",
        "practice_links-MIN_NUM_FORMS": "0",
        "practice_links-MAX_NUM_FORMS": "1000",
        "action-publish": "action-publish",
    }
    response = admin_client.post(f"/admin/pages/add/procurement/socialclausepage/{index.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = SocialClausePage.objects.get(slug="klauzula-z-panelu")
    assert page.notice_kinds == ["reserved", "social_clauses"]
    assert page.live
    edit = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    checked = re.findall(r'<input[^>]*name="notice_kinds"[^>]*>', edit)
    assert len(checked) == 3
    assert sorted(tag for tag in checked if "checked" in tag) == sorted(
        tag for tag in checked if 'value="reserved"' in tag or 'value="social_clauses"' in tag
    )
