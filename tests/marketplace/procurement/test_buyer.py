"""The buyer's panel: registration, the organisation and its staff, notice forms.

Bad input gets a clear Polish message and saves nothing.
"""

from __future__ import annotations

import html
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from marketplace.procurement import publishing
from marketplace.procurement.models import (
    BuyerMembership,
    BuyerOrganisation,
    Notice,
    NoticeDocument,
    NoticeKind,
    NoticeStatus,
)
from tests.factories import (
    ActivityFieldFactory,
    BuyerFactory,
    BuyerUserFactory,
    NoticeFactory,
    OrganisationFactory,
    PowiatFactory,
    UserFactory,
    valid_nip,
)
from tests.helpers.html import VNU, nu_errors
from tests.helpers.pdfs import letter, polyglot

pytestmark = pytest.mark.django_db

REGISTER = reverse("procurement-buyer:register")
PANEL = reverse("procurement-buyer:panel")
CREATE = reverse("procurement-buyer:notice-create")


def _registration(**overrides) -> dict:
    data = {
        "name": "Gmina Bodzentyn",
        "kind": "gmina",
        "nip": valid_nip(900),
        "address": "ul. Rynek 1, 26-010 Bodzentyn",
        "email": "zamowienia@bodzentyn.example.org",
        "phone": "+48 41 311 50 00",
        "website": "https://bodzentyn.example.org",
    }
    data.update(overrides)
    return data


def _local(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def _notice_data(**overrides) -> dict:
    deadline = timezone.now() + timedelta(days=10)
    data = {
        "kind": NoticeKind.QUOTATION,
        "subject": "Catering na sesję rady",
        "description": "Obiad dla 30 osób.",
        "activity_fields": [ActivityFieldFactory().pk],
        "powiats": [PowiatFactory().pk],
        "estimated_value": "12000",
        "deadline": _local(deadline),
        "opening_at": _local(deadline + timedelta(hours=1)),
        "contact_name": "Jan Kowalski",
        "contact_email": "jan@gmina.example.org",
    }
    data.update(overrides)
    return data


# Registration -----------------------------------------------------------------------------
def test_registration_needs_a_login(client):
    response = client.get(REGISTER)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("customer:login"))
    assert "next=" in response["Location"]


def test_registration_creates_an_unverified_buyer_and_tells_the_rops(
    client, django_capture_on_commit_callbacks
):
    OrganisationFactory(kind="rops", email="rops@example.org")
    rops = publishing.rops_emails()  # the demo's ROPS too, when the demo is loaded
    assert "rops@example.org" in rops
    user = UserFactory()
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(REGISTER, _registration())
    assert response.status_code == 303
    buyer = BuyerOrganisation.objects.get(name="Gmina Bodzentyn")
    assert not buyer.is_verified
    assert buyer.slug == "gmina-bodzentyn"
    assert BuyerMembership.objects.get(buyer=buyer, user=user).is_admin
    assert [message.to for message in mail.outbox] == [rops]
    assert "Gmina Bodzentyn" in mail.outbox[0].subject
    page = client.get(response["Location"])
    assert "Jeszcze niezweryfikowana" in page.content.decode()


def test_a_second_buyer_of_the_same_name_gets_its_own_slug(client):
    BuyerFactory(name="Gmina Bodzentyn", slug="gmina-bodzentyn")
    client.force_login(UserFactory())
    client.post(REGISTER, _registration())
    assert BuyerOrganisation.objects.filter(slug="gmina-bodzentyn-2").exists()


@pytest.mark.parametrize(
    "nip, message",
    [
        ("1234567890", "Podaj poprawny NIP"),
        ("", "Podaj NIP organizacji."),
    ],
)
def test_a_wrong_nip_is_refused(client, nip, message):
    client.force_login(UserFactory())
    response = client.post(REGISTER, _registration(nip=nip))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not BuyerOrganisation.objects.filter(email="zamowienia@bodzentyn.example.org")


def test_a_registered_nip_says_ask_its_administrator(client):
    taken = BuyerFactory()
    client.force_login(UserFactory())
    spaced = f"{taken.nip[:3]}-{taken.nip[3:6]}-{taken.nip[6:8]}-{taken.nip[8:]}"
    response = client.post(REGISTER, _registration(nip=spaced))
    assert "Poproś jej administratora" in response.content.decode()
    assert not BuyerOrganisation.objects.filter(name="Gmina Bodzentyn")


def test_registration_is_rate_limited(client, settings):
    settings.RATE_LIMITS = {"buyer-registration": (1, 3600)}
    client.force_login(UserFactory())
    client.post(REGISTER, _registration(nip="1"))
    response = client.post(REGISTER, _registration())
    assert response.status_code == 429
    assert not BuyerOrganisation.objects.filter(name="Gmina Bodzentyn")


# The panel and the staff ------------------------------------------------------------------
def test_a_person_without_a_buyer_is_offered_registration(client):
    client.force_login(UserFactory())
    response = client.get(PANEL)
    assert response.status_code == 200
    assert REGISTER in response.content.decode()


def test_the_panel_switches_between_buyers(client):
    first, second = BuyerFactory(name="A Gmina"), BuyerFactory(name="B Gmina")
    user = BuyerUserFactory(buyer=first)
    BuyerMembership.objects.create(buyer=second, user=user)
    NoticeFactory(buyer=second, subject="Tylko w B")
    client.force_login(user)
    assert "Tylko w B" not in client.get(PANEL).content.decode()
    assert "Tylko w B" in client.get(PANEL, {"buyer": second.slug}).content.decode()
    assert client.get(PANEL, {"buyer": BuyerFactory().slug}).status_code == 404


def test_the_panel_hides_even_the_count_of_sealed_offers(client):
    from tests.factories import OfferFactory

    buyer = BuyerFactory()
    OfferFactory(notice=NoticeFactory(buyer=buyer))
    client.force_login(BuyerUserFactory(buyer=buyer))
    body = client.get(PANEL).content.decode()
    assert "zapieczętowane" in body


def test_admins_add_an_existing_account_and_unknown_addresses_are_explained(client):
    buyer = BuyerFactory()
    admin = BuyerUserFactory(buyer=buyer, buyer__admin=True)
    client.force_login(admin)
    url = reverse("procurement-buyer:member-add") + f"?buyer={buyer.slug}"
    response = client.post(url, {"member-email": "nikt@example.org"})
    assert "Nie ma konta z tym adresem e-mail" in response.content.decode()
    colleague = UserFactory(email="kolega@example.org")
    assert client.post(url, {"member-email": "KOLEGA@example.org"}).status_code == 303
    assert BuyerMembership.objects.filter(buyer=buyer, user=colleague, is_admin=False).exists()


def test_a_plain_member_cannot_add_staff(client):
    buyer = BuyerFactory()
    client.force_login(BuyerUserFactory(buyer=buyer))
    UserFactory(email="kolega@example.org")
    url = reverse("procurement-buyer:member-add") + f"?buyer={buyer.slug}"
    assert client.post(url, {"member-email": "kolega@example.org"}).status_code == 404
    assert buyer.memberships.count() == 1


def test_the_last_admin_stays(client):
    buyer = BuyerFactory()
    admin = BuyerUserFactory(buyer=buyer, buyer__admin=True)
    colleague = BuyerUserFactory(buyer=buyer)
    client.force_login(admin)
    own = BuyerMembership.objects.get(buyer=buyer, user=admin)
    url = reverse("procurement-buyer:member-remove", kwargs={"pk": own.pk})
    response = client.post(f"{url}?buyer={buyer.slug}", follow=True)
    assert "Nie można usunąć ostatniego administratora" in response.content.decode()
    assert BuyerMembership.objects.filter(pk=own.pk).exists()
    theirs = BuyerMembership.objects.get(buyer=buyer, user=colleague)
    url = reverse("procurement-buyer:member-remove", kwargs={"pk": theirs.pk})
    assert client.post(f"{url}?buyer={buyer.slug}").status_code == 303
    assert not BuyerMembership.objects.filter(pk=theirs.pk).exists()


def test_the_nip_is_fixed_after_verification(client):
    buyer = BuyerFactory()
    client.force_login(BuyerUserFactory(buyer=buyer, buyer__admin=True))
    url = reverse("procurement-buyer:organisation") + f"?buyer={buyer.slug}"
    data = _registration(name="Nowa nazwa", nip=valid_nip(901))
    assert client.post(url, data).status_code == 303
    buyer.refresh_from_db()
    assert buyer.name == "Nowa nazwa"
    assert buyer.nip != valid_nip(901)


# Notices ----------------------------------------------------------------------------------
@pytest.fixture
def buyer_client(client):
    buyer = BuyerFactory()
    client.force_login(BuyerUserFactory(buyer=buyer))
    client.buyer = buyer
    return client


def test_a_draft_is_saved_with_its_documents(buyer_client):
    data = _notice_data(documents=[letter(name="SWZ.pdf"), letter(name="Formularz.pdf")])
    response = buyer_client.post(f"{CREATE}?buyer={buyer_client.buyer.slug}", data)
    assert response.status_code == 303
    notice = Notice.objects.get(buyer=buyer_client.buyer)
    assert notice.status == NoticeStatus.DRAFT
    assert notice.buyer == buyer_client.buyer
    assert sorted(notice.documents.values_list("title", flat=True)) == ["Formularz", "SWZ"]
    # Typed in Warsaw time, kept as that moment.
    assert _local(notice.deadline) == data["deadline"]


@pytest.mark.parametrize(
    "overrides, message",
    [
        (
            {"deadline": _local(timezone.now() - timedelta(days=1))},
            "Termin składania ofert musi przypadać w przyszłości",
        ),
        (
            {"deadline": _local(timezone.now() + timedelta(minutes=20))},
            "co najmniej godzinę od teraz",
        ),
        ({"opening_at": _local(timezone.now() + timedelta(days=2))}, "Ofert nie można otworzyć"),
        ({"deadline": "jutro"}, "Wpisz datę i godzinę"),
        ({"kind": NoticeKind.SOCIAL_CLAUSES}, "Wybierz co najmniej jedną klauzulę społeczną"),
        ({"activity_fields": []}, "Wybierz co najmniej jedną dziedzinę działalności."),
        ({"powiats": []}, "Wybierz co najmniej jeden powiat."),
        ({"estimated_value": "-5"}, "Wartość nie może być ujemna."),
        ({"documents": [letter(b"to nie PDF", name="a.pdf")]}, "a.pdf"),
        ({"documents": [letter(polyglot(), name="b.pdf")]}, "za końcem dokumentu PDF"),
    ],
)
def test_bad_notices_are_refused_and_nothing_is_saved(buyer_client, overrides, message):
    response = buyer_client.post(
        f"{CREATE}?buyer={buyer_client.buyer.slug}", _notice_data(**overrides)
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Nic nie zostało zapisane" in body
    assert message in body
    assert not Notice.objects.filter(buyer=buyer_client.buyer)
    assert not NoticeDocument.objects.filter(notice__buyer=buyer_client.buyer)


def test_clauses_are_dropped_for_kinds_without_them(buyer_client):
    buyer_client.post(
        f"{CREATE}?buyer={buyer_client.buyer.slug}",
        _notice_data(kind=NoticeKind.RESERVED, clause_at_risk_employment="on"),
    )
    assert not Notice.objects.get(buyer=buyer_client.buyer).clause_at_risk_employment


def test_a_published_notice_is_corrected_only_in_ways_that_do_not_harm_bidders(buyer_client):
    notice = NoticeFactory(buyer=buyer_client.buyer, subject="Stary przedmiot")
    url = reverse("procurement-buyer:notice-edit", kwargs={"pk": notice.pk})
    page = buyer_client.get(url).content.decode()
    assert "Aby nie szkodzić oferentom" in page
    shorter = _notice_data(
        deadline=_local(notice.deadline - timedelta(days=1)),
        opening_at=_local(notice.opening_at),
        subject="Nowy przedmiot",
    )
    response = buyer_client.post(url, shorter)
    assert "można wydłużyć, ale nie skrócić" in response.content.decode()
    longer = _notice_data(
        deadline=_local(notice.deadline + timedelta(days=3)),
        opening_at=_local(notice.opening_at + timedelta(days=3)),
        subject="Nowy przedmiot",
        description="Poprawiony opis.",
    )
    assert buyer_client.post(url, longer).status_code == 303
    notice.refresh_from_db()
    assert notice.description == "Poprawiony opis."
    assert notice.subject == "Stary przedmiot"  # not editable once published
    assert _local(notice.deadline) == longer["deadline"]


def test_a_closed_notice_cannot_be_edited(buyer_client):
    notice = NoticeFactory(
        buyer=buyer_client.buyer,
        deadline=timezone.now() - timedelta(hours=1),
        opening_at=timezone.now() + timedelta(hours=1),
    )
    url = reverse("procurement-buyer:notice-edit", kwargs={"pk": notice.pk})
    response = buyer_client.post(url, _notice_data(), follow=True)
    assert "Tego ogłoszenia nie można już zmienić." in response.content.decode()


def test_a_returned_notice_shows_the_rops_comment(buyer_client):
    notice = NoticeFactory(
        buyer=buyer_client.buyer,
        status=NoticeStatus.REJECTED,
        moderation_comment="Uzupełnij opis przedmiotu.",
        published_at=None,
    )
    for name in ("notice", "notice-edit"):
        page = buyer_client.get(reverse(f"procurement-buyer:{name}", kwargs={"pk": notice.pk}))
        assert "Uzupełnij opis przedmiotu." in page.content.decode()


@pytest.mark.skipif(not VNU.exists(), reason="vnu-jar missing: `make test` installs it")
def test_panel_pages_are_valid_html(client, tmp_path):
    pytest.importorskip("shutil").which("java") or pytest.skip("no Java to run the Nu checker")
    from marketplace.procurement.models import NoticeQuestion
    from tests.factories import OfferFactory

    from .buyer_support import offer_attachment, opened_notice

    buyer = BuyerFactory()
    other = BuyerFactory()
    user = BuyerUserFactory(buyer=buyer, buyer__admin=True)
    BuyerMembership.objects.create(buyer=other, user=user)
    client.force_login(user)
    notice = opened_notice(buyer=buyer)
    offer_attachment(OfferFactory(notice=notice))
    OfferFactory(notice=notice, price="99")
    NoticeQuestion.objects.create(notice=notice, question="Pytanie?", answer="Tak.")
    NoticeQuestion.objects.create(notice=notice, question="Drugie?")
    sealed = NoticeFactory(buyer=buyer)
    draft = NoticeFactory(
        buyer=buyer, status=NoticeStatus.REJECTED, moderation_comment="Popraw.", published_at=None
    )

    def page(name, **kwargs):
        return client.get(reverse(f"procurement-buyer:{name}", kwargs=kwargs)).content

    pages = {
        "panel": client.get(PANEL).content,
        "register": client.get(REGISTER).content,
        "create": client.get(f"{CREATE}?buyer={buyer.slug}").content,
        "edit (returned)": page("notice-edit", pk=draft.pk),
        "edit (published)": page("notice-edit", pk=sealed.pk),
        "notice (opened)": page("notice", pk=notice.pk),
        "notice (sealed)": page("notice", pk=sealed.pk),
        "notice (returned)": page("notice", pk=draft.pk),
        "create with errors": client.post(
            f"{CREATE}?buyer={buyer.slug}", _notice_data(deadline="x", powiats=[])
        ).content,
        "panel with errors": client.post(
            reverse("procurement-buyer:member-add") + f"?buyer={buyer.slug}", {"member-email": "x"}
        ).content,
        "register with errors": client.post(REGISTER, _registration(nip="1")).content,
    }
    with translation.override("en"):
        pages["panel (en)"] = client.get(reverse("procurement-buyer:panel")).content
    client.force_login(UserFactory())
    pages["no buyer"] = client.get(PANEL).content
    assert nu_errors(pages, tmp_path) == []


def test_a_nip_registered_meanwhile_is_refused_by_the_service():
    """The form checked the NIP, but someone else registered it just before the save."""
    taken = BuyerFactory()
    fields = _registration(nip=taken.nip)
    fields.pop("website")
    with pytest.raises(publishing.PublishingError, match="administrator"):
        publishing.register_buyer(UserFactory(), **fields)
    assert BuyerOrganisation.objects.filter(nip=taken.nip).get() == taken
    assert not BuyerOrganisation.objects.filter(name="Gmina Bodzentyn")


def test_polish_panel_pages_have_no_english(client):
    from marketplace.procurement.models import NoticeQuestion
    from tests.factories import OfferFactory
    from tests.site.test_no_english import english_words

    from .buyer_support import opened_notice

    buyer = BuyerFactory()
    client.force_login(BuyerUserFactory(buyer=buyer, buyer__admin=True))
    notice = opened_notice(
        buyer=buyer, kind=NoticeKind.SOCIAL_CLAUSES, clause_employment_contracts=True
    )
    OfferFactory(notice=notice)
    NoticeQuestion.objects.create(notice=notice, question="Pytanie?")
    sealed = NoticeFactory(buyer=buyer)
    pages = {
        "panel": client.get(PANEL),
        "create": client.get(f"{CREATE}?buyer={buyer.slug}"),
        "edit": client.get(reverse("procurement-buyer:notice-edit", kwargs={"pk": sealed.pk})),
        "opened": client.get(reverse("procurement-buyer:notice", kwargs={"pk": notice.pk})),
        "sealed": client.get(reverse("procurement-buyer:notice", kwargs={"pk": sealed.pk})),
        "errors": client.post(f"{CREATE}?buyer={buyer.slug}", _notice_data(deadline="x")),
        "register": client.get(REGISTER),
    }
    found = {name: english_words(page.content.decode()) for name, page in pages.items()}
    assert found == {name: [] for name in pages}


def test_the_panel_in_english_and_a_notice_remembers_its_language(buyer_client):
    with translation.override("en"):
        panel = reverse("procurement-buyer:panel")
        create = reverse("procurement-buyer:notice-create")
    assert panel == "/en/procurement/panel/"
    assert "Buyer's panel" in html.unescape(buyer_client.get(panel).content.decode())
    response = buyer_client.post(f"{create}?buyer={buyer_client.buyer.slug}", _notice_data())
    assert response.status_code == 303
    assert response["Location"].startswith("/en/procurement/panel/")
    assert Notice.objects.get(buyer=buyer_client.buyer).language == "en"
