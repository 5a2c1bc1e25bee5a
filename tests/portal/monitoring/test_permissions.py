"""Who may do what: people × pages and actions, with what each action leaves in the database.

Anonymous visitors go to the admin login; another OWES gets a 404 for A's reports (it cannot
learn they exist); the RKRES reads accepted reports only and changes nothing; the ROPS decides
but never fills in an OWES's figures.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.monitoring.models import Report, ReportStatus

pytestmark = pytest.mark.django_db

PEOPLE = ("anonymous", "owes_a", "owes_b", "rops", "rkres")


def _values(world: Any, report: Report) -> dict[str, str]:
    return {
        f"value_{world.entered.pk}": "9",
        f"value_{world.computed.pk}": "2",
        f"note_{world.entered.pk}": "",
        f"note_{world.computed.pk}": "",
    }


def _detail(report: Report) -> str:
    return reverse("monitoring_report", kwargs={"pk": report.pk})


ACTIONS = {
    "list": lambda c, w: c.get(reverse("monitoring_reports")),
    "view_submitted": lambda c, w: c.get(_detail(w.submitted)),
    "view_accepted": lambda c, w: c.get(_detail(w.accepted)),
    "create": lambda c, w: c.post(
        reverse("monitoring_report_create"), {"year": "2024", "quarter": "4"}
    ),
    "edit": lambda c, w: c.post(_detail(w.draft), {"action": "save", **_values(w, w.draft)}),
    "submit": lambda c, w: c.post(_detail(w.draft), {"action": "submit", **_values(w, w.draft)}),
    "edit_accepted": lambda c, w: c.post(
        _detail(w.accepted), {"action": "save", **_values(w, w.accepted)}
    ),
    "accept": lambda c, w: c.post(_detail(w.submitted), {"action": "accept", "comment": ""}),
    "return": lambda c, w: c.post(_detail(w.submitted), {"action": "return", "comment": "Popraw."}),
    "import": lambda c, w: c.get(reverse("monitoring_import")),
    "progress": lambda c, w: c.get(reverse("monitoring_progress") + "?year=2025"),
}

OK, REDIRECT, FORBIDDEN, MISSING = 200, 302, "denied", 404


def _outcome(response: Any) -> Any:
    """Wagtail turns a PermissionDenied into a redirect to the admin's home with a message."""
    if response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home"):
        return FORBIDDEN
    return response.status_code


EXPECTED = {
    #                 owes_a    owes_b     rops       rkres
    "list": (OK, OK, OK, OK),
    "view_submitted": (OK, MISSING, OK, MISSING),
    "view_accepted": (OK, MISSING, OK, OK),
    "create": (REDIRECT, REDIRECT, FORBIDDEN, FORBIDDEN),
    "edit": (REDIRECT, MISSING, FORBIDDEN, MISSING),
    "submit": (REDIRECT, MISSING, FORBIDDEN, MISSING),
    "edit_accepted": (FORBIDDEN, MISSING, FORBIDDEN, FORBIDDEN),
    "accept": (FORBIDDEN, MISSING, REDIRECT, MISSING),
    "return": (FORBIDDEN, MISSING, REDIRECT, MISSING),
    "import": (FORBIDDEN, FORBIDDEN, OK, FORBIDDEN),
    "progress": (OK, OK, OK, OK),
}
# What the draft / submitted report's status is after the action, when it was allowed.
EFFECT = {
    "submit": ("draft", ReportStatus.SUBMITTED),
    "accept": ("submitted", ReportStatus.ACCEPTED),
    "return": ("submitted", ReportStatus.RETURNED),
}


@pytest.mark.parametrize("person", PEOPLE)
@pytest.mark.parametrize("action", list(ACTIONS))
def test_matrix(world, client, person: str, action: str) -> None:
    user = world.people[person]
    if user is not None:
        client.force_login(user)
    before = {
        r.pk: (r.status, list(r.values.values_list("value", flat=True)))
        for r in Report.objects.filter(owes__in=[world.owes_a, world.owes_b])
    }
    response = ACTIONS[action](client, world)
    if person == "anonymous":
        assert response.status_code == 302
        assert reverse("wagtailadmin_login") in response["Location"]
        expected = None
    else:
        expected = EXPECTED[action][PEOPLE.index(person) - 1]
        assert _outcome(response) == expected, (person, action)
    allowed = expected in (OK, REDIRECT)
    if action in EFFECT:
        name, status = EFFECT[action]
        report = getattr(world, name)
        report.refresh_from_db()
        assert (report.status == status) == allowed
    elif action == "edit":
        world.draft.refresh_from_db()
        changed = world.draft.values.filter(indicator=world.entered, value=9).exists()
        assert changed == allowed
    elif action == "create":
        made = Report.objects.filter(year=2024, quarter=4)
        assert made.exists() == allowed
        if allowed:
            assert made.get().owes == (world.owes_a if person == "owes_a" else world.owes_b)
    elif not allowed or action in ("list", "import", "progress", "view_submitted", "view_accepted"):
        after = {
            r.pk: (r.status, list(r.values.values_list("value", flat=True)))
            for r in Report.objects.filter(owes__in=[world.owes_a, world.owes_b])
        }
        assert after == before  # a GET or a refusal writes nothing


def test_owes_b_list_does_not_show_owes_a(world, client) -> None:
    client.force_login(world.people["owes_b"])
    body = client.get(reverse("monitoring_reports")).content.decode()
    assert world.owes_a.name not in body


def test_rkres_list_shows_only_accepted(world, client) -> None:
    client.force_login(world.people["rkres"])
    response = client.get(reverse("monitoring_reports"))
    shown = {r.pk for r in response.context["reports"]}
    assert world.accepted.pk in shown
    assert not shown & {world.draft.pk, world.submitted.pk}


def test_rops_filters(world, client) -> None:
    client.force_login(world.people["rops"])
    response = client.get(
        reverse("monitoring_reports"),
        {"owes": world.owes_a.pk, "year": "2025", "status": "submitted"},
    )
    assert [r.pk for r in response.context["reports"]] == [world.submitted.pk]


def test_return_needs_a_comment(world, client) -> None:
    client.force_login(world.people["rops"])
    response = client.post(_detail(world.submitted), {"action": "return", "comment": " "})
    assert response.status_code == 200
    assert "komentarz jest wymagany" in response.content.decode()
    world.submitted.refresh_from_db()
    assert world.submitted.status == ReportStatus.SUBMITTED


def test_bad_number_is_refused_and_nothing_saved(world, client) -> None:
    client.force_login(world.people["owes_a"])
    data = {"action": "save", **_values(world, world.draft)}
    data[f"value_{world.entered.pk}"] = "dużo"
    response = client.post(_detail(world.draft), data)
    assert response.status_code == 200
    assert not world.draft.values.filter(value=9).exists()


def test_query_budget_does_not_grow(world, client, django_assert_max_num_queries) -> None:
    """The list and the report page cost the same whether there are few or many rows."""
    from tests.factories.monitoring import IndicatorFactory, ReportFactory, value

    client.force_login(world.people["rops"])
    client.get(reverse("monitoring_reports"))  # warm the per-session caches
    with CaptureQueriesContext(connection) as small_list:
        client.get(reverse("monitoring_reports"))
    list_queries = len(small_list)  # read now: the next request resets the log
    assert list_queries <= 40
    client.force_login(world.people["owes_a"])
    client.get(_detail(world.draft))
    with CaptureQueriesContext(connection) as small_report:
        client.get(_detail(world.draft))
    report_queries = len(small_report)
    assert report_queries <= 40
    extra = IndicatorFactory.create_batch(6)
    for quarter in (1, 2, 3, 4):
        report = ReportFactory(owes=world.owes_b, year=2024, quarter=quarter)
        for indicator in extra:
            value(report, indicator, "3")
    for indicator in extra:
        value(world.draft, indicator, "1")
    client.force_login(world.people["rops"])
    client.get(reverse("monitoring_reports"))
    with django_assert_max_num_queries(list_queries):
        client.get(reverse("monitoring_reports"))
    client.force_login(world.people["owes_a"])
    client.get(_detail(world.draft))
    with django_assert_max_num_queries(report_queries):
        client.get(_detail(world.draft))
