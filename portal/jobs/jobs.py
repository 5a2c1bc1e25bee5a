"""The portal's own periodic jobs: publishing scheduled pages and keeping the queue healthy."""

from __future__ import annotations

import io
import logging
from datetime import timedelta

from django.conf import settings
from django.core.management import call_command
from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

from portal.mail.tasks import requeue_stalled_mail

from .models import ScheduledRun
from .schedule import every_seconds, periodic

logger = logging.getLogger(__name__)


@periodic(
    "publish_scheduled_pages", cron=lambda: every_seconds(settings.PUBLISH_SCHEDULED_EVERY_SECONDS)
)
@task()
def publish_scheduled_pages() -> str:
    """Wagtail's `publish_scheduled`: pages and snippets whose go-live (or expiry) time came."""
    out = io.StringIO()
    call_command("publish_scheduled", stdout=out)
    lines = [line for line in out.getvalue().splitlines() if line.strip()]
    summary = "; ".join(lines) or "nothing due"
    logger.info("publish_scheduled_pages: %s", summary)
    return summary


def requeue_stalled_tasks(stalled_after: timedelta) -> int:
    """Tasks a worker claimed and never finished (it was killed) are made ready again, due
    from now (so the queue's backlog age counts from the requeue, not the first enqueue)."""
    now = timezone.now()
    return DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, started_at__lt=now - stalled_after
    ).update(status=TaskResultStatus.READY, started_at=None, run_after=now)


@periodic("requeue_stalled_work", cron="*/5 * * * *")
@task()
def requeue_stalled_work() -> str:
    stalled_after = timedelta(seconds=settings.TASKS_STALLED_AFTER_SECONDS)
    tasks = requeue_stalled_tasks(stalled_after)
    mails = requeue_stalled_mail(stalled_after)
    summary = f"{tasks} stalled task(s) and {mails} e-mail(s) queued again"
    logger.info("requeue_stalled_work: %s", summary)
    return summary


@periodic("prune_job_history", cron="15 3 * * *")
@task()
def prune_job_history() -> str:
    """Finished tasks and scheduler rows older than 30 days; failures stay for staff."""
    cutoff = timezone.now() - timedelta(days=30)
    runs, _ = ScheduledRun.objects.filter(due_at__lt=cutoff).delete()
    tasks, _ = DBTaskResult.objects.filter(
        status=TaskResultStatus.SUCCESSFUL, finished_at__lt=cutoff
    ).delete()
    summary = f"{runs} scheduler row(s) and {tasks} finished task(s) removed"
    logger.info("prune_job_history: %s", summary)
    return summary
