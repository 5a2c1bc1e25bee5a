"""The task queue in tests: the database backend, and its worker run in the test's process."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker() -> None:
    """Run every task that is due, in this process and this test's transaction, as
    `db_worker --batch` would (its loop closes connections, which a test must keep)."""
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    for _ in range(100):
        result = DBTaskResult.objects.ready().first()
        if result is None:
            return
        result.claim(worker.worker_id)
        worker.run_task(result)
    raise AssertionError("the queue never ran dry")


def make_due() -> None:
    """Time passes: retries scheduled for later are due now."""
    now = timezone.now()
    DBTaskResult.objects.filter(status=TaskResultStatus.READY).update(run_after=now)
