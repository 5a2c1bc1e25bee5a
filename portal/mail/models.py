"""One row per e-mail the site sends: the outbox the worker empties.

The row is written in the same transaction as the change that caused the message (a
registration, an order), so a rolled-back request sends nothing and a committed one cannot
lose its message. The worker claims a row (PENDING → SENDING in one conditional UPDATE), sends
it and marks it SENT; a failure puts it back to PENDING with the error and the time of the
next attempt. A worker killed between claim and send leaves SENDING behind; the stalled-work
job hands it back after `TASKS_STALLED_AFTER_SECONDS`. Only a worker killed after the mail
server accepted the message and before the row was marked can send it twice; the message
keeps one Message-ID for every attempt, so mail clients show it once.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutgoingEmail(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        SENDING = "sending", _("sending")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    subject = models.CharField(_("subject"), max_length=998)
    from_email = models.CharField(_("from"), max_length=320)
    recipients = models.JSONField(_("recipients"), default=list)
    message = models.BinaryField(_("message (MIME)"))
    message_id = models.CharField(_("Message-ID"), max_length=255, blank=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    claimed_at = models.DateTimeField(_("claimed"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")

    def __str__(self) -> str:
        return f"{self.subject} → {', '.join(self.recipients)}"
