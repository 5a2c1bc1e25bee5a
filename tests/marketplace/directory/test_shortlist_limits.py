"""Adding to the shortlist is rate-limited per address: refused with a message, list unchanged."""

from __future__ import annotations

from django.contrib.messages import constants

from marketplace.directory.shortlist import SESSION_KEY


def _add(client, partner):
    return client.post("/baza-pes/lista/dodaj/", {"partner": partner.pk, "next": "/baza-pes/"})


def test_adding_over_the_limit_is_refused_with_a_message(client, world, settings):
    settings.RATE_LIMITS = {"shortlist": (2, 3600)}
    assert _add(client, world.a).status_code == 303
    assert _add(client, world.b).status_code == 303
    response = _add(client, world.c)
    assert response.status_code == 303
    assert client.session[SESSION_KEY] == [world.a.pk, world.b.pk]
    page = client.get(response["Location"])
    errors = [m for m in page.context["messages"] if m.level == constants.ERROR]
    assert len(errors) == 1
    assert str(errors[0]) in page.content.decode()
