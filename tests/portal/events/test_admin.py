"""Admin: the event form (end after start, "on whose request"), the 14-day warning, CSV export."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html

from portal.events.models import EventKind, EventPage, Registration
from tests.helpers.clock import local


def add_form(client, event_index) -> tuple[str, dict]:
    url = reverse("wagtailadmin_pages:add", args=("events", "eventpage", event_index.pk))
    response = client.get(url)
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    return url, data


def fill(data, **fields):
    values = {
        "title": "Spotkanie testowe",
        "slug": "spotkanie-testowe",
        "kind": EventKind.WORKSHOP,
        "start": local(30).strftime("%Y-%m-%d %H:%M"),
        "end": local(30, 14).strftime("%Y-%m-%d %H:%M"),
        "place_name": "Sala konferencyjna",
        "lead": "Opis.",
        "body-count": "0",  # the StreamField is drawn by JavaScript: no inputs in the HTML
    }
    values.update(fields)
    for key, value in values.items():
        data[key] = value
    return data


def test_model_refuses_an_end_before_the_start(make_event):
    event = make_event("test-czas")
    event.end = event.start
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "end" in error.value.message_dict


def test_admin_form_shows_the_end_before_start_error(client, people, event_index):
    client.force_login(people["rops"])
    url, data = add_form(client, event_index)
    data = fill(
        data,
        start=local(30, 14).strftime("%Y-%m-%d %H:%M"),
        end=local(30, 10).strftime("%Y-%m-%d %H:%M"),
    )
    response = client.post(url, data)
    assert response.status_code == 200
    assert "end" in response.context["form"].errors
    assert not EventPage.objects.filter(slug="spotkanie-testowe").exists()


def test_owes_editor_publishes_only_on_request_of_their_own_owes(
    client, people, event_index, owes_a, owes_b
):
    client.force_login(people["owes_a"])
    url, data = add_form(client, event_index)
    assert url  # the index lets OWES editors add events here (owes_may_add_here)
    data = fill(data, requested_by=str(owes_b.pk))  # a forged value is ignored
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    assert EventPage.objects.get(slug="spotkanie-testowe").requested_by == owes_a


def test_rops_moderator_gets_their_organisation_as_default(client, people, event_index, rops):
    client.force_login(people["rops"])
    response = client.get(
        reverse("wagtailadmin_pages:add", args=("events", "eventpage", event_index.pk))
    )
    field = response.context["form"]["requested_by"]
    assert field.value() == rops.pk
    assert not field.field.disabled


@pytest.mark.parametrize(
    "kind, days, warned",
    [
        (EventKind.NETWORKING, 5, True),
        (EventKind.RKRES, 13, True),
        (EventKind.NETWORKING, 20, False),
        (EventKind.WORKSHOP, 5, False),
    ],
)
def test_short_notice_warning(client, people, event_index, kind, days, warned):
    client.force_login(people["rops"])
    url, data = add_form(client, event_index)
    data = fill(
        data,
        kind=kind,
        start=local(days).strftime("%Y-%m-%d %H:%M"),
        end=local(days, 14).strftime("%Y-%m-%d %H:%M"),
    )
    response = client.post(url, data, follow=True)
    assert EventPage.objects.filter(slug="spotkanie-testowe").exists()
    levels = [m.level_tag for m in response.context["messages"]]
    assert ("warning" in levels) is warned


def registrations_csv(client) -> list[dict]:
    """Rows keyed by `list_export` names: headings follow the admin's language."""
    from portal.events.wagtail_hooks import RegistrationViewSet

    response = client.get("/admin/events/registrations/", {"export": "csv"})
    assert response.status_code == 200
    assert 'filename="event-registrations.csv"' in response["Content-Disposition"]
    text = b"".join(response.streaming_content).decode()
    rows = list(csv.reader(io.StringIO(text)))[1:]
    return [dict(zip(RegistrationViewSet.list_export, row, strict=True)) for row in rows]


@pytest.fixture
def registrations(make_event, owes_a, owes_b):
    of_a = make_event("test-eksport-a", organiser=owes_a, requested_by=owes_a)
    of_b = make_event("test-eksport-b", organiser=owes_b, requested_by=owes_b)
    Registration.objects.create(
        event=of_a, name="Anna Eksport", email="anna@example.org", consent=True
    )
    Registration.objects.create(
        event=of_b,
        name='=HYPERLINK("http://zlo")',
        email="bogdan@example.org",
        consent=True,
        status=Registration.Status.WAITLIST,
    )
    return of_a, of_b


def test_rops_moderator_exports_registrations_as_csv(client, people, registrations):
    client.force_login(people["rops"])
    rows = registrations_csv(client)
    emails = {row["email"]: row for row in rows}
    assert {"anna@example.org", "bogdan@example.org"} <= set(emails)
    assert emails["anna@example.org"]["event"] == "Wydarzenie test-eksport-a"
    assert emails["bogdan@example.org"]["name"].startswith("'=")  # no formula in Excel
    start = registrations[0].start.astimezone(__import__("zoneinfo").ZoneInfo("Europe/Warsaw"))
    assert emails["anna@example.org"]["event_start"] == start.strftime("%Y-%m-%d %H:%M")


def test_listing_filters_by_event_and_status(client, people, registrations):
    client.force_login(people["rops"])
    response = client.get("/admin/events/registrations/", {"status": "waitlist"})
    html = response.content.decode()
    assert "bogdan@example.org" in html and "anna@example.org" not in html
    response = client.get("/admin/events/registrations/", {"event": registrations[0].pk})
    html = response.content.decode()
    assert "anna@example.org" in html and "bogdan@example.org" not in html


def test_owes_editor_sees_only_their_events_registrations(client, people, registrations):
    client.force_login(people["owes_a"])
    emails = {row["email"] for row in registrations_csv(client)}
    assert "anna@example.org" in emails
    assert "bogdan@example.org" not in emails


@pytest.mark.parametrize("who", ["customer", "anonymous"])
def test_registrations_are_private(client, people, registrations, who):
    if who != "anonymous":
        client.force_login(people[who])
    response = client.get("/admin/events/registrations/", {"export": "csv"})
    assert response.status_code in (302, 403)
