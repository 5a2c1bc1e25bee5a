"""What happens to quote requests: asking many PES at once, answering, declining, accepting.

Views and other apps (the PES directory's shortlist) call these functions, never save quote
rows themselves, so the rules live in one place: a PES answers until the buyer has chosen; the
buyer accepts one valid answer, all others become "not chosen" in the same transaction, and the
accepted answer becomes an order of that PES. E-mails go out after the transaction; a failing
mail server is logged, never turned into an error page (the data is saved either way).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from portal.urls_absolute import absolute_url as portal_absolute_url

from .models import REQUEST_FIELDS, Quote, QuoteRequest
from .orders import order_from_quote

logger = logging.getLogger(__name__)

Partner = get_model("partner", "Partner")

# A request to more PES than this is a mass mailing, not a quote request.
MAX_PARTNERS = 30


class QuoteError(Exception):
    """A state change that is not allowed now; the message is shown to the person as it is."""


@dataclass
class Outcome:
    """What `accept_quote` did, for the page's message."""

    quote: Quote
    order: Any


# Creating ---------------------------------------------------------------------------------
def create_request(
    *,
    partners: Iterable[Any],
    product: Any | None = None,
    request: HttpRequest | None = None,
    notify: bool = True,
    **fields: Any,
) -> QuoteRequest:
    """Save one request and a pending quote for each PES, then e-mail the buyer and each PES.

    `fields` are QuoteRequest fields (subject, description, location, contact_name, email,
    consent=True, and optionally needed_by, quantity, budget, organisation, phone, nip).
    The model is validated (`full_clean`), so a bad value raises ValidationError and saves
    nothing. Links name BASE_URL; `request`, when given, sets the buyer's language
    (otherwise the active language).
    """
    unknown = set(fields) - set(REQUEST_FIELDS)
    if unknown:
        raise TypeError(f"unknown quote request fields: {sorted(unknown)}")
    chosen = _unique_partners(partners)
    if not chosen:
        raise QuoteError(_("Choose at least one social economy entity to ask."))
    if len(chosen) > MAX_PARTNERS:
        raise QuoteError(
            _("You can ask at most %(count)d entities at once.") % {"count": MAX_PARTNERS}
        )
    quote_request = QuoteRequest(
        product=product, language=translation.get_language() or settings.LANGUAGE_CODE, **fields
    )
    quote_request.full_clean(exclude=["reference", "token"])
    for attempt in range(5):
        try:
            with transaction.atomic():
                # Numbered inside the transaction: SQLite's BEGIN IMMEDIATE serialises writers;
                # elsewhere a rare collision hits the unique index and takes the next number.
                quote_request.reference = QuoteRequest.next_reference()
                quote_request.save()
                Quote.objects.bulk_create(
                    [Quote(request=quote_request, partner=partner) for partner in chosen]
                )
            break
        except IntegrityError:
            # Two requests took the same number at the same moment: take the next one.
            quote_request.pk = None
            if attempt == 4:
                raise
    if notify:
        quotes = list(
            quote_request.quotes.select_related("partner").prefetch_related("partner__users")
        )
        send_request_emails(quote_request, quotes, request)
    return quote_request


def _unique_partners(partners: Iterable[Any]) -> list[Any]:
    seen: dict[int, Any] = {}
    for partner in partners:
        seen.setdefault(partner.pk, partner)
    return list(seen.values())


# Answering (PES) ---------------------------------------------------------------------------
def answer_quote(
    quote: Quote,
    *,
    price: Decimal,
    terms: str,
    valid_until: date,
    request: HttpRequest | None = None,
) -> Quote:
    """The PES gives (or corrects) its price; refused once the buyer has chosen."""
    if price is None or price <= 0:
        raise QuoteError(_("The price must be more than zero."))
    if valid_until < timezone.localdate():
        raise QuoteError(_("The validity date cannot be in the past."))
    return _respond(
        quote,
        Quote.Status.ANSWERED,
        price=price,
        terms=terms,
        valid_until=valid_until,
        request=request,
    )


def decline_quote(quote: Quote, *, message: str = "", request: HttpRequest | None = None) -> Quote:
    """The PES says it cannot do it (optionally why); refused once the buyer has chosen."""
    return _respond(
        quote, Quote.Status.DECLINED, price=None, terms=message, valid_until=None, request=request
    )


def _respond(
    quote: Quote,
    status: str,
    *,
    price: Decimal | None,
    terms: str,
    valid_until: date | None,
    request: HttpRequest | None,
) -> Quote:
    """Record the PES's answer under a row lock (the buyer may be choosing at that moment) and
    e-mail the buyer ("answered" or "declined"); refused once the quote is no longer open."""
    with transaction.atomic():
        locked = Quote.objects.select_for_update().select_related("request").get(pk=quote.pk)
        still_open = (
            locked.can_be_answered if status == Quote.Status.ANSWERED else locked.can_be_declined
        )
        if not still_open:
            raise QuoteError(_not_open_message(locked))
        locked.status = status
        locked.price = price
        locked.terms = terms
        locked.valid_until = valid_until
        locked.answered_at = timezone.now()
        locked.save(update_fields=["status", "price", "terms", "valid_until", "answered_at"])
    locked.partner = quote.partner
    _send_to_buyer(locked.request, str(status), {"quote": locked}, request)
    return locked


def _not_open_message(quote: Quote) -> str:
    if quote.status == Quote.Status.ACCEPTED:
        return _("The buyer has already accepted this quote: it cannot be changed.")
    if quote.status == Quote.Status.NOT_CHOSEN:
        return _("The buyer has already chosen another offer: this quote is closed.")
    if quote.status == Quote.Status.DECLINED:
        return _("This quote has already been declined.")
    return _("This quote cannot be changed now.")


# Accepting (buyer) -------------------------------------------------------------------------
def accept_quote(
    quote_request: QuoteRequest,
    quote_id: int | str,
    *,
    request: HttpRequest | None = None,
    invoice: dict | None = None,
) -> Outcome:
    """The buyer chooses one answer: it becomes an order, every other open answer is closed.

    All quotes of the request are locked first, so two clicks (or two tabs) cannot accept
    two answers: the second one finds the first accepted and is refused.
    """
    try:
        quote_id = int(quote_id)
    except (TypeError, ValueError):
        raise QuoteError(_("This quote does not belong to your request.")) from None
    with transaction.atomic():
        quotes = list(
            Quote.objects.select_for_update().filter(request_id=quote_request.pk).order_by("pk")
        )
        chosen = next((quote for quote in quotes if quote.pk == quote_id), None)
        if chosen is None:
            raise QuoteError(_("This quote does not belong to your request."))
        if any(quote.status == Quote.Status.ACCEPTED for quote in quotes):
            raise QuoteError(_("You have already accepted a quote for this request."))
        if chosen.status != Quote.Status.ANSWERED:
            raise QuoteError(_("This entity has not given a price you could accept."))
        if chosen.is_expired:
            raise QuoteError(
                _("This quote expired on %(date)s: ask the entity for a new one.")
                % {"date": chosen.valid_until.isoformat()}
            )
        others = [
            quote
            for quote in quotes
            if quote.pk != chosen.pk
            and quote.status in (Quote.Status.PENDING, Quote.Status.ANSWERED)
        ]
        Quote.objects.filter(pk__in=[quote.pk for quote in others]).update(
            status=Quote.Status.NOT_CHOSEN
        )
        chosen.status = Quote.Status.ACCEPTED
        chosen.save(update_fields=["status"])
        chosen.request = quote_request
        chosen.partner = Partner.objects.prefetch_related("users").get(pk=chosen.partner_id)
        order = order_from_quote(chosen, invoice=invoice)
    for quote in others:
        quote.status = Quote.Status.NOT_CHOSEN
        quote.request = quote_request
    partners = Partner.objects.prefetch_related("users").in_bulk(
        [quote.partner_id for quote in others]
    )
    for quote in others:
        quote.partner = partners[quote.partner_id]
    _send_to_partner(chosen, "accepted", {"order": order}, request)
    for quote in others:
        _send_to_partner(quote, "not_chosen", {}, request)
    return Outcome(quote=chosen, order=order)


# E-mails -----------------------------------------------------------------------------------
def absolute_url(path: str, request: HttpRequest | None = None) -> str:
    """A link for an e-mail: always under BASE_URL, never the Host a request came with."""
    return portal_absolute_url(path)


def buyer_url(quote_request: QuoteRequest, request: HttpRequest | None = None) -> str:
    return absolute_url(quote_request.get_absolute_url(), request)


def dashboard_url(quote: Quote, request: HttpRequest | None = None) -> str:
    """The PES's dashboard page for its quote, in the PES's (the portal's) language."""
    with translation.override(settings.LANGUAGE_CODE):
        return absolute_url(reverse("quotes-dashboard:detail", kwargs={"pk": quote.pk}), request)


def send_request_emails(
    quote_request: QuoteRequest, quotes: list[Quote], request: HttpRequest | None = None
) -> None:
    """The buyer gets the secret link; each PES gets only its own copy and its dashboard link."""
    _send_to_buyer(quote_request, "requested", {"quotes": quotes}, request)
    for quote in quotes:
        quote.request = quote_request
        _send_to_partner(quote, "new", {}, request)


def _send_to_buyer(
    quote_request: QuoteRequest, kind: str, extra: dict, request: HttpRequest | None
) -> bool:
    subjects = {
        "requested": _("Your quote request %(reference)s"),
        "answered": _("New answer to your quote request %(reference)s"),
        "declined": _("An entity cannot take your request %(reference)s"),
    }
    with translation.override(quote_request.language or settings.LANGUAGE_CODE):
        context = {
            "quote_request": quote_request,
            "buyer_url": buyer_url(quote_request, request),
            **extra,
        }
        return _send(
            subject=subjects[kind] % {"reference": quote_request.reference},
            template=f"quotes/email/buyer_{kind}.txt",
            context=context,
            to=[quote_request.email],
        )


def _send_to_partner(quote: Quote, kind: str, extra: dict, request: HttpRequest | None) -> bool:
    subjects = {
        "new": _("Quote request %(reference)s"),
        "accepted": _("Your quote %(reference)s was accepted"),
        "not_chosen": _("Quote request %(reference)s: another offer was chosen"),
    }
    recipients = quote.partner.contact_emails()
    if not recipients:
        logger.warning("PES %s has no e-mail address for quote %s", quote.partner_id, quote.pk)
        return False
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "quote": quote,
            "quote_request": quote.request,
            "dashboard_url": dashboard_url(quote, request),
            **extra,
        }
        return _send(
            subject=subjects[kind] % {"reference": quote.request.reference},
            template=f"quotes/email/partner_{kind}.txt",
            context=context,
            to=recipients,
            reply_to=[quote.request.email] if kind in ("new", "accepted") else None,
        )


def _send(
    *, subject: str, template: str, context: dict, to: list[str], reply_to: list[str] | None = None
) -> bool:
    message = EmailMessage(
        subject=subject,
        body=render_to_string(template, context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=to,
        reply_to=reply_to,
    )
    try:
        message.send()
    except Exception:  # any transport error: SMTP, DNS, refused connection
        logger.exception("quote e-mail %s to %s not sent", template, to)
        return False
    return True
