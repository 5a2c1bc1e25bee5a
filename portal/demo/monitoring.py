"""Demo monitoring: seven indicators, 2025 and 2026 targets for the three OWES, and their
quarterly reports 2025 Q1 – 2026 Q3.

All reports are accepted except: świętokrzyski OWES's 2025 Q2 was returned once, corrected and
then accepted (its history shows it); kielecko-ostrowiecki OWES's 2026 Q3 is submitted and waits
for the ROPS; the third OWES's 2026 Q3 is still a draft. Values come from a formula, not from
chance, so every run gives the same figures. A report's values and history are written only when
the report is first made, so loading again changes nothing. Rows are written directly, as an
imported history would be: no e-mails go out.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model

from portal.monitoring import computed
from portal.monitoring.models import (
    Indicator,
    IndicatorSource,
    IndicatorTarget,
    Report,
    ReportEvent,
    ReportStatus,
    ReportValue,
)
from portal.organisations.models import Organisation

WARSAW = ZoneInfo("Europe/Warsaw")
OWES_SLUGS = ("swietokrzyski-owes", "kielecko-ostrowiecki-owes", "trzeci-swietokrzyski-owes")
S = IndicatorSource

# code, name, unit, source, definition, base quarterly value
INDICATORS = [
    (
        "nowe-pes",
        "Nowo utworzone PES",
        "PES",
        S.NEW_PES,
        "PES, które rozpoczęły działalność w kwartale w powiatach obsługiwanych przez OWES.",
        2,
    ),
    (
        "miejsca-pracy",
        "Miejsca pracy w PES dla osób zagrożonych wykluczeniem",
        "miejsca pracy",
        S.ENTERED,
        "Nowe miejsca pracy w PES zajęte przez osoby zagrożone wykluczeniem społecznym.",
        6,
    ),
    (
        "osoby-doradztwo",
        "Osoby objęte doradztwem",
        "osoby",
        S.ENTERED,
        "Osoby, które skorzystały z doradztwa OWES w kwartale.",
        40,
    ),
    (
        "godziny-doradztwa",
        "Godziny doradztwa",
        "godziny",
        S.ADVICE_HOURS,
        "Godziny doradztwa udzielonego przez OWES (portal ich jeszcze nie rejestruje).",
        120,
    ),
    (
        "certyfikaty",
        "Certyfikaty Zakup Prospołeczny",
        "certyfikaty",
        S.CERTIFICATES,
        "Certyfikaty wydane w kwartale PES z powiatów obsługiwanych przez OWES.",
        1,
    ),
    (
        "zapisy-wydarzenia",
        "Zapisy na wydarzenia OWES",
        "osoby",
        S.EVENT_REGISTRATIONS,
        "Potwierdzone zapisy na wydarzenia organizowane przez OWES, rozpoczęte w kwartale.",
        25,
    ),
    (
        "pes-dotacje",
        "PES wsparte dotacjami",
        "PES",
        S.ENTERED,
        "PES, które otrzymały dotację na utworzenie lub utrzymanie miejsc pracy.",
        3,
    ),
]
PERIODS = [(2025, q) for q in (1, 2, 3, 4)] + [(2026, q) for q in (1, 2, 3)]
RETURNED_ONCE = ("swietokrzyski-owes", 2025, 2)
WAITING = ("kielecko-ostrowiecki-owes", 2026, 3)
DRAFT = ("trzeci-swietokrzyski-owes", 2026, 3)
RETURN_COMMENT = (
    "Liczba osób objętych doradztwem nie zgadza się z listami obecności; prosimy o korektę."
)


def _figure(base: int, owes_index: int, year: int, quarter: int, row: int) -> Decimal:
    """A plausible, fixed figure: the base, a little more each quarter, different per OWES."""
    step = (owes_index * 3 + quarter * 2 + row + (year - 2025) * 4) % 7
    return Decimal(base + (base * step) // 10 + owes_index)


def _at(year: int, quarter: int, days: int) -> datetime:
    _first, last = computed.quarter_dates(year, quarter)
    return datetime.combine(last + timedelta(days=days), time(10, 0), tzinfo=WARSAW)


def load_monitoring(say: Callable[[str], None]) -> None:
    indicators = []
    for order, (code, name, unit, source, definition, _base) in enumerate(INDICATORS, start=1):
        indicator, _created = Indicator.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "unit": unit,
                "source": source,
                "definition": definition,
                "sort_order": order * 10,
                "active": True,
            },
        )
        indicators.append(indicator)
    organisations = {
        o.slug: o for o in Organisation.objects.filter(slug__in=OWES_SLUGS, kind="owes")
    }
    users = get_user_model().objects
    rops = users.filter(email="moderator@rops.example.org").first()
    made = 0
    for owes_index, slug in enumerate(OWES_SLUGS):
        owes = organisations.get(slug)
        if owes is None:
            continue
        editor = users.filter(email=f"redakcja@{slug}.example.org").first()
        for year in (2025, 2026):
            for row, (indicator, spec) in enumerate(zip(indicators, INDICATORS, strict=True)):
                IndicatorTarget.objects.update_or_create(
                    indicator=indicator,
                    owes=owes,
                    year=year,
                    defaults={"value": Decimal(spec[5] * 4 + spec[5] * (owes_index + row) // 5)},
                )
        for year, quarter in PERIODS:
            report, created = Report.objects.get_or_create(owes=owes, year=year, quarter=quarter)
            if created:
                _fill(report, indicators, owes_index, editor, rops)
                made += 1
    say(f"Monitoring: {len(indicators)} indicators, {made} new quarterly reports")


def _fill(report: Report, indicators: list[Indicator], owes_index: int, editor: Any, rops: Any):
    """Values, status and a dated history for a report the loader has just made."""
    key = (report.owes.slug, report.year, report.quarter)
    start, end = computed.quarter_dates(report.year, report.quarter)
    final: dict[int, Decimal | None] = {}
    for row, (indicator, spec) in enumerate(zip(indicators, INDICATORS, strict=True)):
        portal = computed.compute(indicator, report.owes, start, end)
        figure = _figure(spec[5], owes_index, report.year, report.quarter, row)
        value = figure if indicator.source == IndicatorSource.ENTERED or portal is None else portal
        if key == DRAFT and row >= 3:
            value = None  # the draft is half filled in
        final[indicator.pk] = value
        ReportValue.objects.create(
            report=report, indicator=indicator, value=value, portal_value=portal
        )
    events: list[tuple[str, Any, str, int]] = [(ReportEvent.Action.CREATED, editor, "", 3)]
    if key == DRAFT:
        events.append((ReportEvent.Action.SAVED, editor, "", 5))
        status = ReportStatus.DRAFT
    elif key == WAITING:
        events.append((ReportEvent.Action.SUBMITTED, editor, "", 10))
        status = ReportStatus.SUBMITTED
    elif key == RETURNED_ONCE:
        events += [
            (ReportEvent.Action.SUBMITTED, editor, "", 10),
            (ReportEvent.Action.RETURNED, rops, RETURN_COMMENT, 15),
            (ReportEvent.Action.SAVED, editor, "", 17),
            (ReportEvent.Action.SUBMITTED, editor, "", 17),
            (ReportEvent.Action.ACCEPTED, rops, "", 20),
        ]
        status = ReportStatus.ACCEPTED
    else:
        events += [
            (ReportEvent.Action.SUBMITTED, editor, "", 10),
            (ReportEvent.Action.ACCEPTED, rops, "", 20),
        ]
        status = ReportStatus.ACCEPTED
    codes = {i.pk: i.code for i in indicators}
    snapshot = {codes[pk]: (None if v is None else str(v)) for pk, v in final.items()}
    advice = next(i for i in indicators if i.code == "osoby-doradztwo")
    for action, user, comment, days in events:
        values = dict(snapshot)
        if key == RETURNED_ONCE and days <= 15 and final[advice.pk] is not None:
            values[advice.code] = str(final[advice.pk] + 12)  # the figure the ROPS questioned
        event = ReportEvent.objects.create(
            report=report, action=action, user=user, comment=comment, values=values
        )
        ReportEvent.objects.filter(pk=event.pk).update(at=_at(report.year, report.quarter, days))
    if status != ReportStatus.DRAFT:
        report.submitted_at = _at(report.year, report.quarter, 17 if key == RETURNED_ONCE else 10)
        report.submitted_by = editor
    if status == ReportStatus.ACCEPTED:
        report.decided_at = _at(report.year, report.quarter, 20)
        report.decided_by = rops
    report.status = status
    report.save()
