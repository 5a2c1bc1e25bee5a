"""Registering for an event: the POST behind the form on the event page.

Post/redirect/get: a valid registration redirects with a message (303), errors re-render the
event page with the bound form. `EventPage`'s `rejestracja/` route delegates here (see
`portal.pageviews` for why the model does not import this module).
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.translation import gettext_lazy as _

from portal import ratelimit
from portal.http import SeeOther

from .forms import RegistrationForm
from .models import EventPage, Registration
from .registration import AlreadyRegistered, send_confirmation
from .registration import register as save_registration


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
            registration = save_registration(event, form)
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
