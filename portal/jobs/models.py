"""The scheduler's lock: one row per job and due time, so two schedulers queue it once."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ScheduledRun(models.Model):
    job = models.CharField(_("job"), max_length=100)
    due_at = models.DateTimeField(_("due at"))
    task_id = models.CharField(_("task"), max_length=64, blank=True)
    queued_at = models.DateTimeField(_("queued at"), auto_now_add=True)

    class Meta:
        ordering = ["-due_at", "job"]
        verbose_name = _("scheduled run")
        verbose_name_plural = _("scheduled runs")
        constraints = [
            models.UniqueConstraint("job", "due_at", name="jobs_scheduledrun_once_per_due_time")
        ]

    def __str__(self) -> str:
        return f"{self.job} @ {self.due_at:%Y-%m-%d %H:%M:%S}"
