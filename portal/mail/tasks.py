"""Sending the outbox: one task per message, retried with growing pauses while the mail
server is away, claimed so that two workers (or a retry and a sweep) never send it twice."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db.models import F, Q
from django.utils import timezone
from django_tasks import task

from portal.jobs.retry import backoff, can_wait

from .message import StoredMessage
from .models import OutgoingEmail

logger = logging.getLogger(__name__)


def queue_delivery(outgoing_id: int, run_after: datetime | None = None) -> None:
    """Queue the message; a backend that cannot wait (the immediate one) sends it now."""
    if run_after is not None and not can_wait():
        return  # no queue to wait in: the sweep job or staff send it again
    chosen = deliver_email.using(run_after=run_after) if run_after else deliver_email
    chosen.enqueue(outgoing_id)


class MailNotSent(Exception):
    """The last attempt failed: the task is recorded as failed, for staff to see and retry."""


@task()
def deliver_email(outgoing_id: int) -> str:
    now = timezone.now()
    claimed = OutgoingEmail.objects.filter(
        pk=outgoing_id, status=OutgoingEmail.Status.PENDING
    ).update(
        status=OutgoingEmail.Status.SENDING,
        claimed_at=now,
        attempts=F("attempts") + 1,
    )
    if not claimed:
        return "already sent or being sent"
    outgoing = OutgoingEmail.objects.get(pk=outgoing_id)
    try:
        with get_connection(settings.EMAIL_DELIVERY_BACKEND, fail_silently=False) as connection:
            connection.send_messages([StoredMessage(outgoing)])
    except Exception as error:  # noqa: BLE001  (any transport error: refused, timeout, SMTP codes)
        return _failed(outgoing, error)
    OutgoingEmail.objects.filter(pk=outgoing_id).update(
        status=OutgoingEmail.Status.SENT, sent_at=timezone.now(), next_attempt_at=None
    )
    logger.info("e-mail %s sent to %s", outgoing_id, ", ".join(outgoing.recipients))
    return "sent"


def _failed(outgoing: OutgoingEmail, error: Exception) -> str:
    reason = f"{type(error).__name__}: {error}"[:2000]
    if outgoing.attempts >= settings.EMAIL_MAX_ATTEMPTS:
        OutgoingEmail.objects.filter(pk=outgoing.pk).update(
            status=OutgoingEmail.Status.FAILED, last_error=reason, next_attempt_at=None
        )
        logger.error(
            "e-mail %s given up after %d attempts: %s", outgoing.pk, outgoing.attempts, reason
        )
        raise MailNotSent(reason) from error
    next_at = timezone.now() + backoff(outgoing.attempts)
    OutgoingEmail.objects.filter(pk=outgoing.pk).update(
        status=OutgoingEmail.Status.PENDING, last_error=reason, next_attempt_at=next_at
    )
    queue_delivery(outgoing.pk, run_after=next_at)
    logger.warning(
        "e-mail %s not sent (attempt %d): %s; next attempt at %s",
        outgoing.pk,
        outgoing.attempts,
        reason,
        next_at.isoformat(timespec="seconds"),
    )
    return f"attempt {outgoing.attempts} failed, retry at {next_at.isoformat()}"


def requeue_stalled_mail(stalled_after: timedelta) -> int:
    """Hand back messages a dead worker left in SENDING, and queue pending messages whose
    retry is overdue (their task was lost, or the immediate backend could not wait)."""
    now = timezone.now()
    stalled = list(
        OutgoingEmail.objects.filter(
            status=OutgoingEmail.Status.SENDING, claimed_at__lt=now - stalled_after
        ).values_list("pk", flat=True)
    )
    OutgoingEmail.objects.filter(pk__in=stalled, status=OutgoingEmail.Status.SENDING).update(
        status=OutgoingEmail.Status.PENDING
    )
    overdue = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.PENDING).filter(
        Q(next_attempt_at__lt=now - timedelta(minutes=5))
        | Q(next_attempt_at__isnull=True, created_at__lt=now - stalled_after)
    )
    pks = sorted({*stalled, *overdue.values_list("pk", flat=True)})
    OutgoingEmail.objects.filter(pk__in=pks).update(next_attempt_at=now)
    for pk in pks:
        queue_delivery(pk)
    return len(pks)
