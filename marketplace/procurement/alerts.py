"""Alerts to PES about newly published notices that match them, at once or in a daily digest.

A PES matches a notice when it is listed in the public PES database and shares at least one
field of activity and its powiat with the notice. Each PES gets one `NoticeAlert` row per
notice (the unique pair is the guard against a second e-mail when the notice is published
twice or two receivers run at once); a row is claimed by a conditional UPDATE
(`sent_at IS NULL`) in the same transaction that stores the e-mail in the outbox, so two
workers never send one alert twice and a failed send leaves it for the next run.

Every alert carries a one-click unsubscribe (RFC 8058): the `List-Unsubscribe` and
`List-Unsubscribe-Post` headers and a link in the body, all naming the PES's secret token.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from portal.urls_absolute import absolute_url

from .models import AlertFrequency, AlertSettings, Notice, NoticeAlert, NoticeStatus

logger = logging.getLogger(__name__)

Partner = get_model("partner", "Partner")


@dataclass
class AlertReport:
    """What one run did, for the job's log line and the tests."""

    created: int = 0
    emails: int = 0
    failures: list[str] = field(default_factory=list)


# Who matches ---------------------------------------------------------------------------------
def matching_partners(notice: Notice) -> list[Any]:
    """Listed PES sharing a field of activity and the powiat with the notice."""
    return list(
        Partner.objects.filter(
            listed_in_directory=True,
            activity_fields__in=notice.activity_fields.all(),
            powiat__in=notice.powiats.all(),
        )
        .distinct()
        .prefetch_related("users")
        .order_by("pk")
    )


def notices_matching(partner: Any):
    """The notices that match a PES (any common field of activity, its powiat): the dashboard's
    default tab; public and still open is for the caller to add."""
    if partner.powiat_id is None:
        return Notice.objects.none()
    return Notice.objects.filter(
        activity_fields__in=partner.activity_fields.all(), powiats=partner.powiat_id
    ).distinct()


def settings_of(partners: list[Any]) -> dict[int, AlertSettings]:
    """Each PES's alert settings, creating the default (immediate, contact address) where a PES
    has none yet: the row holds the token of the unsubscribe link, so it must exist to send."""
    found = {s.partner_id: s for s in AlertSettings.objects.filter(partner__in=partners)}
    missing = [p for p in partners if p.pk not in found]
    if missing:
        AlertSettings.objects.bulk_create(
            [AlertSettings(partner=p) for p in missing], ignore_conflicts=True
        )
        found = {s.partner_id: s for s in AlertSettings.objects.filter(partner__in=partners)}
    return found


def recipients(partner: Any, alert_settings: AlertSettings | None) -> list[str]:
    """The address chosen in the settings, else the PES's contact addresses."""
    if alert_settings is not None and alert_settings.email:
        return [alert_settings.email]
    return partner.contact_emails()


def unsubscribe_url(alert_settings: AlertSettings) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return absolute_url(
            reverse("procurement-alerts:unsubscribe", kwargs={"token": alert_settings.token})
        )


def notice_url(notice: Notice) -> str:
    """The notice's public page in Polish; its dashboard page while the board has no URLs."""
    try:
        return absolute_url(notice.url_in(settings.LANGUAGE_CODE))
    except NoReverseMatch:
        with translation.override(settings.LANGUAGE_CODE):
            return absolute_url(reverse("procurement-dashboard:notice", kwargs={"pk": notice.pk}))


def _message(
    *, subject: str, template: str, context: dict, to: list[str], alert_settings: AlertSettings
) -> EmailMessage:
    link = unsubscribe_url(alert_settings)
    settings_link = absolute_url(reverse("procurement-dashboard:alerts"))
    body = render_to_string(
        template, {**context, "unsubscribe_url": link, "settings_url": settings_link}
    )
    return EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=to,
        headers={
            "List-Unsubscribe": f"<{link}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )


def _claim(alert_ids: list[int], stamp: datetime) -> list[int]:
    """Mark unsent rows as sent and return those this call marked: one conditional UPDATE per
    row (`sent_at IS NULL`), so a row another run got to first is never ours, whatever the
    clocks say."""
    return [
        pk
        for pk in alert_ids
        if NoticeAlert.objects.filter(pk=pk, sent_at__isnull=True).update(sent_at=stamp)
    ]


# On publication ------------------------------------------------------------------------------
def queue_alerts(notice: Notice, now: datetime | None = None) -> AlertReport:
    """Create the alert rows of a published notice and send the immediate ones.

    Only rows this call created are sent: publishing twice, or two receivers at once, find
    the first call's rows and send nothing.
    """
    report = AlertReport()
    notice = Notice.objects.get(pk=notice.pk)
    if notice.status != NoticeStatus.PUBLISHED:
        return report
    partners = matching_partners(notice)
    chosen = settings_of(partners)
    created: list[tuple[NoticeAlert, Any]] = []
    for partner in partners:
        alert_settings = chosen.get(partner.pk)
        frequency = alert_settings.frequency if alert_settings else AlertFrequency.IMMEDIATE
        if frequency == AlertFrequency.OFF:
            continue
        try:
            with transaction.atomic():
                alert, was_created = NoticeAlert.objects.get_or_create(
                    notice=notice, partner=partner, defaults={"frequency": frequency}
                )
        except IntegrityError:  # another receiver inserted it between the get and the create
            continue
        if was_created:
            created.append((alert, partner))
    report.created = len(created)
    Notice.objects.filter(pk=notice.pk, alerts_queued_at__isnull=True).update(
        alerts_queued_at=now or timezone.now()
    )
    for alert, partner in created:
        if alert.frequency != AlertFrequency.IMMEDIATE:
            continue
        if send_immediate(alert, notice, partner, chosen[partner.pk]):
            report.emails += 1
        else:
            report.failures.append(f"{notice.reference} → {partner.pk}")
    return report


def send_immediate(
    alert: NoticeAlert, notice: Notice, partner: Any, alert_settings: AlertSettings
) -> bool:
    """One e-mail about one notice, in Polish; the row is claimed in the transaction that
    stores the message, so a send that fails leaves it unclaimed."""
    to = recipients(partner, alert_settings)
    if not to:
        logger.warning("PES %s has no address for notice alerts", partner.pk)
        return False
    with translation.override(settings.LANGUAGE_CODE):
        message = _message(
            subject=_("New notice for your PES: %(subject)s") % {"subject": notice.subject},
            template="procurement/email/alert_notice.txt",
            context={
                "notice": notice,
                "partner": partner,
                "notice_url": notice_url(notice),
                "deadline": timezone.localtime(notice.deadline),
                "fields": list(notice.activity_fields.all()),
                "powiats": list(notice.powiats.all()),
            },
            to=to,
            alert_settings=alert_settings,
        )
    try:
        with transaction.atomic():
            if not _claim([alert.pk], timezone.now()):
                return False
            message.send()
    except Exception:  # any transport or database error: the row stays unsent
        logger.exception("alert %s for notice %s not sent", alert.pk, notice.pk)
        return False
    return True


# The daily digest ----------------------------------------------------------------------------
def send_digests(now: datetime | None = None) -> AlertReport:
    """One e-mail per PES with every unsent daily alert; each row claimed once across runs.

    Alerts of notices no longer open are claimed and left out; a PES that turned alerts off
    since gets nothing (its rows are claimed too, so they are not sent later by surprise).
    """
    report = AlertReport()
    pending = list(
        NoticeAlert.objects.filter(sent_at__isnull=True, frequency=AlertFrequency.DAILY)
        .select_related("notice", "partner")
        .order_by("partner_id", "notice__deadline", "pk")
    )
    by_partner: dict[int, list[NoticeAlert]] = defaultdict(list)
    for alert in pending:
        by_partner[alert.partner_id].append(alert)
    partners = [alerts[0].partner for alerts in by_partner.values()]
    chosen = settings_of(partners)
    for partner in partners:
        alerts = by_partner[partner.pk]
        try:
            if _send_digest(partner, alerts, chosen[partner.pk], now):
                report.emails += 1
        except Exception:
            logger.exception("digest for PES %s not sent", partner.pk)
            report.failures.append(str(partner.pk))
    return report


def _send_digest(
    partner: Any, alerts: list[NoticeAlert], alert_settings: AlertSettings, now: datetime | None
) -> bool:
    """Claim this PES's rows and store its digest together: both or neither."""
    now = now or timezone.now()
    with transaction.atomic():
        claimed = set(_claim([alert.pk for alert in alerts], timezone.now()))
        if not claimed or alert_settings.frequency == AlertFrequency.OFF:
            return False
        notices = [
            alert.notice
            for alert in alerts
            if alert.pk in claimed and alert.notice.accepts_offers(now)
        ]
        to = recipients(partner, alert_settings)
        if not notices or not to:
            return False
        with translation.override(settings.LANGUAGE_CODE):
            items = [
                {
                    "notice": notice,
                    "url": notice_url(notice),
                    "deadline": timezone.localtime(notice.deadline),
                }
                for notice in notices
            ]
            message = _message(
                subject=_("New notices for your PES: %(count)d") % {"count": len(items)},
                template="procurement/email/digest_notices.txt",
                context={"partner": partner, "items": items},
                to=to,
                alert_settings=alert_settings,
            )
        message.send()
    return True


def unsubscribe(token: str) -> AlertSettings | None:
    """Turn a PES's alerts off by its token; None when no PES has it."""
    alert_settings = AlertSettings.objects.filter(token=token).select_related("partner").first()
    if alert_settings is None:
        return None
    if alert_settings.frequency != AlertFrequency.OFF:
        alert_settings.frequency = AlertFrequency.OFF
        alert_settings.save(update_fields=["frequency", "updated"])
    return alert_settings
