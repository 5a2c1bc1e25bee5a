"""The report's life: create, save, submit, return, correct, accept; mails; history; locking."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.db import transaction

from portal.monitoring import services
from portal.monitoring.models import (
    Report,
    ReportEvent,
    ReportLocked,
    ReportStatus,
    ReportValue,
)
from tests.factories.partners import PartnerFactory

pytestmark = pytest.mark.django_db


def _rows(report: Report, **values: str) -> dict[int, services.RowInput]:
    """Every row of the report at `default`, the named indicator codes at their own value."""
    return {
        row.indicator_id: services.RowInput(
            value=Decimal(values.get(row.indicator.code, "1")), note=""
        )
        for row in report.values.select_related("indicator")
    }


def test_full_cycle_with_return_mails_and_history(
    world, mailoutbox, django_capture_on_commit_callbacks
) -> None:
    editor, rops = world.people["owes_a"], world.people["rops"]
    PartnerFactory(powiat=world.owes_a.powiats.get(), operating_since=date(2025, 11, 5))
    report = services.create_report(world.owes_a, 2025, 4, editor)
    row = report.values.get(indicator=world.computed)
    assert row.portal_value == Decimal("1") == row.value  # pre-filled from the portal
    assert report.values.get(indicator=world.entered).value is None

    with django_capture_on_commit_callbacks(execute=True):
        services.save_values(report, _rows(report, **{world.entered.code: "7"}), editor)
        services.submit(report, editor)
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED and report.submitted_by == editor
    [to_rops] = mailoutbox
    assert "moderator@rops-test.example.org" in to_rops.to
    assert "2025 Q4" in to_rops.subject and world.owes_a.name in to_rops.subject

    with pytest.raises(services.ReportError):
        services.return_report(report, rops, "   ")
    with django_capture_on_commit_callbacks(execute=True):
        services.return_report(report, rops, "Popraw liczbę miejsc pracy.")
    report.refresh_from_db()
    assert report.status == ReportStatus.RETURNED
    returned = mailoutbox[-1]
    assert set(returned.to) == {"biuro@owes-a.example.org", "redakcja@owes-a.example.org"}
    assert "Popraw liczbę miejsc pracy." in returned.body
    assert "zwrócone" in returned.subject or "zwróc" in returned.subject.lower()

    with django_capture_on_commit_callbacks(execute=True):
        services.save_values(report, _rows(report, **{world.entered.code: "5"}), editor)
        services.submit(report, editor)
        services.accept(report, rops)
    report.refresh_from_db()
    assert report.status == ReportStatus.ACCEPTED and report.decided_by == rops
    assert "zaakceptowa" in mailoutbox[-1].subject

    history = list(report.history.values_list("action", flat=True))
    A = ReportEvent.Action
    assert history == [
        A.CREATED,
        A.SAVED,
        A.SUBMITTED,
        A.RETURNED,
        A.SAVED,
        A.SUBMITTED,
        A.ACCEPTED,
    ]
    first_submit = report.history.filter(action=A.SUBMITTED).first()
    assert first_submit.values[world.entered.code] == "7.00"
    assert report.history.last().values[world.entered.code] == "5.00"
    assert report.history.get(action=A.RETURNED).comment == "Popraw liczbę miejsc pracy."


def test_one_report_per_quarter_and_no_future_quarter(world) -> None:
    editor = world.people["owes_a"]
    with pytest.raises(services.ReportError):
        services.create_report(world.owes_a, 2025, 1, editor)  # the world has it already
    with pytest.raises(services.ReportError):
        services.create_report(world.owes_a, date.today().year + 1, 1, editor)
    with pytest.raises(services.ReportError):
        services.create_report(world.owes_a, 2025, 5, editor)


def test_submit_needs_every_value(world) -> None:
    report = services.create_report(world.owes_a, 2024, 4, world.people["owes_a"])
    with pytest.raises(services.ReportError):
        services.submit(report, world.people["owes_a"])
    assert Report.objects.get(pk=report.pk).status == ReportStatus.DRAFT


def test_accepted_report_is_locked_in_service_and_model(world) -> None:
    report = world.accepted
    with pytest.raises(services.ReportError):
        services.save_values(report, _rows(report), world.people["owes_a"])
    row = report.values.first()
    row.value = Decimal("999")
    with pytest.raises(ReportLocked):
        row.save()
    with pytest.raises(ReportLocked):
        ReportValue.objects.create(
            report=report,
            indicator=world.entered.__class__.objects.create(
                code="locked-extra", name="x", unit="x"
            ),
        )
    assert not report.values.filter(value=Decimal("999")).exists()
    with pytest.raises(services.ReportError):
        services.submit(report, world.people["owes_a"])


def test_submitted_report_cannot_be_edited_by_the_owes(world) -> None:
    with pytest.raises(services.ReportError):
        services.save_values(world.submitted, _rows(world.submitted), world.people["owes_a"])


def test_stale_double_accept_does_nothing_twice(
    world, mailoutbox, django_capture_on_commit_callbacks
) -> None:
    rops = world.people["rops"]
    stale = Report.objects.get(pk=world.submitted.pk)  # loaded before the first accept
    with django_capture_on_commit_callbacks(execute=True):
        services.accept(world.submitted, rops)
        with pytest.raises(services.ReportError), transaction.atomic():
            services.accept(stale, rops)
        with pytest.raises(services.ReportError), transaction.atomic():
            services.return_report(stale, rops, "Za późno.")
    assert world.submitted.history.filter(action=ReportEvent.Action.ACCEPTED).count() == 1
    assert len(mailoutbox) == 1
    assert Report.objects.get(pk=stale.pk).status == ReportStatus.ACCEPTED
