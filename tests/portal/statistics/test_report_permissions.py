"""Who may add, edit and publish a report: the ROPS and superusers only (matrix over roles),
and the ROPS publishing one through the admin's own form freezes it like any publication."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html

from portal.organisations.models import RkresPage
from portal.statistics.models import AnnualReportPage
from tests.factories.annual_report import (
    report_page,
    rkres_page,
    statistics,  # noqa: F401 (fixture)
)
from tests.factories.users import PesUserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo", "statistics")]

ACCOUNTS = {
    "superuser": "admin@es.example.org",
    "rops": "moderator@rops.example.org",
    "owes": "redakcja@swietokrzyski-owes.example.org",
    "rkres": "czlonek@rkres.example.org",
}
ALLOWED = {"superuser", "rops"}


@pytest.fixture(autouse=True)
def reports_allowed_under_rkres(monkeypatch: pytest.MonkeyPatch) -> None:
    """RkresPage.subpage_types as after the one-line change asked for in the report."""
    monkeypatch.setattr(RkresPage, "subpage_types", ["statistics.AnnualReportPage"])
    monkeypatch.setattr(RkresPage, "_clean_subpage_models", [AnnualReportPage], raising=False)


def add_url() -> str:
    return reverse(
        "wagtailadmin_pages:add", args=("statistics", "annualreportpage", rkres_page().pk)
    )


def user_for(role: str):
    if role == "pes":
        return PesUserFactory()
    return get_user_model().objects.get(email=ACCOUNTS[role])


@pytest.mark.parametrize("action", ["add", "edit", "publish", "delete"])
@pytest.mark.parametrize("role", ["superuser", "rops", "owes", "rkres", "pes"])
def test_only_the_rops_manages_reports(role: str, action: str) -> None:
    user = user_for(role)
    if action == "add":
        allowed = rkres_page().permissions_for_user(user).can_add_subpage()
        allowed = allowed and AnnualReportPage.can_create_at(rkres_page())
    else:
        tester = report_page().permissions_for_user(user)
        allowed = {
            "edit": tester.can_edit,
            "publish": tester.can_publish,
            "delete": tester.can_delete,
        }[action]()
    assert allowed == (role in ALLOWED)


def test_reports_go_under_the_rkres_page_only() -> None:
    assert AnnualReportPage.allowed_parent_page_models() == [RkresPage]
    assert AnnualReportPage.allowed_subpage_models() == []


def test_the_rops_publishes_a_report_through_the_admin(client) -> None:
    client.force_login(user_for("rops"))
    url = reverse(
        "wagtailadmin_pages:add", args=("statistics", "annualreportpage", rkres_page().pk)
    )
    response = client.get(url)
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    data.update(
        {
            "title": "Raport o ekonomii społecznej 2034",
            "slug": "raport-2034",
            "year": "2034",
            "region": "województwo świętokrzyskie",
            "lead": "Rok w liczbach.",
            "body-count": "0",
            "action-publish": "action-publish",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = AnnualReportPage.objects.get(year=2034)
    assert page.live and page.is_frozen and page.pdf is not None

    # The same year again: a form error, nothing saved.
    data.update({"slug": "raport-2034-bis", "title": "Duplikat"})
    response = client.post(url, data)
    assert response.status_code == 200
    assert AnnualReportPage.objects.filter(year=2034).count() == 1


def test_an_owes_editor_cannot_open_the_add_form(client) -> None:
    client.force_login(user_for("owes"))
    url = reverse(
        "wagtailadmin_pages:add", args=("statistics", "annualreportpage", rkres_page().pk)
    )
    response = client.get(url)
    assert response.status_code in (302, 403)
