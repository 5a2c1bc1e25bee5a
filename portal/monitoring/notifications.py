"""E-mails about reports, through the project's mail path (queued in production), in Polish.

Submitted reports go to the ROPS (its organisation's address and its moderators); a decision
goes to the OWES (its address and its editors). A failing mail server is logged, never an
error page: the decision is saved either way.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from portal.organisations import roles
from portal.organisations.models import Organisation
from portal.urls_absolute import absolute_url

from .reports import Report, ReportStatus

logger = logging.getLogger(__name__)


def _unique(emails: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for email in emails:
        if email and email.lower() not in seen:
            seen[email.lower()] = None
    return list(seen)


def rops_recipients() -> list[str]:
    users = (
        get_user_model()
        .objects.filter(is_active=True, groups__name=roles.ROPS_MODERATORS)
        .values_list("email", flat=True)
    )
    offices = Organisation.objects.filter(kind=Organisation.Kind.ROPS).values_list(
        "email", flat=True
    )
    return _unique([*offices, *users])


def owes_recipients(owes: Organisation) -> list[str]:
    users = (
        get_user_model()
        .objects.filter(is_active=True, organisation=owes, groups__name=roles.OWES_EDITORS)
        .values_list("email", flat=True)
    )
    return _unique([owes.email, *users])


def _send(report: Report, template: str, subject: str, to: list[str]) -> bool:
    if not to:
        logger.warning("No recipient for report %s (%s)", report.pk, template)
        return False
    context = {
        "report": report,
        "url": absolute_url(reverse("monitoring_report", kwargs={"pk": report.pk})),
    }
    message = EmailMessage(
        subject=subject,
        body=render_to_string(f"monitoring/email/{template}.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=to,
    )
    try:
        message.send()
    except Exception:  # any transport error: SMTP, DNS, refused connection
        logger.exception("monitoring e-mail %s to %s not sent", template, to)
        return False
    return True


def report_submitted(report: Report) -> bool:
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("%(owes)s has submitted its report for %(period)s") % {
            "owes": report.owes.name,
            "period": report.period_label,
        }
        return _send(report, "report_submitted", subject, rops_recipients())


def report_decided(report: Report) -> bool:
    with translation.override(settings.LANGUAGE_CODE):
        params = {"period": report.period_label}
        if report.status == ReportStatus.ACCEPTED:
            template = "report_accepted"
            subject = _("Your report for %(period)s has been accepted") % params
        else:
            template = "report_returned"
            subject = _("Your report for %(period)s has been returned for correction") % params
        return _send(report, template, subject, owes_recipients(report.owes))
