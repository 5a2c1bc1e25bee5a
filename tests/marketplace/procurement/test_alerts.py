"""Alerts about published notices: who gets one, once, at once or in the daily digest, and the
one-click unsubscribe (RFC 8058) from the header alone."""

from __future__ import annotations

import re
import threading
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext, override

from marketplace.partner.models import Partner
from marketplace.procurement import alerts, jobs
from marketplace.procurement.models import (
    AlertFrequency,
    AlertSettings,
    Notice,
    NoticeAlert,
    NoticeStatus,
)
from marketplace.procurement.signals import notice_published
from portal.jobs.schedule import JOBS
from tests.factories import ActivityFieldFactory, NoticeFactory, PowiatFactory
from tests.factories.procurement import matching_pes, notice_with_match
from tests.helpers.threads import in_own_thread

pytestmark = pytest.mark.django_db


def pl(message: str) -> str:
    with override("pl"):
        return escape(gettext(message))


@pytest.fixture(autouse=True)
def _polish():
    with translation.override("pl"):
        yield


def publish(notice: Notice) -> None:
    """What the publishing code sends after its transaction commits."""
    notice_published.send(sender=Notice, notice=notice)


def unsubscribe_link(message) -> str:
    header = message.extra_headers["List-Unsubscribe"]
    match = re.fullmatch(r"<(https?://[^>]+)>", header)
    assert match, header
    return match.group(1)


def path_of(url: str) -> str:
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


# Who gets an alert -----------------------------------------------------------------------------
def test_matching_listed_pes_get_one_immediate_alert_others_nothing():
    notice = notice_with_match()
    field = notice.activity_fields.get()
    powiat = notice.powiats.get()
    matching = matching_pes(notice, email="pasuje@example.org")
    matching_pes(notice, email="ukryty@example.org", listed_in_directory=False)
    other_field = matching_pes(notice, email="inna-dziedzina@example.org")
    other_field.activity_fields.set([ActivityFieldFactory()])
    other_powiat = matching_pes(notice, email="inny-powiat@example.org")
    other_powiat.powiat = PowiatFactory()
    other_powiat.save()
    assert field and powiat

    publish(notice)

    assert [a.partner for a in NoticeAlert.objects.all()] == [matching]
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["pasuje@example.org"]
    assert notice.subject in message.subject and notice.reference in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = unsubscribe_link(message)
    assert link in message.body
    token = AlertSettings.objects.get(partner=matching).token
    assert link.endswith(f"/zamowienia/alerty/wypisz/{token}/")
    assert NoticeAlert.objects.get().sent_at is not None
    assert Notice.objects.get(pk=notice.pk).alerts_queued_at is not None


def test_the_alert_is_in_polish_and_names_no_offer():
    notice = notice_with_match(subject="Catering dla szkoły")
    matching_pes(notice)
    with override("en"):
        publish(notice)
    body = mail.outbox[0].body
    assert pl("Deadline for offers") in body
    assert "/en/" not in body


def test_publishing_twice_sends_one_alert():
    notice = notice_with_match()
    matching_pes(notice)
    publish(notice)
    publish(notice)
    assert NoticeAlert.objects.count() == 1
    assert len(mail.outbox) == 1


def test_a_draft_notice_alerts_nobody():
    notice = notice_with_match(status=NoticeStatus.DRAFT)
    matching_pes(notice)
    publish(notice)
    assert not NoticeAlert.objects.exists() and not mail.outbox


def test_settings_address_off_and_default():
    notice = notice_with_match()
    chosen = matching_pes(notice, email="kontakt@example.org")
    AlertSettings.objects.create(partner=chosen, email="alerty@example.org")
    silent = matching_pes(notice, email="cisza@example.org")
    AlertSettings.objects.create(partner=silent, frequency=AlertFrequency.OFF)
    publish(notice)
    assert [m.to for m in mail.outbox] == [["alerty@example.org"]]
    assert not NoticeAlert.objects.filter(partner=silent).exists()


def test_two_receivers_at_once_send_one_alert():
    """Two threads (two workers) handle the same publication at the same moment: the unique
    row lets one of them create the alert, and only the creator sends.

    The notice is committed on a connection of its own and removed afterwards (a transactional
    test would empty every table, the demo's included, when it ends)."""
    if connection.vendor == "sqlite":
        pytest.skip("SQLite serialises writers (BEGIN IMMEDIATE): no real race to show")

    def make() -> tuple[int, list[int]]:
        notice = notice_with_match()
        pes = matching_pes(notice)
        return notice.pk, [pes.pk]

    notice_pk, partner_pks = in_own_thread(make)
    barrier = threading.Barrier(2)
    reports = []

    def run() -> None:
        try:
            barrier.wait(timeout=30)
            reports.append(alerts.queue_alerts(Notice.objects.get(pk=notice_pk)))
        finally:
            connection.close()

    try:
        threads = [threading.Thread(target=run) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert in_own_thread(lambda: NoticeAlert.objects.filter(notice_id=notice_pk).count()) == 1
        assert sum(report.emails for report in reports) == 1
        assert len(mail.outbox) == 1
    finally:

        def clean() -> None:
            notice = Notice.objects.get(pk=notice_pk)
            fields = list(notice.activity_fields.all())
            powiats = list(notice.powiats.all())
            buyer = notice.buyer
            notice.delete()
            buyer.delete()
            Partner.objects.filter(pk__in=partner_pks).delete()
            for item in fields + powiats:
                item.delete()

        in_own_thread(clean)


def test_a_second_receiver_after_the_first_sends_nothing():
    """The sequential half of the race: rows found, not created, are not sent."""
    notice = notice_with_match()
    matching_pes(notice)
    first = alerts.queue_alerts(notice)
    second = alerts.queue_alerts(notice)
    assert (first.created, first.emails) == (1, 1)
    assert (second.created, second.emails) == (0, 0)
    assert len(mail.outbox) == 1


def test_an_alert_row_already_claimed_is_not_sent_again():
    notice = notice_with_match()
    pes = matching_pes(notice)
    alert_settings = alerts.settings_of([pes])[pes.pk]
    alert = NoticeAlert.objects.create(
        notice=notice, partner=pes, frequency=AlertFrequency.IMMEDIATE, sent_at=timezone.now()
    )
    assert not alerts.send_immediate(alert, notice, pes, alert_settings)
    assert not mail.outbox


# The daily digest ------------------------------------------------------------------------------
def test_daily_alerts_wait_for_one_digest_sent_once():
    field, powiat = ActivityFieldFactory(), PowiatFactory()
    notices = [
        NoticeFactory(activity_fields=[field], powiats=[powiat], subject=f"Usługa {n}")
        for n in range(3)
    ]
    pes = matching_pes(notices[0], email="dzienny@example.org")
    AlertSettings.objects.create(partner=pes, frequency=AlertFrequency.DAILY)
    for notice in notices:
        publish(notice)
    assert not mail.outbox
    assert NoticeAlert.objects.filter(sent_at__isnull=True).count() == 3

    report = alerts.send_digests()
    again = alerts.send_digests()
    assert (report.emails, again.emails) == (1, 0)
    assert len(mail.outbox) == 1
    digest = mail.outbox[0]
    assert digest.to == ["dzienny@example.org"]
    for notice in notices:
        assert notice.subject in digest.body
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe_link(digest) in digest.body
    assert not NoticeAlert.objects.filter(sent_at__isnull=True).exists()


def test_two_digest_runs_with_a_stopped_clock_send_once():
    """Claims are conditional per row, not told apart by the time they were made."""
    notice = notice_with_match()
    pes = matching_pes(notice)
    AlertSettings.objects.create(partner=pes, frequency=AlertFrequency.DAILY)
    publish(notice)
    moment = timezone.now()
    with mock.patch("django.utils.timezone.now", return_value=moment):
        alerts.send_digests()
        alerts.send_digests()
    assert len(mail.outbox) == 1


def test_the_digest_job_is_scheduled_at_seven_and_runs():
    notice = notice_with_match()
    pes = matching_pes(notice)
    AlertSettings.objects.create(partner=pes, frequency=AlertFrequency.DAILY)
    publish(notice)
    job = JOBS["procurement_alert_digest"]
    assert job.cron == "0 7 * * *"
    summary = jobs.procurement_alert_digest.call()
    assert summary.startswith("1 ")
    assert len(mail.outbox) == 1


def test_the_digest_leaves_out_closed_notices_and_pes_that_turned_alerts_off():
    notice = notice_with_match()
    pes = matching_pes(notice)
    AlertSettings.objects.create(partner=pes, frequency=AlertFrequency.DAILY)
    publish(notice)
    Notice.objects.filter(pk=notice.pk).update(
        deadline=timezone.now() - timedelta(minutes=1), opening_at=timezone.now()
    )
    alerts.send_digests()
    assert not mail.outbox

    later = notice_with_match()
    quiet = matching_pes(later)
    AlertSettings.objects.create(partner=quiet, frequency=AlertFrequency.DAILY)
    publish(later)
    AlertSettings.objects.filter(partner=quiet).update(frequency=AlertFrequency.OFF)
    alerts.send_digests()
    assert not mail.outbox
    assert not NoticeAlert.objects.filter(sent_at__isnull=True).exists()


# Unsubscribe -----------------------------------------------------------------------------------
def alerted_pes():
    notice = notice_with_match()
    pes = matching_pes(notice)
    publish(notice)
    return pes, path_of(unsubscribe_link(mail.outbox[-1]))


def test_unsubscribe_from_the_header_alone_without_a_cookie():
    pes, path = alerted_pes()
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        path,
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert AlertSettings.objects.get(partner=pes).frequency == AlertFrequency.OFF
    assert not response.cookies.get("sessionid")

    later = NoticeFactory(activity_fields=list(pes.activity_fields.all()), powiats=[pes.powiat])
    count = len(mail.outbox)
    publish(later)
    assert len(mail.outbox) == count


def test_unsubscribe_get_shows_a_button_and_changes_nothing(client):
    pes, path = alerted_pes()
    response = client.get(path)
    assert response.status_code == 200
    page = response.content.decode()
    assert pl("Unsubscribe") in page and 'method="post"' in page
    assert AlertSettings.objects.get(partner=pes).frequency == AlertFrequency.IMMEDIATE
    response = client.post(path)
    assert response.status_code == 200
    assert AlertSettings.objects.get(partner=pes).frequency == AlertFrequency.OFF


@pytest.mark.parametrize("token", ["x" * 24, "short", "a" * 65, "zła$wartość-tokenu-123"])
def test_unknown_or_malformed_tokens_are_404(client, token):
    url = reverse("procurement-alerts:unsubscribe", kwargs={"token": token})
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404


def test_unsubscribe_posts_are_rate_limited(client, settings):
    settings.RATE_LIMITS = {"alert-unsubscribe": (2, 3600)}
    caches["ratelimit"].clear()
    pes, path = alerted_pes()
    AlertSettings.objects.filter(partner=pes).update(frequency=AlertFrequency.DAILY)
    assert client.post(path).status_code == 200
    assert client.post(path).status_code == 200
    AlertSettings.objects.filter(partner=pes).update(frequency=AlertFrequency.DAILY)
    response = client.post(path)
    assert response.status_code == 429
    assert "Retry-After" in response
    assert AlertSettings.objects.get(partner=pes).frequency == AlertFrequency.DAILY
