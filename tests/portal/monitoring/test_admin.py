"""The "Monitoring" menu and the indicator/target snippets, by role."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("person", "reports", "import_item"),
    [("owes_a", True, False), ("rops", True, True), ("rkres", True, False)],
)
def test_menu(world, client, person, reports, import_item) -> None:
    client.force_login(world.people[person])
    body = client.get(reverse("wagtailadmin_home")).content.decode()
    assert ("Sprawozdania kwartalne" in body) == reports
    assert (reverse("monitoring_import") in body) == import_item


@pytest.mark.parametrize(
    ("person", "list_status", "add_status"),
    [("rops", 200, 200), ("owes_a", 200, 302), ("rkres", 200, 302)],
)
def test_indicator_snippets(world, client, person, list_status, add_status) -> None:
    client.force_login(world.people[person])
    assert client.get(reverse("wagtailsnippets_monitoring_indicator:list")).status_code == (
        list_status
    )
    assert client.get(reverse("wagtailsnippets_monitoring_indicator:add")).status_code == (
        add_status
    )
    target_list = reverse("wagtailsnippets_monitoring_indicatortarget:list")
    assert client.get(target_list).status_code == list_status


def test_progress_page_shows_targets_and_accepted_sums(world, client) -> None:
    from tests.factories.monitoring import TargetFactory

    TargetFactory(indicator=world.entered, owes=world.owes_a, year=2025, value=40)
    client.force_login(world.people["rops"])
    response = client.get(reverse("monitoring_progress"), {"year": "2025"})
    rows = [
        r
        for r in response.context["rows"]
        if r.owes == world.owes_a and r.indicator == world.entered
    ]
    assert [(r.target, r.achieved, r.share) for r in rows] == [(40, 4, 10)]
    client.force_login(world.people["owes_b"])
    response = client.get(reverse("monitoring_progress"), {"year": "2025"})
    assert {r.owes for r in response.context["rows"]} == {world.owes_b}
