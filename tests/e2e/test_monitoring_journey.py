"""An OWES reports its quarter, the ROPS returns it, the OWES corrects it, the ROPS accepts it,
and the public statistics show the new total (the cached page is renewed by the acceptance).

The journey reports for the fourth quarter of the year, which the demo never fills, and removes
that report afterwards so the demo stays as it was.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.helpers.browser import admin_log_in, serious_violations

pytestmark = pytest.mark.e2e

OWES_SLUG = "swietokrzyski-owes"
OWES_LOGIN = f"redakcja@{OWES_SLUG}.example.org"
ROPS_LOGIN = "moderator@rops.example.org"
INDICATOR = "miejsca-pracy"  # jobs for people at risk: entered by the OWES
ANONYMOUS = {"locale": "pl-PL", "viewport": {"width": 1280, "height": 900}}


@pytest.fixture
def fourth_quarter(demo_region, django_db_blocker) -> Iterator[dict]:
    """The OWES, the indicator and the year whose fourth quarter the journey reports."""
    from portal.monitoring.models import Indicator, Report
    from portal.organisations.models import Organisation

    year = timezone.localdate().year
    with django_db_blocker.unblock():
        owes = Organisation.objects.get(slug=OWES_SLUG)
        indicator = Indicator.objects.get(code=INDICATOR)
        Report.objects.filter(owes=owes, year=year, quarter=4).delete()
    yield {"owes": owes, "indicator": indicator, "year": year}
    with django_db_blocker.unblock():
        Report.objects.filter(owes=owes, year=year, quarter=4).delete()


def _achieved(page, server_url: str, year: int, row_name: str) -> Decimal:
    """The 'achieved' cell of the OWES indicators table on the public statistics page."""
    page.goto(f"{server_url}/statystyki/?year={year}")
    table = page.locator("section#stats-owes-indicators table")
    expect(table).to_have_count(1)
    row = table.locator("tbody tr").filter(has=page.locator("th", has_text=row_name))
    expect(row).to_have_count(1)
    text = row.locator("td").nth(1).inner_text().strip()
    return Decimal(text.replace("\xa0", "").replace(" ", "").replace(",", "."))


def test_report_returned_corrected_accepted_then_public(
    browser, server_url, fourth_quarter, django_db_blocker
):
    from portal.monitoring.models import Report, ReportStatus

    owes, indicator, year = (fourth_quarter[k] for k in ("owes", "indicator", "year"))
    row_name = f"{owes.name} – {indicator.name}"

    # A visitor reads the statistics first, so the page is in the anonymous cache.
    visitor = browser.new_context(**ANONYMOUS)
    public = visitor.new_page()
    before = _achieved(public, server_url, year, row_name)
    assert serious_violations(public) == []

    # The OWES creates its fourth-quarter report, enters 7 jobs and submits it.
    owes_context, owes_page = admin_log_in(browser, server_url, OWES_LOGIN)
    owes_page.goto(server_url + "/admin/monitoring/reports/")
    owes_page.select_option("select[name=year]", str(year))
    owes_page.select_option("select[name=quarter]", "4")
    owes_page.get_by_role("button", name="Utwórz sprawozdanie").click()
    owes_page.wait_for_url(re.compile(r"/admin/monitoring/reports/\d+/$"))
    report_url = owes_page.url
    value = owes_page.locator(f"input[name=value_{indicator.pk}]")
    value.fill("7")
    for field in owes_page.locator("input[name^=value_]").all():
        if not field.input_value():
            field.fill("0")
    owes_page.get_by_role("button", name="Przekaż do ROPS").click()
    expect(owes_page.get_by_text("przekazane", exact=False).first).to_be_visible()

    # The ROPS returns it with a comment.
    rops_context, rops_page = admin_log_in(browser, server_url, ROPS_LOGIN)
    rops_page.goto(report_url)
    rops_page.locator("textarea[name=comment]").fill("Proszę sprawdzić liczbę miejsc pracy.")
    rops_page.get_by_role("button", name="Zwróć z komentarzem").click()
    with django_db_blocker.unblock():
        report = Report.objects.get(owes=owes, year=year, quarter=4)
        assert report.status == ReportStatus.RETURNED

    # The OWES sees the comment and corrects the figure to 9.
    owes_page.goto(report_url)
    expect(owes_page.get_by_text("Proszę sprawdzić liczbę miejsc pracy.").first).to_be_visible()
    owes_page.locator(f"input[name=value_{indicator.pk}]").fill("9")
    owes_page.get_by_role("button", name="Przekaż do ROPS").click()

    # The ROPS accepts it; the report is locked.
    rops_page.goto(report_url)
    rops_page.get_by_role("button", name="Zaakceptuj").click()
    with django_db_blocker.unblock():
        report.refresh_from_db()
        assert report.status == ReportStatus.ACCEPTED
        assert report.values.get(indicator=indicator).value == Decimal(9)
    owes_page.goto(report_url)
    expect(owes_page.locator(f"input[name=value_{indicator.pk}]")).to_have_count(0)
    assert serious_violations(owes_page) == []

    # The public statistics show the new total, though the visitor's copy was cached before.
    assert _achieved(public, server_url, year, row_name) == before + 9
    for context in (visitor, owes_context, rops_context):
        context.close()
