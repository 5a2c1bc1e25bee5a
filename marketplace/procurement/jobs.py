"""Periodic jobs of the procurement app (run by `run_scheduler`, see portal/jobs/schedule.py)."""

from __future__ import annotations

import logging

from django_tasks import task

from portal.jobs.schedule import periodic

from .alerts import send_digests

logger = logging.getLogger(__name__)


@periodic("procurement_alert_digest", cron="0 7 * * *")
@task()
def procurement_alert_digest() -> str:
    """Daily at 7:00 Warsaw time: one digest per PES of the matching notices published since."""
    report = send_digests()
    summary = f"{report.emails} notice digest(s) sent"
    if report.failures:
        summary += "; not sent for PES " + ", ".join(report.failures)
    logger.info("procurement_alert_digest: %s", summary)
    return summary
