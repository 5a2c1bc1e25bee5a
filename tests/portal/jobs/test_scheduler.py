"""The scheduler: jobs queued at their cron times (Europe/Warsaw), once per due time even with
two schedulers, missed periods run once; and the portal's jobs do their work."""

from __future__ import annotations

import io
import threading
import time
from datetime import UTC, datetime, timedelta

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from portal.jobs.jobs import publish_scheduled_pages, requeue_stalled_tasks
from portal.jobs.models import ScheduledRun
from portal.jobs.schedule import JOBS, PeriodicJob, Scheduler, every_seconds
from portal.news.models import NewsIndexPage, NewsPage
from portal.organisations.models import Organisation
from tests.helpers.queue import DATABASE_QUEUE, run_worker

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("queue")]


@pytest.fixture
def queue():
    with override_settings(TASKS=DATABASE_QUEUE):
        yield


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def test_every_app_declares_its_jobs():
    assert {
        "publish_scheduled_pages",
        "meeting_notices",
        "certificate_reminders",
        "requeue_stalled_work",
        "prune_job_history",
    } <= set(JOBS)


def test_daily_jobs_follow_warsaw_time():
    """07:00 in Warsaw is 06:00 UTC in winter and 05:00 UTC in summer."""
    job = JOBS["meeting_notices"]
    winter = Scheduler({"m": job}, now=utc(2026, 12, 7, 12, 0))
    assert winter.next_due["m"] == utc(2026, 12, 8, 6, 0)
    summer = Scheduler({"m": job}, now=utc(2026, 7, 7, 12, 0))
    assert summer.next_due["m"] == utc(2026, 7, 8, 5, 0)


def test_a_due_job_is_queued_once_even_by_two_schedulers():
    job = PeriodicJob("every_minute", "* * * * *", JOBS["prune_job_history"].task)
    start = utc(2026, 12, 7, 10, 0, 30)
    first, second = Scheduler({job.name: job}, now=start), Scheduler({job.name: job}, now=start)
    at = utc(2026, 12, 7, 10, 1, 0, 200_000)
    waiting = DBTaskResult.objects.ready().count()
    assert first.tick(at) == ["every_minute"]
    assert second.tick(at) == []  # the other scheduler already queued this due time
    assert ScheduledRun.objects.filter(job="every_minute").count() == 1
    assert DBTaskResult.objects.ready().count() == waiting + 1
    assert first.next_due["every_minute"] == utc(2026, 12, 7, 10, 2)


def test_missed_periods_run_once_when_the_scheduler_is_back():
    job = PeriodicJob("every_minute", "* * * * *", JOBS["prune_job_history"].task)
    scheduler = Scheduler({job.name: job}, now=utc(2026, 12, 7, 10, 0, 30))
    later = utc(2026, 12, 7, 10, 42, 10)  # asleep for 41 periods
    assert scheduler.tick(later) == ["every_minute"]
    assert scheduler.tick(later) == []
    assert ScheduledRun.objects.filter(job="every_minute").count() == 1
    assert scheduler.next_due["every_minute"] == utc(2026, 12, 7, 10, 43)


def test_every_seconds_is_aligned_on_the_clock():
    assert every_seconds(5) == "*/5 * * * * *"
    assert every_seconds(300) == "0 */5 * * * *"
    job = PeriodicJob("p", every_seconds(5), JOBS["prune_job_history"].task)
    assert Scheduler({"p": job}, now=utc(2026, 1, 1, 0, 0, 2)).next_due["p"] == utc(
        2026, 1, 1, 0, 0, 5
    )


def test_publishing_job_publishes_a_page_whose_time_came(demo):
    index = NewsIndexPage.objects.filter(locale__language_code="pl").first()
    rops = Organisation.objects.get(slug="rops-kielce")
    page = NewsPage(
        title="Zaplanowana wiadomość",
        slug="zaplanowana-wiadomosc",
        lead="Opublikuje ją harmonogram.",
        requested_by=rops,
        live=False,
        go_live_at=timezone.now() + timedelta(seconds=1),
    )
    index.add_child(instance=page)
    page.save_revision().publish()  # go-live in the future: approved, not yet live
    page.refresh_from_db()
    assert not page.live

    time.sleep(max(0.0, (page.go_live_at - timezone.now()).total_seconds()) + 0.05)
    publish_scheduled_pages.enqueue()
    run_worker()
    page.refresh_from_db()
    assert page.live


def test_a_task_left_running_by_a_dead_worker_is_made_ready_again():
    result = JOBS["prune_job_history"].task.enqueue()
    DBTaskResult.objects.filter(pk=result.id).update(
        status=TaskResultStatus.RUNNING, started_at=timezone.now() - timedelta(hours=1)
    )
    fresh = JOBS["prune_job_history"].task.enqueue()
    DBTaskResult.objects.filter(pk=fresh.id).update(
        status=TaskResultStatus.RUNNING, started_at=timezone.now()
    )
    assert requeue_stalled_tasks(timedelta(minutes=15)) == 1  # the fresh one is still running
    run_worker()
    assert DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.SUCCESSFUL
    assert DBTaskResult.objects.get(pk=fresh.id).status == TaskResultStatus.RUNNING


def test_run_scheduler_lists_and_queues_on_demand():
    out = io.StringIO()
    call_command("run_scheduler", "--list", stdout=out)
    assert "publish_scheduled_pages" in out.getvalue()
    call_command("run_scheduler", "--now", "prune_job_history", stdout=out)
    assert ScheduledRun.objects.filter(job="prune_job_history").exists()
    with pytest.raises(CommandError, match="--list"):
        call_command("run_scheduler", "--now", "no_such_job")


def test_staff_run_a_failed_task_again(admin_client):
    before = timezone.now()
    result = JOBS["prune_job_history"].task.enqueue()
    DBTaskResult.objects.filter(pk=result.id).update(
        status=TaskResultStatus.FAILED,
        exception_class_path="builtins.RuntimeError",
        traceback="RuntimeError: boom",
    )
    response = admin_client.get(
        "/django-admin/django_tasks_database/dbtaskresult/?status__exact=FAILED"
    )
    assert response.status_code == 200
    assert "RuntimeError" in response.content.decode()
    response = admin_client.post(
        "/django-admin/django_tasks_database/dbtaskresult/",
        {"action": "run_again", "_selected_action": [str(result.id)]},
    )
    assert response.status_code == 302
    run_worker()
    [again] = DBTaskResult.objects.exclude(pk=result.id).filter(
        task_path=result.task.module_path, enqueued_at__gte=before
    )
    assert again.status == TaskResultStatus.SUCCESSFUL
    assert DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.FAILED  # the record


def test_the_scheduler_stops_at_once_when_asked_not_at_its_next_tick():
    """honcho (`make run`) and systemd send SIGTERM and kill what is still running seconds
    later: the wait for a job due in half a minute must end when the stop is set."""
    job = PeriodicJob("rarely", "0 3 * * *", JOBS["prune_job_history"].task)
    scheduler = Scheduler({job.name: job})
    stop = threading.Event()
    thread = threading.Thread(target=scheduler.run_forever, args=(stop,))
    thread.start()
    time.sleep(0.3)
    stop.set()
    thread.join(timeout=5)
    assert not thread.is_alive()
