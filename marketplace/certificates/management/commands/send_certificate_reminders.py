"""Daily: remind holders whose Zakup Prospołeczny certificate ends within 30 days (once each)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from marketplace.certificates.services import send_reminders


class Command(BaseCommand):
    help = (
        "E-mail each holder whose certificate's last valid day is at most 30 days away and who "
        "has not been reminded yet; records the day it was sent, so reruns send nothing twice."
    )

    def handle(self, *args, **options) -> None:
        report = send_reminders()
        self.stdout.write(f"Certificate reminders sent: {len(report.sent)}.")
        if report.failed:
            raise CommandError("Not sent (no address or mail error): " + ", ".join(report.failed))
