"""Periodic jobs declared in code, and the loop `manage.py run_scheduler` runs.

An app declares a job in its `jobs` module:

    @periodic("meeting_notices", cron="0 7 * * *")
    @task()
    def send_meeting_notices() -> str: ...

The scheduler only queues: at each due time it writes a `ScheduledRun` row (job, due time)
and enqueues the task in the same transaction; the worker runs it. Due times come from the
cron expression (APScheduler's `CronTrigger`, Europe/Warsaw), not from when a scheduler
started, so two schedulers compute the same due time and the unique row lets only one of
them queue it. A scheduler that was down runs a missed job once when it is back, not once
per missed period.

django-crontask, the scheduler written for django-tasks, needs Python 3.12 and Django 6;
this project supports Python 3.11 and Django 5.2, hence this small loop over APScheduler's
triggers, with the lock in the database so no Redis is needed.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from apscheduler.triggers.cron import CronTrigger
from django.conf import settings
from django.db import IntegrityError, connections, transaction
from django.utils import timezone
from django_tasks.base import Task

from .models import ScheduledRun

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    cron: str  # five fields (minute hour day month weekday), or six with seconds first
    task: Task

    def trigger(self) -> CronTrigger:
        zone = ZoneInfo(settings.TIME_ZONE)
        fields = self.cron.split()
        if len(fields) == 6:
            second, minute, hour, day, month, weekday = fields
            return CronTrigger(
                second=second,
                minute=minute,
                hour=hour,
                day=day,
                month=month,
                day_of_week=weekday,
                timezone=zone,
            )
        return CronTrigger.from_crontab(self.cron, timezone=zone)


JOBS: dict[str, PeriodicJob] = {}


def periodic(name: str, *, cron: str | Callable[[], str]) -> Callable[[Task], Task]:
    """Register a task as a periodic job; `cron` may be a callable read when the scheduler
    starts (a schedule taken from settings)."""

    def register(task_object: Task) -> Task:
        expression = cron() if callable(cron) else cron
        JOBS[name] = PeriodicJob(name=name, cron=expression, task=task_object)
        return task_object

    return register


def every_seconds(seconds: int) -> str:
    """A cron expression for "every N seconds" aligned on the clock (N divides 60, or is a
    multiple of 60 dividing an hour)."""
    if seconds < 60:
        return f"*/{seconds} * * * * *"
    return f"0 */{seconds // 60} * * * *"


def queue_once(job: PeriodicJob, due_at: datetime) -> str | None:
    """Queue the job for this due time unless another scheduler already did; the task id."""
    try:
        with transaction.atomic():
            run = ScheduledRun.objects.create(job=job.name, due_at=due_at)
            result = job.task.enqueue()
            run.task_id = str(result.id)
            run.save(update_fields=["task_id"])
    except IntegrityError:
        logger.info("job %s due %s: already queued by another scheduler", job.name, due_at)
        return None
    logger.info("job %s due %s: queued as task %s", job.name, due_at.isoformat(), result.id)
    return str(result.id)


class Scheduler:
    """Keeps each job's next due time; `tick` queues those that are due."""

    def __init__(self, jobs: dict[str, PeriodicJob], now: datetime | None = None) -> None:
        now = now or timezone.now()
        self.jobs = jobs
        self.triggers = {name: job.trigger() for name, job in jobs.items()}
        self.next_due = {
            name: trigger.get_next_fire_time(None, now) for name, trigger in self.triggers.items()
        }

    def tick(self, now: datetime | None = None) -> list[str]:
        now = now or timezone.now()
        queued = []
        for name, due in list(self.next_due.items()):
            if due is None or due > now:
                continue
            if queue_once(self.jobs[name], due):
                queued.append(name)
            # the next due time after both this one and now: missed periods run once
            after = max(due + timedelta(microseconds=1), now)
            self.next_due[name] = self.triggers[name].get_next_fire_time(None, after)
        return queued

    def seconds_to_next(self, now: datetime | None = None) -> float:
        now = now or timezone.now()
        upcoming = [due for due in self.next_due.values() if due is not None]
        if not upcoming:
            return 60.0
        return max(0.0, min((min(upcoming) - now).total_seconds(), 30.0))

    def run_forever(self, stop: threading.Event) -> None:
        """Tick until `stop` is set; the wait between ticks ends at once when it is."""
        while not stop.is_set():
            try:
                self.tick()
            except Exception:  # a database blip must not stop the scheduler
                logger.exception("scheduler tick failed; trying again")
                connections.close_all()  # the next tick opens a fresh connection
                stop.wait(5)
            stop.wait(self.seconds_to_next() + 0.01)
