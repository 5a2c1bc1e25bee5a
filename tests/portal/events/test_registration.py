"""Registration: confirmed, waiting list, refused input (nothing saved), e-mail with an .ics."""

from __future__ import annotations

import pytest
from django.core import mail
from django.utils import translation
from icalendar import Calendar

from portal.events.forms import RegistrationForm
from portal.events.models import Registration
from portal.events.registration import AlreadyRegistered, register

VALID = {
    "name": "Joanna Nowak",
    "email": "joanna.nowak@example.org",
    "organisation_name": "Spółdzielnia Socjalna „Razem”",
    "phone": "+48 600 100 200",
    "consent": "on",
}


def post(client, page, **changes):
    data = {**VALID, **changes}
    data = {key: value for key, value in data.items() if value is not None}
    return client.post(page.url + "rejestracja/", data)


def form_errors(response) -> dict:
    return response.context["registration_form"].errors


def test_registration_confirmed_with_email_and_ics(client, make_event):
    event = make_event("rejestracja-ok", capacity=10)
    response = post(client, event)
    assert response.status_code == 303
    assert response["Location"] == event.url
    registration = Registration.objects.get(event=event)
    assert registration.status == Registration.Status.CONFIRMED
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["joanna.nowak@example.org"]
    assert event.title in message.subject
    filename, content, mimetype = message.attachments[0]
    assert (filename, mimetype) == ("rejestracja-ok.ics", "text/calendar")
    vevent = Calendar.from_ical(content).walk("VEVENT")[0]
    assert vevent.decoded("dtstart") == event.start
    # the page after the redirect shows the message and one place fewer
    page = client.get(response["Location"]).content.decode()
    assert 'class="event-message event-message--success"' in page
    assert "9" in page.split('class="event-facts"')[1].split("</dl>")[0]


def test_missing_consent_is_refused_and_nothing_saved(client, make_event):
    event = make_event("bez-zgody")
    response = post(client, event, consent=None)
    assert response.status_code == 200
    assert "consent" in form_errors(response)
    assert 'aria-invalid="true"' in response.content.decode()
    assert not Registration.objects.filter(event=event).exists()
    assert mail.outbox == []


def test_bad_email_is_refused_in_the_visitors_language(client, make_event, translate):
    event = make_event("zly-email")
    response = post(client, event, email="nie-adres")
    assert response.status_code == 200
    assert "Wprowadź poprawny adres email." in response.content.decode()  # Django's Polish
    english = translate(event, "bad-email", "Bad e-mail event")
    response = post(client, english, email="not-an-address")
    assert "Enter a valid email address." in response.content.decode()
    assert Registration.objects.count() == Registration.objects.exclude(event=event).count()
    assert mail.outbox == []


def test_duplicate_email_is_refused_whatever_the_case(client, make_event):
    event = make_event("dwa-razy")
    assert post(client, event).status_code == 303
    response = post(client, event, email="Joanna.Nowak@Example.org", name="Inna Osoba")
    assert response.status_code == 200
    assert form_errors(response)["email"][0] == str(RegistrationForm.duplicate_error())
    assert Registration.objects.filter(event=event).count() == 1
    assert len(mail.outbox) == 1


def test_a_race_on_the_same_address_is_caught(make_event):
    """Two tabs validated before either saved: the database constraint has the last word."""
    event = make_event("wyscig-adresu")
    first = RegistrationForm(VALID, event=event)
    second = RegistrationForm(VALID, event=event)
    assert first.is_valid() and second.is_valid()
    register(event, first)
    with pytest.raises(AlreadyRegistered):
        register(event, second)
    assert Registration.objects.filter(event=event).count() == 1


def test_over_capacity_goes_to_the_waiting_list(client, make_event):
    event = make_event("pelne", capacity=1)
    assert post(client, event).status_code == 303
    response = post(client, event, email="druga@example.org")
    assert response.status_code == 303
    statuses = list(
        Registration.objects.filter(event=event).order_by("pk").values_list("status", flat=True)
    )
    assert statuses == ["confirmed", "waitlist"]
    with translation.override("pl"):
        assert mail.outbox[1].subject.startswith(
            str(translation.gettext("Waiting list: %(title)s") % {"title": ""})
        )
    page = client.get(event.url).content.decode()
    assert 'class="event-registration__full"' in page


def test_closed_registration_shows_why_and_accepts_nothing(client, make_event):
    event = make_event("zamkniete", registration_open=False)
    page = client.get(event.url).content.decode()
    assert 'class="event-registration__closed"' in page
    assert '<form method="post"' not in page
    response = post(client, event)
    assert response.status_code == 303
    assert not Registration.objects.filter(event=event).exists()


def test_past_deadline_closes_registration(client, make_event):
    from django.utils import timezone

    event = make_event("po-terminie", registration_deadline=timezone.now())
    assert not event.registration_state().open
    post(client, event)
    assert not Registration.objects.filter(event=event).exists()


def test_english_page_registers_on_the_polish_event_and_mails_in_english(
    client, make_event, translate
):
    event = make_event("dwujezyczne", capacity=5)
    english = translate(event, "bilingual", "Bilingual event")
    response = post(client, english)
    assert response.status_code == 303
    assert response["Location"] == english.url
    Registration.objects.get(email=VALID["email"], event=event)  # stored on the Polish event
    # one list and one capacity for both languages: nothing was stored on the English page
    assert not Registration.objects.filter(event=english).exists()
    assert mail.outbox[0].subject == "Registration confirmed: Bilingual event"
    assert "is confirmed" in mail.outbox[0].body
    # the same person on the Polish page is already registered
    response = post(client, event)
    assert "email" in form_errors(response)


def test_mail_server_down_keeps_the_place_and_says_so(client, make_event, monkeypatch):
    from django.core.mail import EmailMessage

    def refuse(self, fail_silently=False):
        raise ConnectionRefusedError("no SMTP server")

    monkeypatch.setattr(EmailMessage, "send", refuse)
    event = make_event("bez-poczty")
    response = post(client, event)
    assert response.status_code == 303
    assert Registration.objects.filter(event=event).exists()
    page = client.get(event.url).content.decode()
    assert "event-message--warning" in page


def test_get_on_the_registration_route_leads_to_the_form(client, make_event):
    event = make_event("rejestracja-get")
    response = client.get(event.url + "rejestracja/")
    assert response.status_code == 302
    assert response["Location"] == event.url + "#registration"
