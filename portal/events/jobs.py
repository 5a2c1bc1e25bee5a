"""Periodic jobs of the events app (run by `run_scheduler`, see portal/jobs/schedule.py)."""

from __future__ import annotations

import logging

from django_tasks import task

from portal.jobs.schedule import periodic

from .notices import send_meeting_notices

logger = logging.getLogger(__name__)


@periodic("meeting_notices", cron="0 7 * * *")
@task()
def meeting_notices() -> str:
    """Daily: networking and RKRES meetings announced to member organisations 14 days ahead."""
    report = send_meeting_notices()
    summary = f"{report.meetings} meeting(s) announced in {report.emails} e-mail(s)"
    if report.failures:
        summary += "; not sent: " + "; ".join(report.failures)
    logger.info("meeting_notices: %s", summary)
    return summary
