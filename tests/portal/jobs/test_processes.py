"""The processes `make run` and the Procfile start, as real processes over the test database:
the scheduler and the worker publish a page at its time with no other command, and a worker
killed in the middle of a task leaves it to run again with its effect (an e-mail) once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core.mail import send_mail
from django.test import override_settings
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from portal.jobs.jobs import requeue_stalled_tasks
from portal.jobs.models import ScheduledRun
from portal.mail.models import OutgoingEmail
from portal.mail.tasks import requeue_stalled_mail
from portal.news.models import NewsIndexPage, NewsPage
from portal.organisations.models import Organisation
from tests.helpers.browser import database_url
from tests.helpers.mail import SmtpServer
from tests.helpers.queue import DATABASE_QUEUE

ROOT = Path(__file__).resolve().parents[3]


def wait_for(condition: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.25)
    raise AssertionError(f"waited {seconds} s for {what}")


@pytest.fixture
def processes(demo_region, django_db_blocker) -> Iterator[Callable[..., subprocess.Popen]]:
    """Start `manage.py <command>` processes with the database queue; all stopped after, and
    the queue and scheduler rows they committed removed (later tests count them)."""
    started: list[subprocess.Popen] = []
    since = timezone.now()

    def start(*command: str, **env: str) -> subprocess.Popen:
        with django_db_blocker.unblock():
            url = database_url()
        process = subprocess.Popen(
            [sys.executable, "manage.py", *command],
            cwd=ROOT,
            env={
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "portal.settings.test",
                "DATABASE_URL": url,
                "MEDIA_ROOT": str(settings.MEDIA_ROOT),
                "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
                "EMAIL_BACKEND": "portal.mail.backends.QueuedEmailBackend",
                **env,
            },
        )
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
    for process in started:
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
    with django_db_blocker.unblock():
        ScheduledRun.objects.filter(queued_at__gte=since).delete()
        DBTaskResult.objects.filter(enqueued_at__gte=since).delete()


def test_a_page_scheduled_a_moment_ahead_goes_live_by_itself(processes, django_db_blocker):
    with django_db_blocker.unblock():
        index = NewsIndexPage.objects.filter(locale__language_code="pl").first()
        page = NewsPage(
            title="Wiadomość na za chwilę",
            slug="wiadomosc-na-za-chwile",
            lead="Harmonogram ją opublikuje.",
            requested_by=Organisation.objects.get(slug="rops-kielce"),
            live=False,
            go_live_at=timezone.now() + timedelta(seconds=15),
        )
        index.add_child(instance=page)
        page.save_revision().publish()
        page.refresh_from_db()
        assert not page.live
    try:
        scheduler = processes("run_scheduler", PUBLISH_SCHEDULED_EVERY_SECONDS="5")
        worker = processes("db_worker", "--interval", "0.5", "--no-startup-delay")

        def live() -> bool:
            with django_db_blocker.unblock():
                return NewsPage.objects.filter(pk=page.pk, live=True).exists()

        wait_for(live, 60, "the scheduled page to go live")
        with django_db_blocker.unblock():
            page.refresh_from_db()
            assert page.last_published_at >= page.go_live_at
        # Ctrl-C / SIGTERM stops both
        for process in (scheduler, worker):
            process.send_signal(signal.SIGTERM)
            assert process.wait(timeout=20) == 0
    finally:
        with django_db_blocker.unblock():
            NewsPage.objects.get(pk=page.pk).delete()


def test_a_worker_killed_mid_task_leaves_the_task_to_run_again_and_mail_goes_once(
    processes, django_db_blocker, tmp_path
):
    smtp = SmtpServer()
    smtp.start()
    hang = tmp_path / "hang"
    hang.touch()
    mail_env = {
        "EMAIL_DELIVERY_BACKEND": "tests.helpers.mail.HangOnceBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp.port),
        "HANG_FILE": str(hang),
    }
    queued = override_settings(
        TASKS=DATABASE_QUEUE, EMAIL_BACKEND="portal.mail.backends.QueuedEmailBackend"
    )
    with django_db_blocker.unblock(), queued:
        send_mail("Awaria w trakcie", "treść", None, ["awaria@example.org"])
        outgoing = OutgoingEmail.objects.get(recipients=["awaria@example.org"])
    try:
        worker = processes("db_worker", "--interval", "0.5", "--no-startup-delay", **mail_env)
        wait_for(Path(str(hang) + ".started").exists, 60, "the worker to start sending")
        worker.kill()  # SIGKILL: no clean-up, as when a machine or container dies
        worker.wait(timeout=10)
        hang.unlink()
        with django_db_blocker.unblock(), queued:
            task = DBTaskResult.objects.get(
                task_path="portal.mail.tasks.deliver_email", status=TaskResultStatus.RUNNING
            )
            assert task.status == TaskResultStatus.RUNNING
            assert OutgoingEmail.objects.get(pk=outgoing.pk).status == "sending"
            # the stalled-work job, as the scheduler runs it every five minutes
            assert requeue_stalled_tasks(timedelta(0)) == 1
            assert requeue_stalled_mail(timedelta(0)) == 1
        again = processes("db_worker", "--batch", "--no-startup-delay", **mail_env)
        assert again.wait(timeout=60) == 0
        with django_db_blocker.unblock():
            assert OutgoingEmail.objects.get(pk=outgoing.pk).status == "sent"
        assert [rcpt for rcpt, _raw in smtp.messages] == [["awaria@example.org"]]
    finally:
        smtp.stop()
        with django_db_blocker.unblock():
            OutgoingEmail.objects.filter(pk=outgoing.pk).delete()
            DBTaskResult.objects.filter(task_path="portal.mail.tasks.deliver_email").delete()
