"""The notice page: what it shows in each phase, public Q&A (the asker never shown, unanswered
questions hidden), the question form (honeypot, rate limit, bad input, after the deadline), the
buyer's e-mail after commit, caching without a CSRF token, and its query budget."""

from __future__ import annotations

from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marketplace.procurement.models import NoticeQuestion
from tests.factories import NoticeFactory, PesUserFactory
from tests.factories.notice_board import answered_question, build_board


@pytest.fixture
def world(demo):
    return build_board()


def _html(client, notice, language: str = "") -> str:
    response = client.get(
        f"{language}/zamowienia/{notice.pk}/".replace("/en/zamowienia", "/en/procurement")
    )
    assert response.status_code == 200
    return response.content.decode()


def test_an_open_notice_shows_everything_a_pes_needs(client, world):
    notice = world.soon
    html = _html(client, notice)
    deadline = timezone.localtime(notice.deadline)
    for text in [
        notice.reference,
        "Obiady dla przedszkola",
        "Obiad dla 40 osób",
        "Zamawiający",
        "Gmina Zamówieniowo (gmina)",
        "Zapytanie ofertowe poniżej progu stosowania Pzp",
        "Zamówienie poniżej progu z art. 2 ust. 1 pkt 1 Pzp",
        "Katering",
        "Pierwszowo",
        "12\xa0000,00 zł netto",
        deadline.strftime("%H:%M"),
        "(czasu polskiego)",
        "otwarte na oferty",
        "anna.nowak@gmina.example.org",
        "Zadaj pytanie",
    ]:
        assert text in html, text
    assert 'name="csrfmiddlewaretoken" value=""' in html  # the placeholder of a cacheable page


def test_a_notice_with_clauses_lists_them(client, world):
    html = _html(client, world.closed)
    assert "zatrudnienie osób zagrożonych wykluczeniem społecznym (art. 96 ust. 2 Pzp)" in html
    assert "zamknięte, czeka na rozstrzygnięcie" in html
    assert "Pytania można zadawać tylko wtedy, gdy ogłoszenie jest otwarte." in html
    assert "Wyślij pytanie" not in html


def test_an_awarded_notice_names_the_winner_and_links_its_profile(client, world):
    html = _html(client, world.awarded)
    assert "rozstrzygnięte" in html
    assert f'href="/baza-pes/{world.winner.code}/"' in html
    assert "Spółdzielnia Socjalna Zwycięska" in html
    assert "9\xa0000,00 zł brutto" in html
    # never the offers' prices or terms
    assert "Dowóz, zastawa" not in html


def test_a_cancelled_notice_gives_the_reason(client, world):
    html = _html(client, world.cancelled)
    assert "Ogłoszenie zostało unieważnione" in html
    assert "Brak środków w budżecie gminy." in html
    assert "Wyślij pytanie" not in html


def test_non_public_notices_are_404(client, world):
    for notice in world.hidden:
        assert client.get(f"/zamowienia/{notice.pk}/").status_code == 404
        assert (
            client.post(f"/zamowienia/{notice.pk}/pytanie/", {"question": "x" * 20}).status_code
            == 404
        )
    assert client.get("/zamowienia/999999999/").status_code == 404
    assert client.get("/zamowienia/99999999999999/").status_code == 404


def test_only_answered_questions_show_and_never_the_asker(client, world):
    answered_question(
        world.soon, "Czy dowóz obejmuje sobotę?", "Tak, także w soboty.", "pytajacy@example.org"
    )
    NoticeQuestion.objects.create(
        notice=world.soon, question="Pytanie bez odpowiedzi?", asker_email="cichy@example.org"
    )
    html = _html(client, world.soon)
    assert "Czy dowóz obejmuje sobotę?" in html
    assert "Tak, także w soboty." in html
    assert "Pytanie bez odpowiedzi?" not in html
    assert "pytajacy@example.org" not in html and "cichy@example.org" not in html


def test_asking_saves_the_question_unshown_and_emails_the_buyer(
    client, world, django_capture_on_commit_callbacks
):
    url = f"/zamowienia/{world.soon.pk}/pytanie/"
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(
            url,
            {"question": "Czy można złożyć ofertę częściową?", "asker_email": "pes@example.org"},
        )
    assert response.status_code == 303
    assert response["Location"] == f"/zamowienia/{world.soon.pk}/#questions"
    question = NoticeQuestion.objects.get(notice=world.soon)
    assert question.asker_email == "pes@example.org"
    assert question.answer == ""
    assert len(callbacks) >= 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["anna.nowak@gmina.example.org"]
    assert world.soon.reference in message.subject
    assert "Czy można złożyć ofertę częściową?" in message.body
    assert "pes@example.org" not in message.body
    page = client.get(response["Location"])
    html = page.content.decode()
    assert "Dziękujemy: pytanie zostało wysłane do zamawiającego." in html
    assert "Czy można złożyć ofertę częściową?" not in html  # shown only with its answer


def test_no_email_is_sent_before_the_commit(client, world):
    client.post(f"/zamowienia/{world.soon.pk}/pytanie/", {"question": "Czy jest termin dodatkowy?"})
    assert NoticeQuestion.objects.filter(notice=world.soon).count() == 1
    assert mail.outbox == []  # the test's transaction never commits


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"question": ""}, "Wpisz swoje pytanie."),
        ({"question": "Krótkie"}, "Pytanie jest za krótkie: napisz co najmniej 10 znaków."),
        (
            {"question": "Czy można złożyć ofertę?", "asker_email": "nie-adres"},
            "Podaj poprawny adres e-mail albo zostaw to pole puste.",
        ),
        ({"question": "x" * 3001}, "3000"),
        ({"question": "Pytanie z\x00 zerem w środku"}, "Null"),
    ],
)
def test_bad_input_is_refused_in_polish_and_saves_nothing(client, world, data, message):
    response = client.post(f"/zamowienia/{world.soon.pk}/pytanie/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Pytanie nie zostało wysłane. Popraw zaznaczone poniżej pola." in html
    if message != "Null":
        assert message in html
    assert not NoticeQuestion.objects.filter(notice__buyer=world.soon.buyer).exists()
    assert mail.outbox == []
    assert "no-cache" in response["Cache-Control"]


def test_the_honeypot_saves_nothing_and_says_thanks(client, world):
    response = client.post(
        f"/zamowienia/{world.soon.pk}/pytanie/",
        {"question": "Kup tanie zegarki tutaj!!!", "website": "http://spam.example"},
    )
    assert response.status_code == 303
    assert not NoticeQuestion.objects.filter(notice__buyer=world.soon.buyer).exists()


def test_questions_after_the_deadline_are_refused(client, world):
    response = client.post(
        f"/zamowienia/{world.closed.pk}/pytanie/", {"question": "Czy termin zostanie przedłużony?"}
    )
    assert response.status_code == 400
    assert (
        "Pytania można zadawać tylko wtedy, gdy ogłoszenie jest otwarte."
        in response.content.decode()
    )
    for notice in (world.awarded, world.cancelled):
        client.post(f"/zamowienia/{notice.pk}/pytanie/", {"question": "Czy można jeszcze pytać?"})
    assert not NoticeQuestion.objects.filter(notice__buyer=world.soon.buyer).exists()


def test_a_question_at_the_very_deadline_is_refused(client, demo):
    notice = NoticeFactory(deadline=timezone.now() + timedelta(seconds=1))
    with mock.patch("django.utils.timezone.now", return_value=notice.deadline):
        response = client.post(
            f"/zamowienia/{notice.pk}/pytanie/", {"question": "Zdążyłem w ostatniej sekundzie?"}
        )
    assert response.status_code == 400
    assert not NoticeQuestion.objects.filter(notice=notice).exists()


@override_settings(RATE_LIMITS={"notice-question": (2, 3600)})
def test_questions_are_rate_limited_per_address(client, world):
    url = f"/zamowienia/{world.soon.pk}/pytanie/"
    for n in range(2):
        assert client.post(url, {"question": f"Pytanie numer {n} o ofertę"}).status_code == 303
    response = client.post(url, {"question": "Pytanie numer 3 o ofertę"})
    assert response.status_code == 429
    assert response["Retry-After"]
    html = response.content.decode()
    assert "Z Twojego adresu wysłano zbyt wiele prób." in html
    assert "Pytanie numer 3 o ofertę" in html  # what was typed is kept
    assert NoticeQuestion.objects.filter(notice=world.soon).count() == 2


def test_a_get_of_the_form_address_leads_back(client, world):
    response = client.get(f"/zamowienia/{world.soon.pk}/pytanie/")
    assert response.status_code == 302
    assert response["Location"] == f"/zamowienia/{world.soon.pk}/#ask"


def test_the_cached_notice_page_carries_no_csrf_token(client, world):
    url = f"/zamowienia/{world.later.pk}/"
    first = client.get(url)
    assert first["X-Page-Cache"] == "miss"
    second = client.get(url)
    assert second["X-Page-Cache"] == "hit"
    assert not second.cookies
    html = second.content.decode()
    assert 'name="csrfmiddlewaretoken" value=""' in html
    assert 'data-csrf-token="/csrf-token/"' in html


@override_settings(PAGE_CACHE_SECONDS=600)
def test_a_notice_due_within_the_cache_lifetime_is_not_cached(client, demo):
    notice = NoticeFactory(deadline=timezone.now() + timedelta(minutes=3))
    response = client.get(f"/zamowienia/{notice.pk}/")
    assert "X-Page-Cache" not in response
    assert "no-cache" in response["Cache-Control"]
    far = NoticeFactory(deadline=timezone.now() + timedelta(days=3))
    assert client.get(f"/zamowienia/{far.pk}/")["X-Page-Cache"] == "miss"


def test_a_new_answer_empties_the_cached_page(client, world, django_capture_on_commit_callbacks):
    url = f"/zamowienia/{world.soon.pk}/"
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        answered_question(world.soon, "Czy są przerwy świąteczne?", "Nie ma przerw.")
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert "Nie ma przerw." in response.content.decode()


def test_notice_page_query_count_is_bounded(client, world, django_assert_max_num_queries):
    for n in range(10):
        answered_question(world.awarded, f"Pytanie {n}?", f"Odpowiedź {n}.")
    client.get(f"/zamowienia/{world.soon.pk}/")  # warms the site header (cached site-wide)
    with django_assert_max_num_queries(12):
        assert client.get(f"/zamowienia/{world.awarded.pk}/").status_code == 200


def test_a_pes_user_sees_the_page(client, world):
    user = PesUserFactory()
    client.force_login(user)
    response = client.get(f"/zamowienia/{world.soon.pk}/")
    assert response.status_code == 200
    assert "X-Page-Cache" not in response
    # the token of a page that is never stored is the real one
    assert 'name="csrfmiddlewaretoken" value=""' not in response.content.decode()


def test_english_notice_page(client, world):
    html = _html(client, world.soon, "/en")
    assert "open for offers" in html
    assert "(Polish time)" in html
    assert "Catering" in html


@override_settings(RATE_LIMITS={"notice-question": (10**9, 3600)})
@settings(
    max_examples=20,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    data=st.dictionaries(
        st.sampled_from(["question", "asker_email", "website", "x"]),
        st.one_of(
            st.text(max_size=80),
            st.text(min_size=2990, max_size=3100),
            st.sampled_from(["\x00", "a@b", "pes@example.org", "9" * 50, " " * 20]),
        ),
        max_size=4,
    )
)
def test_hypothesis_over_the_question_form(client, world, data):
    """Any input: a redirect (saved, or the honeypot's silent drop) or the form with its
    errors, never a server error; a question is saved only when the form says it is valid."""
    before = NoticeQuestion.objects.filter(notice=world.soon).count()
    response = client.post(f"/zamowienia/{world.soon.pk}/pytanie/", data)
    assert response.status_code in (200, 303), data
    saved = NoticeQuestion.objects.filter(notice=world.soon).count() - before
    if response.status_code == 200:
        assert saved == 0
        assert "Pytanie nie zostało wysłane." in response.content.decode()
    else:
        assert saved == (0 if (data.get("website") or "").strip() else 1)
