"""Registering for an event without ever exceeding its capacity, and the confirmation e-mail.

Two people may take the last place at the same moment. The event row is locked before the
confirmed registrations are counted, so the second one waits, counts again and lands on the
waiting list. PostgreSQL locks the row (`SELECT … FOR UPDATE`); SQLite ignores the lock but the
settings open every transaction with `BEGIN IMMEDIATE`, which serialises writers as a whole.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from portal.urls_absolute import page_url

from .ical import build_calendar
from .models import EventPage, Registration

if TYPE_CHECKING:
    from .forms import RegistrationForm

logger = logging.getLogger(__name__)


class AlreadyRegistered(Exception):
    """The address registered for this event meanwhile (a double click, a second tab)."""


def register(event: EventPage, form: RegistrationForm) -> Registration:
    """Save a valid form as confirmed while places last, else on the waiting list."""
    try:
        with transaction.atomic():
            # Lock only the event's own row (`of=self`), not the shared wagtailcore_page row,
            # so editors saving pages are never held up by a queue of registrations.
            locked = EventPage.objects.select_for_update(of=("self",)).get(pk=event.pk)
            confirmed = Registration.objects.filter(
                event=locked, status=Registration.Status.CONFIRMED
            ).count()
            registration = form.save(commit=False)
            registration.event = locked
            registration.status = (
                Registration.Status.CONFIRMED
                if locked.capacity is None or confirmed < locked.capacity
                else Registration.Status.WAITLIST
            )
            registration.save()
    except IntegrityError:
        if Registration.objects.filter(event=event, email__iexact=form.cleaned_data["email"]):
            raise AlreadyRegistered from None
        raise
    return registration


def send_confirmation(registration: Registration, page: EventPage, request: HttpRequest) -> bool:
    """E-mail the registrant in the active language, with the event as an .ics attachment.

    `page` is the page the person registered on (their language); a failing mail server is
    logged and reported to the visitor, never turned into an error page: the place is kept.
    """
    confirmed = registration.status == Registration.Status.CONFIRMED
    if confirmed:
        subject = _("Registration confirmed: %(title)s") % {"title": page.title}
    else:
        subject = _("Waiting list: %(title)s") % {"title": page.title}
    body = render_to_string(
        "events/email/registration.txt",
        {
            "registration": registration,
            "page": page,
            "confirmed": confirmed,
            "page_url": page_url(page, request),
        },
        request=request,
    )
    message = EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[registration.email],
        reply_to=[page.organiser.email] if page.organiser and page.organiser.email else None,
    )
    message.attach(f"{page.slug}.ics", build_calendar([page], request), "text/calendar")
    try:
        message.send()
    except Exception:  # any transport error: SMTP, DNS, refused connection
        logger.exception("confirmation e-mail for registration %s not sent", registration.pk)
        return False
    return True
