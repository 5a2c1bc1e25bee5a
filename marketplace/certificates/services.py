"""The committee's decisions (grant, refuse, revoke), certificate numbers and the e-mails to PES.

Kept out of the admin so the demo, the tests and any later dashboard take the same path.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from portal.urls_absolute import absolute_url as portal_absolute_url

from .models import (
    NUMBER_PREFIX,
    REMINDER_DAYS,
    Application,
    ApplicationStatus,
    Certificate,
    today_in_poland,
)

logger = logging.getLogger(__name__)
NUMBER_ATTEMPTS = 5


def next_number(year: int) -> str:
    """The next free number of `year` (ZP/2026/0001, 0002…); the sequence restarts each year."""
    prefix = f"{NUMBER_PREFIX}/{year}/"
    highest = 0
    for number in Certificate.objects.filter(number__startswith=prefix).values_list(
        "number", flat=True
    ):
        suffix = number[len(prefix) :]
        if suffix.isdigit():
            highest = max(highest, int(suffix))
    return f"{prefix}{highest + 1:04d}"


def issue_certificate(
    holder: Any, products: list[Any], *, scope: str = "", issued_on: date | None = None
) -> Certificate:
    """Create a certificate under the next number. Two committee members granting at once may
    compute the same number: the unique constraint refuses the second, which then retries."""
    issued_on = issued_on or today_in_poland()
    for _attempt in range(NUMBER_ATTEMPTS):
        try:
            with transaction.atomic():
                certificate = Certificate.objects.create(
                    number=next_number(issued_on.year),
                    holder=holder,
                    scope=scope,
                    issued_on=issued_on,
                    valid_until=Certificate.last_valid_day(issued_on),
                )
                certificate.products.set(products)
                return certificate
        except IntegrityError:
            continue
    raise RuntimeError("could not find a free certificate number")


@transaction.atomic
def grant(application: Application, *, by: Any = None, request: Any = None) -> Certificate:
    """Grant an open application with a complete checklist: issue the certificate, tell the PES."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    if not application.is_open:
        raise ValidationError(_("This application has already been decided."))
    if not application.checklist_complete:
        raise ValidationError(_("Tick every item of the checklist before granting."))
    products = list(application.products.all())
    scope = ", ".join(product.get_title() for product in products)
    certificate = issue_certificate(application.partner, products, scope=scope)
    application.status = ApplicationStatus.GRANTED
    application.decided_by = by
    application.decided_on = certificate.issued_on
    application.certificate = certificate
    application.save(update_fields=["status", "decided_by", "decided_on", "certificate"])
    transaction.on_commit(lambda: send_to_holder(certificate, "granted", request=request))
    return certificate


@transaction.atomic
def refuse(application: Application, reason: str, *, by: Any = None, request: Any = None) -> None:
    """Refuse an open application; the reason is required and sent to the PES."""
    if not reason.strip():
        raise ValidationError(_("Give the reason for refusal."))
    application = Application.objects.select_for_update().get(pk=application.pk)
    if not application.is_open:
        raise ValidationError(_("This application has already been decided."))
    application.status = ApplicationStatus.REFUSED
    application.refusal_reason = reason.strip()
    application.decided_by = by
    application.decided_on = today_in_poland()
    application.save(update_fields=["status", "refusal_reason", "decided_by", "decided_on"])
    transaction.on_commit(lambda: send_refusal(application, request=request))


def revoke(certificate: Certificate, reason: str, *, request: Any = None) -> None:
    """Revoke from today; refuses a certificate already revoked."""
    if certificate.revoked_on is not None:
        raise ValidationError(_("This certificate has already been revoked."))
    certificate.revoke(reason)
    send_to_holder(certificate, "revoked", request=request)


# E-mails ---------------------------------------------------------------------------------------
def absolute_url(path: str, request: Any = None) -> str:
    """A link for an e-mail: always under BASE_URL, never the Host a request came with."""
    return portal_absolute_url(path)


def _send(partner: Any, subject: str, template: str, context: dict) -> bool:
    to = partner.contact_emails()
    if not to:
        logger.warning("PES %s has no e-mail address for %s", partner.pk, template)
        return False
    message = EmailMessage(
        subject=subject,
        body=render_to_string(template, context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=to,
    )
    try:
        message.send()
    except Exception:  # any transport error: SMTP, DNS, refused connection
        logger.exception("certificate e-mail %s to %s not sent", template, to)
        return False
    return True


def send_to_holder(certificate: Certificate, kind: str, *, request: Any = None) -> bool:
    """Granted, revoked or expiring: the PES is told in Polish (the portal's language)."""
    with translation.override(settings.LANGUAGE_CODE):
        subjects = {
            "granted": _("Zakup Prospołeczny certificate %(number)s granted"),
            "revoked": _("Zakup Prospołeczny certificate %(number)s revoked"),
            "reminder": _("Zakup Prospołeczny certificate %(number)s expires on %(day)s"),
        }
        context = {
            "certificate": certificate,
            "verify_url": absolute_url(certificate.get_absolute_url(), request),
            "apply_url": absolute_url(reverse("certificates:application-create"), request),
        }
        subject = subjects[kind] % {
            "number": certificate.number,
            "day": certificate.valid_until.strftime("%d.%m.%Y"),
        }
        return _send(certificate.holder, subject, f"certificates/email/{kind}.txt", context)


def send_refusal(application: Application, *, request: Any = None) -> bool:
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "application": application,
            "application_url": absolute_url(application.get_absolute_url(), request),
        }
        return _send(
            application.partner,
            _("Your Zakup Prospołeczny application was refused"),
            "certificates/email/refused.txt",
            context,
        )


@dataclass
class ReminderReport:
    sent: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


def send_reminders(day: date | None = None) -> ReminderReport:
    """Remind holders whose certificate ends within 30 days, once per certificate. "Within",
    not "exactly in": a day the daily job did not run must not lose anyone's reminder."""
    day = day or today_in_poland()
    report = ReminderReport()
    due = (
        Certificate.objects.valid_on(day)
        .filter(valid_until__lte=day + timedelta(days=REMINDER_DAYS), reminder_sent_on=None)
        .select_related("holder")
        .order_by("valid_until", "number")
    )
    for certificate in due:
        if send_to_holder(certificate, "reminder"):
            Certificate.objects.filter(pk=certificate.pk).update(reminder_sent_on=day)
            report.sent.append(certificate.number)
        else:
            report.failed.append(certificate.number)
    return report
