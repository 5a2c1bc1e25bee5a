"""Registering for an event (the POST behind the form on the event page) and cancelling a
registration by the link in its e-mail.

Post/redirect/get: a valid registration redirects with a message (303), errors re-render the
event page with the bound form. `EventPage`'s `rejestracja/` and `rezygnacja/<token>/` routes
delegate here (see `portal.pageviews` for why the model does not import this module).

The cancel page is never cached (it holds a CSRF token and someone's registration), and its
GET never writes: the e-mailed link shows the registration and a button, and only the POST
cancels, so mail scanners that open links cannot cancel anyone's place.
"""

from __future__ import annotations

from contextlib import suppress

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _

from portal import ratelimit
from portal.http import SeeOther

from .forms import RegistrationForm
from .models import EventPage, Registration
from .registration import (
    AlreadyCancelled,
    AlreadyRegistered,
    registration_for_token,
    send_confirmation,
)
from .registration import cancel as cancel_registration
from .registration import register as save_registration

CANCEL_TEMPLATE = "events/cancel.html"
ALLOWED = ("GET", "HEAD", "POST")
# Cancelling counts in the registrations' budget: one limit for the event forms of an address.
RATE_SCOPE = "event-registration"


@EventPage.views.add
def register(request: HttpRequest, page: EventPage) -> HttpResponse:
    """Register on `page` (any language); the registration is kept on the canonical event."""
    page_url = page.get_url(request) or "/"
    if request.method != "POST":
        return HttpResponseRedirect(page_url + "#registration")
    state = page.registration_state()
    if not state.open:
        messages.error(request, state.message)
        return SeeOther(page_url)
    event = page.registration_event
    form = RegistrationForm(request.POST, event=event)
    if ratelimit.hit(request, "event-registration"):  # refused, what was typed kept
        form.add_error(None, ratelimit.message("event-registration"))
        response = page.render(request, context_overrides={"registration_form": form})
        return ratelimit.refuse(response, "event-registration")
    if form.is_valid() and form.is_spam:  # answer as for a person, keep nothing
        messages.success(request, _("Thank you: your place is confirmed."))
        return SeeOther(page_url)
    if form.is_valid():
        try:
            registration = save_registration(event, form, language=page.locale.language_code)
        except AlreadyRegistered:
            form.add_error("email", form.duplicate_error())
        else:
            sent = send_confirmation(registration, page, request)
            if registration.status == Registration.Status.CONFIRMED:
                messages.success(request, _("Thank you: your place is confirmed."))
            else:
                messages.warning(
                    request,
                    _(
                        "All places are taken: you are on the waiting list. We will write"
                        " to you if a place becomes free."
                    ),
                )
            if not sent:
                messages.warning(request, _("We could not send the confirmation e-mail just now."))
            return SeeOther(page_url)
    return page.render(request, context_overrides={"registration_form": form})


@EventPage.views.add
def cancel(request: HttpRequest, page: EventPage, token: str) -> HttpResponse:
    """The registrant's own cancel link: a confirmation page, and its POST cancels."""
    response = _cancel(request, page, token)
    add_never_cache_headers(response)
    return response


def _cancel(request: HttpRequest, page: EventPage, token: str) -> HttpResponse:
    if request.method not in ALLOWED:
        return HttpResponse(status=405, headers={"Allow": ", ".join(ALLOWED)})
    registration = registration_for_token(token)
    context = {"page": page, "self": page, "registration": registration}
    if registration is None or registration.event_id != page.registration_event.pk:
        context["outcome"] = "invalid"  # forged, malformed, gone, or another event's link
        return TemplateResponse(request, CANCEL_TEMPLATE, context, status=404)
    if registration.status == Registration.Status.CANCELLED:
        context["outcome"] = "cancelled"  # also the page after a successful POST
        return TemplateResponse(request, CANCEL_TEMPLATE, context)
    if registration.event.start <= timezone.now():
        context["outcome"] = "started"
        return TemplateResponse(request, CANCEL_TEMPLATE, context, status=400)
    context["outcome"] = "pending"
    if request.method != "POST":
        return TemplateResponse(request, CANCEL_TEMPLATE, context)
    if ratelimit.hit(request, RATE_SCOPE):
        context["error"] = ratelimit.message(RATE_SCOPE)
        return ratelimit.refuse(TemplateResponse(request, CANCEL_TEMPLATE, context), RATE_SCOPE)
    # A second click that waited for the first finds it cancelled: the same outcome.
    with suppress(AlreadyCancelled):
        cancel_registration(registration)
    return SeeOther(request.path)  # the GET says it is cancelled
