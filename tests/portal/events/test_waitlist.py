"""Waiting lists move on their own: cancelling (by the registrant's link or by staff) gives the
place to the earliest waiting person, a larger published capacity moves the list up, and each
person who moves up gets exactly one e-mail, in the language they registered in.

E-mails go after the commit (`transaction.on_commit`); a test's transaction never commits, so
the actions run inside `django_capture_on_commit_callbacks(execute=True)`.
"""

from __future__ import annotations

import html
import re
import shutil
import threading
from contextlib import suppress
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import caches
from django.db import connection, connections
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Calendar

from portal.events import registration as registration_module
from portal.events.models import EventPage, Registration
from portal.events.registration import (
    AlreadyCancelled,
    cancel,
    cancel_token,
    fill_free_places,
    registration_for_token,
)
from tests.factories import publish
from tests.factories.pages import delete_pages, live_event
from tests.helpers.html import VNU, nu_errors
from tests.helpers.threads import in_own_thread

from .test_registration import VALID

pytestmark = pytest.mark.django_db

Status = Registration.Status
CANCEL_LINK = re.compile(r"https?://\S+/rezygnacja/[\w-]+/")


def enrol(event: EventPage, name: str, status: str, minute: int, **fields) -> Registration:
    """A registration made `minute` minutes into the registration period (earlier = first)."""
    email = name.lower().replace(" ", ".") + "@example.org"
    return Registration.objects.create(
        event=event,
        name=name,
        email=email,
        consent=True,
        status=status,
        created_at=timezone.now() - timedelta(hours=1) + timedelta(minutes=minute),
        **fields,
    )


def statuses(event: EventPage) -> dict[str, str]:
    return dict(Registration.objects.filter(event=event).values_list("name", "status"))


def place_mails(title: str, language: str = "pl") -> list:
    with translation.override(language):
        subject = translation.gettext("You have a place: %(title)s") % {"title": title}
    return [message for message in mail.outbox if message.subject == subject]


INVALID_LINK = (
    "This cancellation link is not valid. Please use the link from your confirmation e-mail, "
    "or contact the organiser."
)
STARTED = (
    "The event has already started: the registration can no longer be cancelled here. "
    "Please contact the organiser."
)


def html_text(text: str) -> str:
    """Text as a page shows it: entities decoded, white space folded."""
    return " ".join(html.unescape(text).split())


def pl(text: str) -> str:
    """The Polish the visitor reads (the source text until the catalogue has it)."""
    with translation.override("pl"):
        return translation.gettext(text)


@pytest.fixture
def full_event(make_event):
    """Two places, both taken, and three people waiting (registered out of pk order)."""
    event = make_event("test-lista-rezerwowa", capacity=2)
    enrol(event, "Anna Pierwsza", Status.CONFIRMED, 1)
    enrol(event, "Bogdan Drugi", Status.CONFIRMED, 2)
    enrol(event, "Ewa Piąta", Status.WAITLIST, 5)  # the smallest pk of the waiting, yet last
    enrol(event, "Cezary Trzeci", Status.WAITLIST, 3)
    enrol(event, "Dorota Czwarta", Status.WAITLIST, 4)
    return event


# Promotion ---------------------------------------------------------------------------------
def test_cancelling_a_place_confirms_the_earliest_waiting_person_once(
    full_event, django_capture_on_commit_callbacks
):
    first = Registration.objects.get(event=full_event, name="Anna Pierwsza")
    with django_capture_on_commit_callbacks(execute=True):
        promoted = cancel(first)
    assert [person.name for person in promoted] == ["Cezary Trzeci"]
    assert statuses(full_event) == {
        "Anna Pierwsza": Status.CANCELLED,
        "Bogdan Drugi": Status.CONFIRMED,
        "Cezary Trzeci": Status.CONFIRMED,
        "Dorota Czwarta": Status.WAITLIST,
        "Ewa Piąta": Status.WAITLIST,
    }
    first.refresh_from_db()
    assert first.cancelled_at is not None  # the row is kept, marked
    assert full_event.confirmed_count() == 2
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["cezary.trzeci@example.org"]
    assert place_mails(full_event.title) == [message]
    filename, content, mimetype = message.attachments[0]
    assert (filename, mimetype) == ("test-lista-rezerwowa.ics", "text/calendar")
    assert Calendar.from_ical(content).walk("VEVENT")[0].decoded("dtstart") == full_event.start
    # the promoted person may cancel in turn, by their own link
    link = CANCEL_LINK.search(message.body).group(0)
    promoted_row = Registration.objects.get(name="Cezary Trzeci")
    assert link.endswith(f"/rezygnacja/{cancel_token(promoted_row)}/")
    with django_capture_on_commit_callbacks(execute=True):
        promoted = cancel(Registration.objects.get(name="Bogdan Drugi"))
    assert [person.name for person in promoted] == ["Dorota Czwarta"]
    assert [m.to for m in mail.outbox] == [
        ["cezary.trzeci@example.org"],
        ["dorota.czwarta@example.org"],
    ]


def test_ties_in_time_go_by_pk(make_event, django_capture_on_commit_callbacks):
    event = make_event("test-remis", capacity=1)
    held = enrol(event, "Anna Miejsce", Status.CONFIRMED, 1)
    moment = timezone.now() - timedelta(minutes=30)
    first = enrol(event, "Pierwszy Numer", Status.WAITLIST, 2)
    second = enrol(event, "Drugi Numer", Status.WAITLIST, 2)
    Registration.objects.filter(pk__in=[first.pk, second.pk]).update(created_at=moment)
    with django_capture_on_commit_callbacks(execute=True):
        assert [p.pk for p in cancel(held)] == [first.pk]


def test_cancelling_a_waiting_entry_promotes_nobody(full_event, django_capture_on_commit_callbacks):
    waiting = Registration.objects.get(event=full_event, name="Cezary Trzeci")
    with django_capture_on_commit_callbacks(execute=True):
        assert cancel(waiting) == []
    assert statuses(full_event)["Cezary Trzeci"] == Status.CANCELLED
    assert full_event.confirmed_count() == 2
    assert Registration.objects.filter(event=full_event, status=Status.WAITLIST).count() == 2
    assert mail.outbox == []


def test_cancelling_twice_is_refused_and_moves_nobody_more(
    full_event, django_capture_on_commit_callbacks
):
    first = Registration.objects.get(event=full_event, name="Anna Pierwsza")
    stale = Registration.objects.get(pk=first.pk)  # another tab's copy, still "confirmed"
    with django_capture_on_commit_callbacks(execute=True):
        cancel(first)
        with pytest.raises(AlreadyCancelled):
            cancel(stale)
    assert full_event.confirmed_count() == 2
    assert len(mail.outbox) == 1


def test_no_limit_confirms_everyone_waiting(full_event, django_capture_on_commit_callbacks):
    """The limit was removed (no publish yet): a freed place takes the whole list along."""
    EventPage.objects.filter(pk=full_event.pk).update(capacity=None)
    with django_capture_on_commit_callbacks(execute=True):
        promoted = cancel(Registration.objects.get(name="Anna Pierwsza"))
    assert {p.name for p in promoted} == {"Cezary Trzeci", "Dorota Czwarta", "Ewa Piąta"}
    assert len(place_mails(full_event.title)) == 3
    assert not Registration.objects.filter(event=full_event, status=Status.WAITLIST).exists()


def test_without_a_limit_registrations_are_confirmed(client, make_event):
    event = make_event("test-bez-limitu", capacity=None)
    for number in range(3):
        data = {**VALID, "email": f"osoba{number}@example.org"}
        assert client.post(event.url + "rejestracja/", data).status_code == 303
    assert set(statuses(event).values()) == {Status.CONFIRMED}


def test_nobody_moves_up_once_the_event_started(make_event, django_capture_on_commit_callbacks):
    event = make_event("test-juz-trwa", days=0, capacity=1, start=timezone.now())
    held = enrol(event, "Anna Spozniona", Status.CONFIRMED, 1)
    enrol(event, "Bogdan Czeka", Status.WAITLIST, 2)
    with django_capture_on_commit_callbacks(execute=True):
        assert cancel(held) == []  # staff may still mark who withdrew
    assert statuses(event)["Bogdan Czeka"] == Status.WAITLIST
    assert mail.outbox == []


def test_the_event_page_shows_the_waiting_list(client, full_event):
    html = client.get(full_event.url).content.decode()
    facts = html.split('class="event-facts"')[1].split("</dl>")[0]
    assert 'class="event-waiting">3 ' in facts


# A larger capacity, published ---------------------------------------------------------------
def test_publishing_more_places_moves_the_list_up(full_event, django_capture_on_commit_callbacks):
    page = EventPage.objects.get(pk=full_event.pk)
    with django_capture_on_commit_callbacks(execute=True):
        publish(page, capacity=4)
    assert statuses(full_event) == {
        "Anna Pierwsza": Status.CONFIRMED,
        "Bogdan Drugi": Status.CONFIRMED,
        "Cezary Trzeci": Status.CONFIRMED,
        "Dorota Czwarta": Status.CONFIRMED,
        "Ewa Piąta": Status.WAITLIST,
    }
    assert sorted(m.to[0] for m in place_mails(full_event.title)) == [
        "cezary.trzeci@example.org",
        "dorota.czwarta@example.org",
    ]
    assert len(mail.outbox) == 2
    with django_capture_on_commit_callbacks(execute=True):  # published again: nothing new
        publish(page, lead="Nowy opis.")
        assert fill_free_places(page) == []
    assert len(mail.outbox) == 2


def test_publishing_without_a_limit_confirms_everyone(
    full_event, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        publish(EventPage.objects.get(pk=full_event.pk), capacity=None)
    assert set(statuses(full_event).values()) == {Status.CONFIRMED}
    assert len(place_mails(full_event.title)) == 3


def test_promotion_mail_is_in_the_registrants_language(
    client, make_event, translate, django_capture_on_commit_callbacks
):
    event = make_event("test-dwa-jezyki", capacity=1)
    english = translate(event, "test-two-languages", "Two languages")
    held = enrol(event, "Anna Miejsce", Status.CONFIRMED, 1)
    data = {**VALID, "email": "english@example.org", "name": "English Person"}
    assert client.post(english.url + "rejestracja/", data).status_code == 303
    waiting = Registration.objects.get(email="english@example.org")
    assert (waiting.event_id, waiting.status, waiting.language) == (event.pk, Status.WAITLIST, "en")
    assert "number 1 on the waiting list" in mail.outbox[0].body
    mail.outbox.clear()
    translation.activate("pl")  # whoever cancels speaks Polish: the registration decides
    with django_capture_on_commit_callbacks(execute=True):
        cancel(held)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "You have a place: Two languages"
    assert "/en/" in message.body and english.url in message.body
    link = CANCEL_LINK.search(message.body).group(0)
    assert link.startswith("http://testserver/en/")
    assert translation.get_language() == "pl"  # the override ended with the e-mail


# Registering again after cancelling ---------------------------------------------------------
def test_a_person_who_cancelled_may_register_again_at_the_end_of_the_queue(
    client, full_event, django_capture_on_commit_callbacks
):
    first = Registration.objects.get(event=full_event, name="Anna Pierwsza")
    with django_capture_on_commit_callbacks(execute=True):
        cancel(first)
    data = {**VALID, "email": "ANNA.pierwsza@example.org", "name": "Anna Pierwsza"}
    assert client.post(full_event.url + "rejestracja/", data).status_code == 303
    rows = Registration.objects.filter(event=full_event, email__iexact=first.email)
    assert sorted(rows.values_list("status", flat=True)) == [Status.CANCELLED, Status.WAITLIST]
    # still one active registration per address: a third attempt is refused
    response = client.post(full_event.url + "rejestracja/", data)
    assert response.status_code == 200
    assert "email" in response.context["registration_form"].errors
    assert rows.count() == 2


# The registrant's link ---------------------------------------------------------------------
def confirmation_link(client, event: EventPage, **changes) -> str:
    """Register through the page and return the cancel link from the confirmation e-mail."""
    mail.outbox.clear()
    response = client.post(event.url + "rejestracja/", {**VALID, **changes})
    assert response.status_code == 303
    link = CANCEL_LINK.search(mail.outbox[-1].body).group(0)
    mail.outbox.clear()
    return link.removeprefix("http://testserver")


def test_the_confirmation_link_asks_then_cancels(
    client, make_event, django_capture_on_commit_callbacks
):
    event = make_event("test-link-rezygnacji", capacity=1)
    link = confirmation_link(client, event)
    assert link.startswith(event.url + "rezygnacja/")
    enrol(event, "Bogdan Czeka", Status.WAITLIST, 90)
    page = client.get(link)
    assert page.status_code == 200
    html = page.content.decode()
    assert '<form method="post"' in html and "csrfmiddlewaretoken" in html
    assert VALID["name"] in html and event.title in html
    # never stored in the page cache: it holds a CSRF token and someone's registration
    assert "no-store" in page["Cache-Control"] and "private" in page["Cache-Control"]
    again = client.get(link)
    assert "X-Page-Cache" not in page and "X-Page-Cache" not in again
    mine = Registration.objects.get(event=event, email=VALID["email"])
    assert mine.status == Status.CONFIRMED  # a GET never writes
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link)
    assert response.status_code == 303 and response["Location"] == link
    mine.refresh_from_db()
    assert mine.status == Status.CANCELLED
    assert statuses(event)["Bogdan Czeka"] == Status.CONFIRMED
    done = client.get(link)
    assert done.status_code == 200
    assert '<form method="post"' not in done.content.decode()
    assert place_mails(event.title)[0].to == ["bogdan.czeka@example.org"]
    # a double POST (the second click) only says it is cancelled, and e-mails nobody again
    with django_capture_on_commit_callbacks(execute=True):
        second = client.post(link)
    assert second.status_code == 200
    assert "event-message--success" in second.content.decode()
    assert len(mail.outbox) == 1
    assert event.confirmed_count() == 1


def test_a_waiting_person_leaves_the_list_by_their_link(client, make_event):
    event = make_event("test-link-lista", capacity=1)
    enrol(event, "Anna Miejsce", Status.CONFIRMED, 1)
    link = confirmation_link(client, event)
    assert Registration.objects.get(event=event, email=VALID["email"]).status == Status.WAITLIST
    assert client.post(link).status_code == 303
    assert Registration.objects.get(event=event, email=VALID["email"]).status == Status.CANCELLED
    assert statuses(event)["Anna Miejsce"] == Status.CONFIRMED


@pytest.mark.parametrize(
    "token",
    ["zly-token", "1-x", "12345", "", "9" * 30 + "-abc", "1:abc", "１２-abc"],
)
def test_malformed_tokens_say_so_with_404(client, make_event, token):
    event = make_event("test-zly-token")
    response = client.get(f"{event.url}rezygnacja/{token}/")
    # a token Wagtail will not even route ends in its plain 404; the rest in ours
    assert response.status_code == 404
    assert registration_for_token(token) is None


def test_a_forged_or_foreign_token_is_refused_in_polish(client, make_event):
    event = make_event("test-podrobiony", capacity=5)
    other = make_event("test-inne-wydarzenie", capacity=5)
    mine = enrol(event, "Anna Prawdziwa", Status.CONFIRMED, 1)
    theirs = enrol(other, "Bogdan Obcy", Status.CONFIRMED, 1)
    pk, signature = cancel_token(mine).split("-", 1)
    forged = [
        f"{theirs.pk}-{signature}",  # someone else's pk under my signature
        f"{pk}-{signature[:-1]}{'A' if signature[-1] != 'A' else 'B'}",
        cancel_token(theirs),  # valid, but for another event
    ]
    for token in forged:
        response = client.get(f"{event.url}rezygnacja/{token}/")
        assert response.status_code == 404, token
        page = response.content.decode()
        assert html_text(pl(INVALID_LINK)) in html_text(page)
        assert client.post(f"{event.url}rezygnacja/{token}/").status_code == 404
    cancelled = Registration.objects.filter(status=Status.CANCELLED, pk__in=[mine.pk, theirs.pk])
    assert not cancelled.exists()
    # a registration that is gone: the signature holds, the row does not
    token = cancel_token(mine)
    mine.delete()
    assert client.get(f"{event.url}rezygnacja/{token}/").status_code == 404


def test_the_link_is_refused_after_the_start(client, make_event):
    event = make_event("test-po-starcie", days=-1, hours=48)
    held = enrol(event, "Anna Spozniona", Status.CONFIRMED, 1)
    link = f"{event.url}rezygnacja/{cancel_token(held)}/"
    response = client.get(link)
    assert response.status_code == 400
    assert html_text(pl(STARTED)) in html_text(response.content.decode())
    assert client.post(link).status_code == 400
    held.refresh_from_db()
    assert held.status == Status.CONFIRMED


def test_an_already_cancelled_link_says_so(client, make_event):
    event = make_event("test-juz-odwolane", capacity=5)
    gone = enrol(event, "Anna Odwolana", Status.CANCELLED, 1)
    response = client.get(f"{event.url}rezygnacja/{cancel_token(gone)}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<form method="post"' not in html
    assert "event-message--success" in html


def test_the_link_works_in_english(client, make_event, translate):
    event = make_event("test-angielski-link", capacity=3)
    english = translate(event, "test-english-link", "English link")
    link = confirmation_link(client, english, email="en@example.org")
    assert link.startswith(english.url + "rezygnacja/")
    page = client.get(link).content.decode()
    assert "Cancel my registration" in page and 'lang="en"' in page
    bad = client.get(f"{english.url}rezygnacja/1-abc/")
    assert bad.status_code == 404
    assert "This cancellation link is not valid." in bad.content.decode()
    assert client.post(link).status_code == 303
    assert Registration.objects.get(email="en@example.org").status == Status.CANCELLED


def test_cancelling_is_rate_limited(client, make_event, settings):
    settings.RATE_LIMITS = {"event-registration": (3, 3600)}
    event = make_event("test-limit-rezygnacji", capacity=5)
    people = [enrol(event, f"Osoba Numer{n}", Status.CONFIRMED, n) for n in range(3)]
    links = [f"{event.url}rezygnacja/{cancel_token(person)}/" for person in people]
    assert client.post(links[0]).status_code == 303
    assert client.post(links[1]).status_code == 303
    assert client.post(links[2]).status_code == 303
    fourth = enrol(event, "Osoba Czwarta", Status.CONFIRMED, 9)
    response = client.post(f"{event.url}rezygnacja/{cancel_token(fourth)}/")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "event-message--error" in response.content.decode()
    fourth.refresh_from_db()
    assert fourth.status == Status.CONFIRMED


@pytest.mark.skipif(
    not VNU.exists() or not shutil.which("java"),
    reason="vnu-jar or java missing: `make test` installs them",
)
def test_the_cancel_pages_are_valid_html(client, make_event, tmp_path):
    event = make_event("test-html-rezygnacji", capacity=1)
    held = enrol(event, "Anna Miejsce", Status.CONFIRMED, 1)
    waiting = enrol(event, "Bogdan Czeka", Status.WAITLIST, 2)
    gone = enrol(event, "Cezary Odwolal", Status.CANCELLED, 3)
    pages = {
        name: client.get(f"{event.url}rezygnacja/{token}/").content
        for name, token in [
            ("pending", cancel_token(held)),
            ("waiting", cancel_token(waiting)),
            ("cancelled", cancel_token(gone)),
            ("invalid", "1-abc"),
        ]
    }
    assert nu_errors(pages, tmp_path) == []


def test_a_get_of_the_link_never_writes(client, make_event):
    event = make_event("test-get-bez-zapisu", capacity=5)
    held = enrol(event, "Anna Czyta", Status.CONFIRMED, 1)
    link = f"{event.url}rezygnacja/{cancel_token(held)}/"
    client.get(link)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(link).status_code == 200
    writes = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].split()[0].upper() in ("INSERT", "UPDATE", "DELETE")
    ]
    assert writes == []


# Staff: the admin's cancel action ------------------------------------------------------------
@pytest.fixture
def admin_registrations(make_event, owes_a, owes_b):
    of_a = make_event("test-admin-a", organiser=owes_a, requested_by=owes_a, capacity=1)
    of_b = make_event("test-admin-b", organiser=owes_b, requested_by=owes_b, capacity=1)
    held_a = enrol(of_a, "Anna Owesa", Status.CONFIRMED, 1)
    enrol(of_a, "Adam Czeka", Status.WAITLIST, 2)
    held_b = enrol(of_b, "Bogdan Owesb", Status.CONFIRMED, 1)
    return held_a, held_b


def cancel_url(registration: Registration) -> str:
    return reverse("event_registrations:cancel", args=(registration.pk,))


@pytest.mark.parametrize(
    "who, registration, allowed",
    [
        ("anonymous", 0, False),
        ("customer", 0, False),
        ("owes_b", 0, False),  # another OWES' event
        ("owes_a", 0, True),  # their own organisation's
        ("owes_a", 1, False),
        ("rops", 0, True),
        ("rops", 1, True),
        ("superuser", 1, True),
    ],
)
def test_staff_cancel_permission_matrix(
    client,
    people,
    admin_registrations,
    who,
    registration,
    allowed,
    django_capture_on_commit_callbacks,
):
    target = admin_registrations[registration]
    if who == "superuser":
        client.force_login(get_user_model().objects.get(email="admin@es.example.org"))
    elif who != "anonymous":
        client.force_login(people[who])
    page = client.get(cancel_url(target))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(cancel_url(target))
    target.refresh_from_db()
    if allowed:
        assert page.status_code == 200
        assert target.name in page.content.decode()
        assert response.status_code == 302
        assert response["Location"] == reverse("event_registrations:index")
        assert target.status == Status.CANCELLED
    else:
        assert page.status_code in (302, 403, 404)
        assert response.status_code in (302, 403, 404)
        if who.startswith("owes"):
            assert response.status_code == 404  # not even told it exists
        assert target.status == Status.CONFIRMED
        assert mail.outbox == []


def test_staff_cancel_moves_the_list_up_and_says_who(
    client, people, admin_registrations, django_capture_on_commit_callbacks
):
    held_a = admin_registrations[0]
    client.force_login(people["owes_a"])
    listing = client.get(reverse("event_registrations:index")).content.decode()
    assert cancel_url(held_a) in listing
    assert cancel_url(admin_registrations[1]) not in listing  # not theirs
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(cancel_url(held_a), follow=True)
    texts = [str(m) for m in response.context["messages"]]
    assert any("Adam Czeka" in text for text in texts)
    assert statuses(held_a.event)["Adam Czeka"] == Status.CONFIRMED
    assert [m.to for m in mail.outbox] == [["adam.czeka@example.org"]]
    # cancelled: no more cancel button, and a second POST is only a warning
    listing = client.get(reverse("event_registrations:index")).content.decode()
    assert cancel_url(held_a) not in listing
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(cancel_url(held_a), follow=True)
    assert [m.level_tag for m in response.context["messages"]] == ["warning"]
    assert len(mail.outbox) == 1


def test_a_malformed_admin_address_is_a_404(client, people):
    client.force_login(people["rops"])
    assert client.get("/admin/events/registrations/cancel/abc/").status_code == 404


def test_the_edit_form_does_not_offer_cancelled(client, people, admin_registrations):
    client.force_login(people["rops"])
    held = admin_registrations[1]
    response = client.get(reverse("event_registrations:edit", args=(held.pk,)))
    choices = [value for value, _label in response.context["form"].fields["status"].choices]
    assert Status.CANCELLED not in choices
    assert Status.WAITLIST in choices


# At the same moment (PostgreSQL) -------------------------------------------------------------
CAPACITY = 2


def committed_full_event() -> tuple[int, str, dict[str, int], list[int]]:
    """A committed event with two places taken and two people waiting."""
    event, made = live_event("Dwie rezygnacje naraz", "test-rownoczesne-rezygnacje", CAPACITY)
    people = {
        name: enrol(event, name, status, minute).pk
        for name, status, minute in [
            ("Anna Rezygnuje", Status.CONFIRMED, 1),
            ("Bogdan Rezygnuje", Status.CONFIRMED, 2),
            ("Cezary Czeka", Status.WAITLIST, 3),
            ("Dorota Czeka", Status.WAITLIST, 4),
        ]
    }
    return event.pk, event.url, people, made


def test_two_places_freed_at_once_go_to_two_people(demo_region, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip(
            "needs PostgreSQL: SQLite has no row locks; its BEGIN IMMEDIATE serialises whole "
            "transactions instead (run with DATABASE_URL=postgres…)"
        )
    event_pk, url, people, made = in_own_thread(committed_full_event)
    leaving = ["Anna Rezygnuje", "Bogdan Rezygnuje"]
    tokens = in_own_thread(
        lambda: [cancel_token(Registration.objects.get(pk=people[name])) for name in leaving]
    )
    # Both cancellations meet after marking their own row and before counting the places:
    # without the event lock they would each see one place free and both pick the same person.
    # With it, the second waits for the first, so the first's wait times out and it goes on.
    meeting = threading.Barrier(2)
    count = registration_module._confirmed_count

    def counted_after_meeting(event):
        with suppress(threading.BrokenBarrierError):  # alone at the meeting: the lock works
            meeting.wait(timeout=3)
        return count(event)

    monkeypatch.setattr(registration_module, "_confirmed_count", counted_after_meeting)
    start = threading.Barrier(2)
    answers: list[int] = []

    def leave(token: str) -> None:
        try:
            client = Client()
            start.wait(timeout=30)
            answers.append(client.post(f"{url}rezygnacja/{token}/").status_code)
        finally:
            connections.close_all()

    try:
        threads = [threading.Thread(target=leave, args=(token,)) for token in tokens]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert answers == [303, 303]

        def outcome() -> dict[str, str]:
            return dict(
                Registration.objects.filter(event_id=event_pk).values_list("name", "status")
            )

        assert in_own_thread(outcome) == {
            "Anna Rezygnuje": Status.CANCELLED,
            "Bogdan Rezygnuje": Status.CANCELLED,
            "Cezary Czeka": Status.CONFIRMED,
            "Dorota Czeka": Status.CONFIRMED,
        }
        # each promoted person e-mailed exactly once
        assert sorted(m.to[0] for m in mail.outbox) == [
            "cezary.czeka@example.org",
            "dorota.czeka@example.org",
        ]
    finally:
        in_own_thread(lambda: delete_pages(made))
        in_own_thread(caches["ratelimit"].clear)
