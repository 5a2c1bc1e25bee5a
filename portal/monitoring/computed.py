"""Figures the portal already knows, pre-filled in a report for the OWES to confirm or correct.

One function per `IndicatorSource`, each (owes, first day, last day) -> Decimal | None, each a
single aggregate query. Days are calendar days in Poland: an event "in the quarter" starts
between midnight of the first day and midnight after the last day, Warsaw time.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from oscar.core.loading import get_model

from marketplace.certificates.models import Certificate
from portal.events.models import Registration
from portal.organisations.models import Organisation

from .indicators import Indicator, IndicatorSource

WARSAW = ZoneInfo("Europe/Warsaw")

Partner = get_model("partner", "Partner")


def quarter_dates(year: int, quarter: int) -> tuple[date, date]:
    """The first and the last day of a calendar quarter."""
    if quarter not in (1, 2, 3, 4):
        raise ValueError(quarter)
    first = date(year, 3 * quarter - 2, 1)
    after = date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
    return first, after - timedelta(days=1)


def _warsaw_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """[midnight of `start`, midnight after `end`) in Warsaw, as aware datetimes."""
    return (
        datetime.combine(start, time.min, tzinfo=WARSAW),
        datetime.combine(end + timedelta(days=1), time.min, tzinfo=WARSAW),
    )


def new_pes(owes: Organisation, start: date, end: date) -> Decimal:
    """PES in the OWES's powiats whose `operating_since` falls in the period."""
    count = Partner.objects.filter(
        powiat__organisations=owes, operating_since__gte=start, operating_since__lte=end
    ).count()
    return Decimal(count)


def certificates(owes: Organisation, start: date, end: date) -> Decimal:
    """Zakup Prospołeczny certificates issued in the period to PES of the OWES's powiats.

    A certificate revoked later still counts: it was issued in that quarter.
    """
    count = Certificate.objects.filter(
        holder__powiat__organisations=owes, issued_on__gte=start, issued_on__lte=end
    ).count()
    return Decimal(count)


def event_registrations(owes: Organisation, start: date, end: date) -> Decimal:
    """Confirmed registrations at events the OWES organises that start in the period."""
    since, until = _warsaw_bounds(start, end)
    count = Registration.objects.filter(
        status=Registration.Status.CONFIRMED,
        event__organiser=owes,
        event__start__gte=since,
        event__start__lt=until,
    ).count()
    return Decimal(count)


def advice_hours(owes: Organisation, start: date, end: date) -> Decimal | None:
    """Not recorded on the portal yet: the OWES enters the figure itself."""
    return None


COMPUTERS: dict[str, Callable[[Organisation, date, date], Decimal | None]] = {
    IndicatorSource.NEW_PES: new_pes,
    IndicatorSource.CERTIFICATES: certificates,
    IndicatorSource.EVENT_REGISTRATIONS: event_registrations,
    IndicatorSource.ADVICE_HOURS: advice_hours,
}


def compute(indicator: Indicator, owes: Organisation, start: date, end: date) -> Decimal | None:
    """The portal's figure for a computed indicator; None for an entered one."""
    function = COMPUTERS.get(indicator.source)
    return function(owes, start, end) if function else None
