"""Reminder e-mails before expiry: sent once per certificate, however often the command runs."""

from __future__ import annotations

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from marketplace.certificates.models import Certificate
from tests.factories import certificate, pes_with_products
from tests.helpers.clock import clock

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_certificates")]

ISSUED = date(2026, 1, 15)
LAST = date(2027, 1, 14)


def _run() -> str:
    out = StringIO()
    call_command("send_certificate_reminders", stdout=out)
    return out.getvalue()


def test_reminder_30_days_before_and_only_once():
    partner, products = pes_with_products("Przypominajka")
    made = certificate(partner, products, number="ZP/2026/0001", issued_on=ISSUED)
    certificate(partner, products, number="ZP/2026/0002", issued_on=ISSUED + timedelta(days=1))
    with clock(LAST - timedelta(days=31)):
        assert "sent: 0" in _run()
    with clock(LAST - timedelta(days=30)):
        assert "sent: 1" in _run()
        assert "sent: 0" in _run()  # the same day again: nothing twice
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [partner.email]
    assert "ZP/2026/0001" in mail.outbox[0].subject
    assert Certificate.objects.get(pk=made.pk).reminder_sent_on == LAST - timedelta(days=30)
    with clock(LAST - timedelta(days=29)):
        assert "sent: 1" in _run()  # the second certificate's day
        assert "sent: 0" in _run()
    assert len(mail.outbox) == 2


def test_no_reminder_for_revoked_or_expired():
    partner, products = pes_with_products("Cofnięta")
    certificate(partner, products, number="ZP/2026/0001", revoked_on=date(2026, 5, 1), reason="x")
    certificate(partner, products, number="ZP/2025/0001", issued_on=date(2025, 1, 1))
    with clock(LAST - timedelta(days=30)):
        assert "sent: 0" in _run()
    assert mail.outbox == []
