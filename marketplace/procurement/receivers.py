"""What the offers and alerts side does when a notice is published (connected in `apps.py`)."""

from __future__ import annotations

import logging
from typing import Any

from django.dispatch import receiver

from . import alerts
from .models import Notice
from .signals import notice_published

logger = logging.getLogger(__name__)


@receiver(notice_published, sender=Notice, dispatch_uid="procurement_alerts_on_publish")
def alert_matching_pes(sender: Any, notice: Notice, **kwargs: Any) -> None:
    """Alert the matching PES; a failure is logged, never turned into the publisher's error
    (the notice is published either way, and the rows not created can be queued again)."""
    try:
        report = alerts.queue_alerts(notice)
    except Exception:
        logger.exception("alerts for notice %s not queued", notice.pk)
        return
    logger.info(
        "notice %s: %d alert(s), %d e-mail(s) sent at once%s",
        notice.reference,
        report.created,
        report.emails,
        "; not sent: " + ", ".join(report.failures) if report.failures else "",
    )
