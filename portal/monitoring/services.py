"""Everything that changes a report: create, save, submit, return, accept, import.

Views and the import call these and never change a report's status themselves. Every
transition locks the report row (`select_for_update` inside `transaction.atomic`), checks the
status it found there, and writes a `ReportEvent` with the values as they stood: a second,
stale "accept" finds the report already accepted and refuses. E-mails go after the commit.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.certificates.models import today_in_poland
from portal.organisations.models import Organisation

from . import computed, notifications
from .indicators import Indicator
from .reports import Report, ReportEvent, ReportStatus, ReportValue


class ReportError(Exception):
    """A change that is not allowed now; the message is shown to the person as it is."""


@dataclass
class RowInput:
    """One indicator's figure as the OWES typed it."""

    value: Decimal | None
    note: str = ""


def snapshot(report: Report) -> dict[str, str | None]:
    """{indicator code: value as string} as the report stands now."""
    return {
        code: (None if value is None else str(value))
        for code, value in report.values.values_list("indicator__code", "value")
    }


def _log(report: Report, action: str, user: Any, comment: str = "") -> ReportEvent:
    return ReportEvent.objects.create(
        report=report,
        action=action,
        user=user if user is not None and user.is_authenticated else None,
        comment=comment,
        values=snapshot(report),
    )


def _lock(report: Report) -> Report:
    return Report.objects.select_for_update(of=("self",)).select_related("owes").get(pk=report.pk)


def quarter_has_started(year: int, quarter: int) -> bool:
    start, _end = computed.quarter_dates(year, quarter)
    return start <= today_in_poland()


def portal_values(report: Report, indicators: Iterable[Indicator]) -> dict[int, Decimal | None]:
    start, end = computed.quarter_dates(report.year, report.quarter)
    return {i.pk: computed.compute(i, report.owes, start, end) for i in indicators}


def active_indicators() -> list[Indicator]:
    return list(Indicator.objects.filter(active=True))


def create_report(owes: Organisation, year: int, quarter: int, user: Any) -> Report:
    """A new draft with one row per active indicator; computed ones pre-filled from the portal."""
    if quarter not in (1, 2, 3, 4):
        raise ReportError(_("The quarter must be 1, 2, 3 or 4."))
    if not quarter_has_started(year, quarter):
        raise ReportError(_("A report cannot be made for a quarter that has not started yet."))
    exists = ReportError(_("A report for this quarter already exists."))
    if Report.objects.filter(owes=owes, year=year, quarter=quarter).exists():
        raise exists
    try:
        with transaction.atomic():
            report = _create_draft(owes, year, quarter, user)
    except IntegrityError as error:  # a second click made the same report a moment earlier
        raise exists from error
    return report


def _create_draft(owes: Organisation, year: int, quarter: int, user: Any) -> Report:
    """The report, its rows and its "created" entry (inside the caller's transaction)."""
    report = Report.objects.create(owes=owes, year=year, quarter=quarter)
    indicators = active_indicators()
    figures = portal_values(report, indicators)
    ReportValue.objects.bulk_create(
        ReportValue(
            report=report,
            indicator=indicator,
            value=figures[indicator.pk],
            portal_value=figures[indicator.pk],
        )
        for indicator in indicators
    )
    _log(report, ReportEvent.Action.CREATED, user)
    return report


def _write_values(locked: Report, rows: Mapping[int, RowInput], *, refresh: bool) -> None:
    """Update or add a row per indicator in `rows` (keys: indicator pks)."""
    existing = {v.indicator_id: v for v in locked.values.all()}
    indicators = {i.pk: i for i in Indicator.objects.filter(pk__in=list(rows))}
    figures = portal_values(locked, indicators.values()) if refresh else {}
    for pk, row in rows.items():
        item = existing.get(pk) or ReportValue(report=locked, indicator=indicators[pk])
        item.value = row.value
        item.note = row.note or ""
        if refresh:
            item.portal_value = figures.get(pk)
        item.save()


def save_values(report: Report, rows: Mapping[int, RowInput], user: Any) -> Report:
    """The OWES saves its draft (or a returned report); the portal's figures are refreshed."""
    with transaction.atomic():
        locked = _lock(report)
        if locked.is_locked:
            raise ReportError(_("This report has been accepted and can no longer be changed."))
        if not locked.is_editable:
            raise ReportError(_("This report is waiting for the ROPS and cannot be changed now."))
        _write_values(locked, rows, refresh=True)
        locked.save(update_fields=["updated"])
        _log(locked, ReportEvent.Action.SAVED, user)
    return locked


def submit(report: Report, user: Any) -> Report:
    """The OWES hands the report to the ROPS; every row must have a value (advice hours too)."""
    with transaction.atomic():
        locked = _lock(report)
        if not locked.is_editable:
            raise ReportError(_("Only a draft or a returned report can be submitted."))
        if locked.values.filter(value__isnull=True).exists():
            raise ReportError(_("Fill in every indicator (0 if nothing) before submitting."))
        locked.status = ReportStatus.SUBMITTED
        locked.submitted_at = timezone.now()
        locked.submitted_by = user
        locked.save(update_fields=["status", "submitted_at", "submitted_by", "updated"])
        _log(locked, ReportEvent.Action.SUBMITTED, user)
        transaction.on_commit(lambda: notifications.report_submitted(locked))
    return locked


def return_report(report: Report, user: Any, comment: str) -> Report:
    """The ROPS sends a submitted report back with a comment the OWES acts on."""
    comment = (comment or "").strip()
    if not comment:
        raise ReportError(_("Say what the OWES should correct: the comment is required."))
    with transaction.atomic():
        locked = _lock(report)
        if locked.status != ReportStatus.SUBMITTED:
            raise ReportError(_("Only a submitted report can be returned."))
        locked.status = ReportStatus.RETURNED
        locked.comment = comment
        locked.decided_at = timezone.now()
        locked.decided_by = user
        locked.save(update_fields=["status", "comment", "decided_at", "decided_by", "updated"])
        _log(locked, ReportEvent.Action.RETURNED, user, comment)
        transaction.on_commit(lambda: notifications.report_decided(locked))
    return locked


def accept(report: Report, user: Any, comment: str = "") -> Report:
    """The ROPS accepts a submitted report: from now on it is locked."""
    with transaction.atomic():
        locked = _lock(report)
        if locked.status != ReportStatus.SUBMITTED:
            raise ReportError(_("Only a submitted report can be accepted."))
        locked.status = ReportStatus.ACCEPTED
        locked.comment = (comment or "").strip()
        locked.decided_at = timezone.now()
        locked.decided_by = user
        locked.save(update_fields=["status", "comment", "decided_at", "decided_by", "updated"])
        _log(locked, ReportEvent.Action.ACCEPTED, user, locked.comment)
        transaction.on_commit(lambda: notifications.report_decided(locked))
    return locked


def import_report(
    owes: Organisation, year: int, quarter: int, rows: Mapping[int, RowInput], user: Any
) -> Report:
    """The ROPS's import: create or update the report and hand it in as SUBMITTED.

    Submitted, not accepted: the ROPS still reviews the figures and accepts them in the usual
    way, so an imported report follows the same path (and history) as a typed one. Called
    inside the import's own transaction (all or nothing).
    """
    report, _created = Report.objects.get_or_create(owes=owes, year=year, quarter=quarter)
    locked = _lock(report)
    if locked.is_locked:
        raise ReportError(_("This report has been accepted and can no longer be changed."))
    _write_values(locked, rows, refresh=True)
    locked.status = ReportStatus.SUBMITTED
    locked.submitted_at = timezone.now()
    locked.submitted_by = user
    locked.save(update_fields=["status", "submitted_at", "submitted_by", "updated"])
    _log(locked, ReportEvent.Action.IMPORTED, user)
    return locked
