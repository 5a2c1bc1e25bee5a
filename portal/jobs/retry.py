"""Retrying a task that failed for a passing reason (a mail server or search engine away):
queued again for later, with pauses that grow, until it gives up."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from django.utils import timezone
from django_tasks import default_task_backend
from django_tasks.base import Task


def backoff(attempt: int) -> timedelta:
    """30 s, 1 min, 2 min… at most an hour, with a little jitter so retries do not march."""
    seconds = min(30 * 2 ** (attempt - 1), 3600)
    return timedelta(seconds=seconds * random.uniform(0.9, 1.1))  # noqa: S311


def can_wait() -> bool:
    """A queue that can hold a task for later; the immediate backend cannot."""
    return bool(default_task_backend.supports_defer)


def retry_later(task: Task, *args, attempt: int, max_attempts: int) -> datetime | None:
    """Queue `task(*args, attempt=attempt + 1)` after a pause; None when it gives up (the
    last attempt failed) or when there is no queue to wait in."""
    if attempt >= max_attempts or not can_wait():
        return None
    run_after = timezone.now() + backoff(attempt)
    task.using(run_after=run_after).enqueue(*args, attempt=attempt + 1)
    return run_after
