"""Registration abuse guards: the rate limit per address and the honeypot."""

from __future__ import annotations

import pytest
from django.core import mail

from portal.events.models import Registration

from .test_registration import VALID

pytestmark = pytest.mark.django_db


def post(client, page, address: str = "127.0.0.1", **changes):
    return client.post(page.url + "rejestracja/", {**VALID, **changes}, REMOTE_ADDR=address)


def test_registrations_over_the_limit_are_refused_keeping_what_was_typed(
    client, make_event, settings
):
    settings.RATE_LIMITS = {"event-registration": (2, 3600)}
    event = make_event("rejestracja-limit", capacity=50)
    for number in range(2):
        response = post(client, event, email=f"osoba{number}@example.org")
        assert response.status_code == 303
    response = post(client, event, email="trzecia@example.org", name="Trzecia Osoba")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    form = response.context["registration_form"]
    assert form.non_field_errors()
    page = response.content.decode()
    assert "Trzecia Osoba" in page and "trzecia@example.org" in page
    assert not Registration.objects.filter(email="trzecia@example.org").exists()
    assert Registration.objects.filter(event=event).count() == 2
    # another address is not affected
    other = post(client, event, address="10.0.0.9", email="inny@example.org")
    assert other.status_code == 303


def test_honeypot_drops_the_registration_silently(client, make_event):
    event = make_event("rejestracja-pulapka", capacity=10)
    response = post(client, event, website="http://spam.example")
    assert response.status_code == 303
    assert not Registration.objects.filter(event=event).exists()
    assert not mail.outbox


def test_the_honeypot_is_on_the_page_hidden(client, make_event):
    event = make_event("rejestracja-ukryte", capacity=10)
    page = client.get(event.url).content.decode()
    assert 'class="form-trap" aria-hidden="true"' in page
    assert 'name="website"' in page
    assert VALID["name"] not in page
