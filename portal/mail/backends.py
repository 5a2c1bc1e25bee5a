"""`EMAIL_BACKEND` for the whole site: every message Django, Wagtail or Oscar sends is stored
and queued; nothing talks to the mail server inside a request."""

from __future__ import annotations

from collections.abc import Sequence

from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.message import make_msgid
from django.db import DatabaseError, transaction

from .models import OutgoingEmail
from .tasks import queue_delivery


class QueuedEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        stored = 0
        for message in email_messages:
            recipients = message.recipients()
            if not recipients:
                continue
            # One Message-ID for every attempt: a retried message is the same message.
            if "Message-ID" not in message.extra_headers:
                message.extra_headers["Message-ID"] = make_msgid()
            try:
                with transaction.atomic():  # the message and its task, or neither
                    outgoing = OutgoingEmail.objects.create(
                        subject=str(message.subject)[:998],
                        from_email=message.from_email,
                        recipients=recipients,
                        message=message.message().as_bytes(linesep="\r\n"),
                        message_id=message.extra_headers["Message-ID"],
                    )
                    queue_delivery(outgoing.pk)
            except DatabaseError:
                # `fail_silently` callers (Django's error e-mails to ADMINS) must not raise
                # when the database itself is what failed.
                if not self.fail_silently:
                    raise
                continue
            stored += 1
        return stored
