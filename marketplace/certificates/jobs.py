"""Periodic jobs of the certificates app (run by `run_scheduler`, see portal/jobs/schedule.py)."""

from __future__ import annotations

import logging

from django_tasks import task

from portal.jobs.schedule import periodic

from .services import send_reminders

logger = logging.getLogger(__name__)


@periodic("certificate_reminders", cron="30 7 * * *")
@task()
def certificate_reminders() -> str:
    """Daily: holders whose certificate ends within 30 days are reminded, each once."""
    report = send_reminders()
    summary = f"{len(report.sent)} reminder(s) sent"
    if report.failed:
        summary += "; not sent: " + ", ".join(report.failed)
    logger.info("certificate_reminders: %s", summary)
    return summary
