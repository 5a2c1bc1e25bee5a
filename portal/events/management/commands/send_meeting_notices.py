"""Daily: announce networking and RKRES meetings to member organisations 14 days ahead."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from portal.events.notices import send_meeting_notices


class Command(BaseCommand):
    help = (
        "E-mail every member organisation (ROPS, OWES and consortium members) about live "
        "networking and RKRES meetings starting within 14 days; each meeting once."
    )

    def handle(self, *args, **options) -> None:
        report = send_meeting_notices()
        self.stdout.write(
            f"Meeting notices sent: {report.meetings} meeting(s), {report.emails} e-mail(s)."
        )
        if report.failures:
            raise CommandError("Not sent: " + "; ".join(report.failures))
