"""Every e-mail is stored in the request and sent by the worker; a mail server that is down
loses nothing and, when it is back, gets each message exactly once."""

from __future__ import annotations

import email
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.mail import EmailMessage, send_mail
from django.test import override_settings
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from portal.events.models import EventPage, Registration
from portal.mail.models import OutgoingEmail
from portal.mail.tasks import deliver_email, requeue_stalled_mail
from tests.factories import UserFactory
from tests.helpers.mail import SmtpServer
from tests.helpers.queue import DATABASE_QUEUE, make_due, run_worker

QUEUED = {"EMAIL_BACKEND": "portal.mail.backends.QueuedEmailBackend", "TASKS": DATABASE_QUEUE}


@pytest.fixture
def smtp():
    server = SmtpServer()
    yield server
    server.stop()


def smtp_settings(server: SmtpServer) -> dict:
    return {
        "EMAIL_DELIVERY_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": server.port,
        "EMAIL_TIMEOUT": 2,
    }


@pytest.mark.django_db
@override_settings(**QUEUED)
def test_a_message_is_stored_and_queued_then_sent_by_the_worker():
    message = EmailMessage(
        "Potwierdzenie",
        "Dzień dobry, zażółć gęślą jaźń.",
        "portal@es.example.org",
        ["a@example.org"],
    )
    message.attach("wydarzenie.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")
    message.send()

    outgoing = OutgoingEmail.objects.get()
    assert outgoing.status == OutgoingEmail.Status.PENDING
    assert mail.outbox == []  # nothing sent inside the "request"
    assert DBTaskResult.objects.ready().count() == 1

    run_worker()

    outgoing.refresh_from_db()
    assert outgoing.status == OutgoingEmail.Status.SENT
    assert outgoing.attempts == 1
    [sent] = mail.outbox
    assert sent.subject == "Potwierdzenie"
    assert sent.to == ["a@example.org"]
    assert "zażółć gęślą jaźń" in sent.body
    assert [name for name, _content, _type in sent.attachments] == ["wydarzenie.ics"]


@pytest.mark.django_db
@override_settings(**QUEUED)
def test_a_rolled_back_change_sends_nothing():
    from django.db import transaction

    with pytest.raises(RuntimeError), transaction.atomic():
        send_mail("Nie wyślę", "treść", None, ["b@example.org"])
        raise RuntimeError("the request failed after the e-mail was written")
    assert not OutgoingEmail.objects.exists()
    assert not DBTaskResult.objects.exists()


@pytest.mark.django_db
def test_registration_succeeds_at_once_with_the_mail_server_down_and_mail_arrives_once(
    client, demo, smtp
):
    """The visitor's request never waits for the mail server; the worker retries; when the
    server is back the message arrives once, even after the stalled-work sweep."""
    event = next(
        page
        for page in EventPage.objects.live()
        .filter(locale__language_code="pl", start__gt=timezone.now() + timedelta(days=1))
        .order_by("start")
        if page.registration_state().open
    )
    with override_settings(**QUEUED, **smtp_settings(smtp)):
        response = client.post(
            event.url + "rejestracja/",
            {"name": "Ewa Kowal", "email": "ewa.kowal@example.org", "consent": "on"},
        )
        assert response.status_code == 303
        assert Registration.objects.filter(event=event, email="ewa.kowal@example.org").exists()
        outgoing = OutgoingEmail.objects.get(recipients=["ewa.kowal@example.org"])

        run_worker()  # the server is down: the attempt fails and a retry is queued for later
        outgoing.refresh_from_db()
        assert outgoing.status == OutgoingEmail.Status.PENDING
        assert outgoing.attempts == 1
        assert "ConnectionRefused" in outgoing.last_error
        assert outgoing.next_attempt_at > timezone.now()
        assert smtp.messages == []

        smtp.start()  # the server is back
        make_due()
        run_worker()
        outgoing.refresh_from_db()
        assert outgoing.status == OutgoingEmail.Status.SENT
        assert outgoing.attempts == 2

        # a late duplicate task (the sweep, a second worker) sends nothing more
        OutgoingEmail.objects.filter(pk=outgoing.pk).update(
            next_attempt_at=timezone.now() - timedelta(hours=1)
        )
        requeue_stalled_mail(timedelta(seconds=0))
        deliver_email.enqueue(outgoing.pk)
        run_worker()

    [(recipients, raw)] = smtp.messages
    assert recipients == ["ewa.kowal@example.org"]
    parsed = email.message_from_bytes(raw)
    assert parsed["Message-ID"] == outgoing.message_id


@pytest.mark.django_db
@override_settings(**QUEUED, EMAIL_MAX_ATTEMPTS=2, EMAIL_PORT=1, EMAIL_HOST="127.0.0.1")
@override_settings(EMAIL_DELIVERY_BACKEND="django.core.mail.backends.smtp.EmailBackend")
def test_after_the_last_attempt_the_message_and_its_task_show_as_failed():
    send_mail("Przypomnienie", "treść", None, ["c@example.org"])
    run_worker()
    make_due()
    run_worker()
    outgoing = OutgoingEmail.objects.get()
    assert outgoing.status == OutgoingEmail.Status.FAILED
    assert outgoing.attempts == 2
    failed = DBTaskResult.objects.get(status=TaskResultStatus.FAILED)
    assert failed.exception_class_path.endswith("MailNotSent")
    assert DBTaskResult.objects.ready().count() == 0


@pytest.mark.django_db
@override_settings(**QUEUED)
def test_two_tasks_for_one_message_send_it_once():
    send_mail("Raz", "treść", None, ["d@example.org"])
    outgoing = OutgoingEmail.objects.get()
    deliver_email.enqueue(outgoing.pk)
    run_worker()
    assert len(mail.outbox) == 1
    assert OutgoingEmail.objects.get().status == OutgoingEmail.Status.SENT


@pytest.mark.django_db
@override_settings(**QUEUED)
def test_a_message_left_sending_by_a_dead_worker_is_sent_by_the_sweep():
    send_mail("Po awarii", "treść", None, ["e@example.org"])
    outgoing = OutgoingEmail.objects.get()
    # a worker claimed it and died before sending
    DBTaskResult.objects.all().delete()
    OutgoingEmail.objects.filter(pk=outgoing.pk).update(
        status=OutgoingEmail.Status.SENDING,
        claimed_at=timezone.now() - timedelta(hours=1),
        attempts=1,
    )
    assert requeue_stalled_mail(timedelta(minutes=15)) == 1
    run_worker()
    assert len(mail.outbox) == 1
    assert OutgoingEmail.objects.get().status == OutgoingEmail.Status.SENT


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("who", "sees"),
    [
        ("anonymous", False),
        ("plain user", False),
        ("staff without rights", False),
        ("superuser", True),
    ],
)
def test_outbox_in_the_admin_permissions(client, who, sees):
    OutgoingEmail.objects.create(
        subject="Widoczny", from_email="a@b.pl", recipients=["x@example.org"], message=b"x"
    )
    if who != "anonymous":
        user = UserFactory(is_staff=who != "plain user", is_superuser=who == "superuser")
        client.force_login(user)
    response = client.get("/django-admin/mail/outgoingemail/")
    if sees:
        assert response.status_code == 200
        assert "Widoczny" in response.content.decode()
    else:
        assert response.status_code in (302, 403)


@pytest.mark.django_db
@override_settings(**QUEUED)
def test_staff_send_a_failed_message_again(admin_client):
    outgoing = OutgoingEmail.objects.create(
        subject="Jeszcze raz",
        from_email="portal@es.example.org",
        recipients=["f@example.org"],
        message=EmailMessage("Jeszcze raz", "treść", "portal@es.example.org", ["f@example.org"])
        .message()
        .as_bytes(),
        status=OutgoingEmail.Status.FAILED,
        attempts=10,
        last_error="SMTPServerDisconnected",
    )
    response = admin_client.post(
        "/django-admin/mail/outgoingemail/",
        {"action": "send_again", "_selected_action": [outgoing.pk]},
    )
    assert response.status_code == 302
    run_worker()
    outgoing.refresh_from_db()
    assert outgoing.status == OutgoingEmail.Status.SENT
    assert [m.subject for m in mail.outbox] == ["Jeszcze raz"]


@pytest.mark.django_db
def test_the_wagtail_settings_menu_links_the_queue_and_outbox_for_superusers_only(client):
    tasks_url = "/django-admin/django_tasks_database/dbtaskresult/"
    outbox_url = "/django-admin/mail/outgoingemail/"
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    page = client.get("/admin/").content.decode()
    assert tasks_url in page
    assert outbox_url in page
    editor = UserFactory(is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    page = client.get("/admin/").content.decode()
    assert tasks_url not in page
    assert outbox_url not in page
