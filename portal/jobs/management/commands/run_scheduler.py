"""`manage.py run_scheduler`: queue each periodic job at its time (the Procfile's `scheduler`)."""

from __future__ import annotations

import signal
import threading
from types import FrameType

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from portal.jobs.schedule import JOBS, Scheduler, queue_once


class Command(BaseCommand):
    help = (
        "Queue periodic jobs (publishing scheduled pages, meeting notices, certificate "
        "reminders…) when they are due; the worker (`db_worker`) runs them. Safe to run twice: "
        "each due time is queued once. --list shows the jobs, --now JOB queues one at once."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--list", action="store_true", help="List the jobs and exit.")
        parser.add_argument("--now", metavar="JOB", help="Queue this job now and exit.")

    def handle(self, *args, **options) -> None:
        if options["list"]:
            for job in JOBS.values():
                self.stdout.write(f"{job.name:28} {job.cron:18} {job.task.module_path}")
            return
        if options["now"]:
            job = JOBS.get(options["now"])
            if job is None:
                raise CommandError(f"No job {options['now']!r}; --list shows them.")
            task_id = queue_once(job, timezone.now())
            self.stdout.write(f"{job.name} queued as task {task_id}")
            return
        stop = threading.Event()

        def on_signal(signum: int, frame: FrameType | None) -> None:
            stop.set()  # Ctrl-C or SIGTERM: stop between ticks, at once

        signal.signal(signal.SIGINT, on_signal)
        signal.signal(signal.SIGTERM, on_signal)
        scheduler = Scheduler(JOBS)
        self.stdout.write(
            "Scheduler started: "
            + ", ".join(f"{name} ({JOBS[name].cron})" for name in sorted(JOBS)),
        )
        self.stdout.flush()
        scheduler.run_forever(stop)
        self.stdout.write("Scheduler stopped.")
