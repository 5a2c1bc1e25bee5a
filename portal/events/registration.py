"""Registering for an event without ever exceeding its capacity, cancelling, the waiting list
moving up, and the e-mails that go with them.

Two people may take the last place at the same moment. The event row is locked before the
confirmed registrations are counted, so the second one waits, counts again and lands on the
waiting list. PostgreSQL locks the row (`SELECT … FOR UPDATE`); SQLite ignores the lock but the
settings open every transaction with `BEGIN IMMEDIATE`, which serialises writers as a whole.

Cancelling takes the same lock: `cancel` reads the registration again under it, marks it
cancelled and, when it held a place, confirms the earliest waiting people (by `created_at`,
then pk) while places are free. So two places freed at the same moment go to two different
people, and a double click cancels once. `fill_free_places` does the same when an editor
publishes a larger capacity. Each person who moves up is e-mailed once, after the commit, in
the language of the page they registered on.
"""

from __future__ import annotations

import logging
import re
from functools import partial
from typing import TYPE_CHECKING

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from portal.cache import invalidate_pages_on_commit
from portal.urls_absolute import page_url

from .ical import build_calendar
from .models import EventPage, Registration

if TYPE_CHECKING:
    from .forms import RegistrationForm

logger = logging.getLogger(__name__)

Status = Registration.Status
# A signature made for cancel links is worth nothing anywhere else (and the reverse).
CANCEL_SALT = "portal.events.registration.cancel"
_TOKEN = re.compile(r"(?P<pk>[0-9]{1,18})-(?P<signature>[\w-]{1,100})", re.ASCII)


class AlreadyRegistered(Exception):
    """The address registered for this event meanwhile (a double click, a second tab)."""


class AlreadyCancelled(Exception):
    """The registration was cancelled already (a second click, another tab, or staff)."""


def _lock(event_id: int) -> EventPage:
    # Lock only the event's own row (`of=self`), not the shared wagtailcore_page row,
    # so editors saving pages are never held up by a queue of registrations.
    return EventPage.objects.select_for_update(of=("self",)).get(pk=event_id)


def _confirmed_count(event: EventPage) -> int:
    return Registration.objects.filter(event=event, status=Status.CONFIRMED).count()


def register(event: EventPage, form: RegistrationForm, language: str | None = None) -> Registration:
    """Save a valid form as confirmed while places last, else on the waiting list.

    `language` is the one of the page the person registered on: later e-mails use it.
    """
    try:
        with transaction.atomic():
            locked = _lock(event.pk)
            confirmed = _confirmed_count(locked)
            registration = form.save(commit=False)
            registration.event = locked
            registration.language = language or settings.LANGUAGE_CODE
            registration.status = (
                Status.CONFIRMED
                if locked.capacity is None or confirmed < locked.capacity
                else Status.WAITLIST
            )
            registration.save()
    except IntegrityError:
        if (
            Registration.objects.filter(event=event, email__iexact=form.cleaned_data["email"])
            .exclude(status=Status.CANCELLED)
            .exists()
        ):
            raise AlreadyRegistered from None
        raise
    return registration


def cancel(registration: Registration) -> list[Registration]:
    """Cancel `registration` and give the place it held to the waiting list.

    Returns the registrations that moved up (none when it was waiting itself, the list is
    empty or the event has started). Raises AlreadyCancelled when it was cancelled before:
    the status is read again under the event's lock, so that is decided once.
    """
    with transaction.atomic():
        event = _lock(registration.event_id)
        current = Registration.objects.get(pk=registration.pk)
        if current.status == Status.CANCELLED:
            raise AlreadyCancelled
        held_a_place = current.status == Status.CONFIRMED
        current.status = Status.CANCELLED
        current.cancelled_at = timezone.now()
        current.save(update_fields=["status", "cancelled_at"])
        promoted = _promote_waiting(event) if held_a_place else []
    registration.status, registration.cancelled_at = current.status, current.cancelled_at
    return promoted


def fill_free_places(event: EventPage) -> list[Registration]:
    """Confirm waiting people while the event has free places (its capacity was raised)."""
    with transaction.atomic():
        return _promote_waiting(_lock(event.pk))


def _promote_waiting(event: EventPage) -> list[Registration]:
    """Confirm the earliest waiting registrations up to the capacity and e-mail each one after
    the commit. The caller holds the event's lock (`_lock`)."""
    if event.start <= timezone.now():
        return []  # nobody is told of a place at an event already under way
    waiting = Registration.objects.filter(event=event, status=Status.WAITLIST).order_by(
        "created_at", "pk"
    )
    if event.capacity is not None:
        free = event.capacity - _confirmed_count(event)
        if free <= 0:
            return []
        waiting = waiting[:free]
    promoted = list(waiting)
    if not promoted:
        return []
    Registration.objects.filter(pk__in=[r.pk for r in promoted]).update(status=Status.CONFIRMED)
    invalidate_pages_on_commit()  # the places left changed; a bulk update sends no post_save
    for registration in promoted:
        registration.status = Status.CONFIRMED
        registration.event = event
        transaction.on_commit(partial(send_promotion, registration), robust=True)
    return promoted


def fill_places_on_publish(sender: type, instance: EventPage, **kwargs: object) -> None:
    """`page_published`: an editor may have raised the capacity, so the waiting list moves up."""
    if isinstance(instance, EventPage):
        fill_free_places(instance.registration_event)


# Links -------------------------------------------------------------------------------------
def cancel_token(registration: Registration) -> str:
    """`<pk>-<signature>`: the registration's own cancel token, salted, without expiry.

    Wagtail routes only `[\\w-]` path segments, so the signer's `:` becomes a `-` (a pk has
    none, so the first `-` is the separator)."""
    value, signature = signing.Signer(salt=CANCEL_SALT).sign(str(registration.pk)).split(":")
    return f"{value}-{signature}"


def registration_for_token(token: str) -> Registration | None:
    """The registration a cancel token names, or None when it is malformed, forged or the
    registration is gone (a token is never a server error)."""
    match = _TOKEN.fullmatch(token or "")
    if match is None:
        return None
    try:
        pk = signing.Signer(salt=CANCEL_SALT).unsign(f"{match['pk']}:{match['signature']}")
    except signing.BadSignature:
        return None
    return Registration.objects.select_related("event").filter(pk=int(pk)).first()


def cancel_url(registration: Registration, page: EventPage, request: HttpRequest | None) -> str:
    """The absolute cancel link of `registration` on `page` (the page in the person's language)."""
    token = cancel_token(registration)
    return page_url(page, request) + page.reverse_subpage("cancel", kwargs={"token": token})


def page_in_language(event: EventPage, language: str) -> EventPage:
    """The live page of `event` in `language`, else the event's own page."""
    if language == settings.LANGUAGE_CODE:
        return event
    translated = (
        EventPage.objects.live()
        .filter(translation_key=event.translation_key, locale__language_code=language)
        .select_related("organiser")
        .first()
    )
    return translated or event


# E-mails -----------------------------------------------------------------------------------
def _send(
    registration: Registration,
    page: EventPage,
    subject: str,
    template: str,
    context: dict,
    request: HttpRequest | None,
) -> bool:
    """Render and send one message to the registrant, with the event as an .ics attachment.

    A failing mail backend is logged, never raised: the registration is kept either way."""
    body = render_to_string(
        template,
        {
            "registration": registration,
            "page": page,
            "page_url": page_url(page, request),
            "cancel_url": cancel_url(registration, page, request),
            **context,
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
        logger.exception("%s e-mail for registration %s not sent", template, registration.pk)
        return False
    return True


def send_confirmation(registration: Registration, page: EventPage, request: HttpRequest) -> bool:
    """E-mail the registrant in the active language, with the event as an .ics attachment
    and their cancel link.

    `page` is the page the person registered on (their language); a failing mail server is
    logged and reported to the visitor, never turned into an error page: the place is kept.
    """
    confirmed = registration.status == Status.CONFIRMED
    position = None
    if confirmed:
        subject = _("Registration confirmed: %(title)s") % {"title": page.title}
    else:
        subject = _("Waiting list: %(title)s") % {"title": page.title}
        position = (
            Registration.objects.filter(
                event_id=registration.event_id,
                status=Status.WAITLIST,
                created_at__lte=registration.created_at,
            )
            .exclude(created_at=registration.created_at, pk__gt=registration.pk)
            .count()
        )
    return _send(
        registration,
        page,
        subject,
        "events/email/registration.txt",
        {"confirmed": confirmed, "position": position},
        request,
    )


def send_promotion(registration: Registration) -> bool:
    """E-mail someone who moved up from the waiting list, in the language they registered in."""
    language = registration.language or settings.LANGUAGE_CODE
    page = page_in_language(registration.event, language)
    with translation.override(language):
        subject = _("You have a place: %(title)s") % {"title": page.title}
        return _send(registration, page, subject, "events/email/promoted.txt", {}, None)
