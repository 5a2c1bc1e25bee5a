"""Public quote pages: the request form, the thank-you page and the buyer's page by secret link.

None of them is ever cached (they carry CSRF forms, and the buyer's page is private to whoever
holds the link); GETs read only, every write is a POST followed by a redirect.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib import messages
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from oscar.core.loading import get_model

from marketplace.invoices.forms import InvoiceDetailsForm
from portal import ratelimit
from portal.http import SeeOther
from portal.params import positive_ids

from . import services
from .forms import QuoteRequestForm
from .models import QuoteRequest

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")

SESSION_KEY = "quotes:last_request"
SERVICE = Q(product_class__requires_shipping=False, product_class__track_stock=False)
# How many PES ids a link may carry (a directory shortlist); more are ignored.
MAX_LINKED_PARTNERS = 100


def service_products() -> QuerySet:
    """Public products of a class without shipping and stock: the services one asks about."""
    return Product.objects.browsable().filter(SERVICE)


def _ids(values: list[str], limit: int = MAX_LINKED_PARTNERS) -> list[int]:
    """Ids from the link or the form; malformed or out-of-range values are ignored."""
    return positive_ids(values, limit)


def _service(value: str | None) -> Any | None:
    ids = _ids([value] if value else [], 1)
    if not ids:
        return None
    return service_products().select_related("product_class").filter(pk=ids[0]).first()


def offered_partners(
    product: Any | None, linked_ids: list[int], posted_ids: Iterable[int] = ()
) -> tuple[list, set[int]]:
    """The PES to show as checkboxes, and which of them form the first group (ticked at first).

    First group: the PES selling the service and those named in the link (`?partner=`). Offered
    besides, unticked at first: other PES selling services in the service's categories, so a
    buyer can ask three at once from one service page. Ids ticked in a posted form stay in
    their group, and any other posted PES is shown in the first one.
    """
    primary = set(linked_ids)
    siblings: set[int] = set()
    if product is not None:
        primary |= set(product.stockrecords.values_list("partner_id", flat=True))
        siblings = (
            set(
                Partner.objects.filter(
                    stockrecords__product__in=service_products().filter(
                        categories__in=product.categories.all()
                    )
                ).values_list("pk", flat=True)
            )
            - primary
        )
    primary |= set(posted_ids) - siblings
    partners = list(
        Partner.objects.filter(pk__in=primary | siblings).select_related("powiat").order_by("name")
    )
    found = {partner.pk for partner in partners}
    return partners, primary & found


@method_decorator(never_cache, name="dispatch")
class RequestView(View):
    """Ask one or many PES for a quote: `?product=<id>` and/or `?partner=<id>&partner=<id>…`.

    A POST without the form's own fields (a shortlist page posting only `partner` ids) opens
    the form with those PES ticked.
    """

    template_name = "quotes/request_form.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        product = _service(request.GET.get("product"))
        chosen = _ids(request.GET.getlist("partner"))
        return self._render_blank(request, product, chosen)

    def post(self, request: HttpRequest) -> HttpResponse:
        product = _service(request.GET.get("product") or request.POST.get("product"))
        if "form_sent" not in request.POST:
            chosen = _ids(request.GET.getlist("partner") + request.POST.getlist("partner"))
            return self._render_blank(request, product, chosen)
        offered, primary = offered_partners(
            product,
            _ids(request.GET.getlist("partner")),
            _ids(request.POST.getlist("partners"), MAX_LINKED_PARTNERS),
        )
        form = QuoteRequestForm(request.POST, offered=offered, primary=primary)
        if ratelimit.hit(request, "quote-request"):  # refused, what was typed kept
            form.add_error(None, ratelimit.message("quote-request"))
            response = self._render(request, form, product)
            return ratelimit.refuse(response, "quote-request")
        if not form.is_valid():
            return self._render(request, form, product, status=200)
        if form.is_spam:
            # Say thank you, save nothing, send nothing: the robot learns nothing either.
            return SeeOther(reverse("quotes:sent"))
        try:
            quote_request = services.create_request(
                partners=form.cleaned_data["partners"],
                product=product,
                request=request,
                **form.request_fields(),
            )
        except services.QuoteError as error:
            form.add_error("partners", str(error))
            return self._render(request, form, product, status=200)
        request.session[SESSION_KEY] = {
            "reference": quote_request.reference,
            "email": quote_request.email,
            "count": len(form.cleaned_data["partners"]),
        }
        return SeeOther(reverse("quotes:sent"))

    def _render_blank(self, request: HttpRequest, product: Any | None, chosen: list[int]):
        offered, primary = offered_partners(product, chosen)
        initial = {"partners": sorted(primary)}
        if product is not None:
            initial["subject"] = product.get_title()[:200]
        form = QuoteRequestForm(initial=initial, offered=offered, primary=primary)
        return self._render(request, form, product)

    def _render(
        self, request: HttpRequest, form: QuoteRequestForm, product: Any | None, status: int = 200
    ) -> HttpResponse:
        primary, others = form.partner_groups()
        context = {
            "form": form,
            "product": product,
            "primary_partners": primary,
            "other_partners": others,
            "error_links": form.error_links() if form.is_bound else [],
            "form_action": request.get_full_path(),
        }
        return render(request, self.template_name, context, status=status)


@never_cache
def sent(request: HttpRequest) -> HttpResponse:
    """The thank-you page; what was sent is read from the session, never written on a GET."""
    details = request.session.get(SESSION_KEY) if hasattr(request, "session") else None
    return render(request, "quotes/request_sent.html", {"details": details})


def _by_token(token: str) -> QuoteRequest:
    if not token or len(token) > 64:
        raise Http404
    return get_object_or_404(
        QuoteRequest.objects.with_quotes().select_related("product"), token=token
    )


def invoice_form_for(quote_request: QuoteRequest, data: Any = None) -> InvoiceDetailsForm:
    """The optional invoice details, prefilled with the request's NIP and organisation."""
    initial = {
        "invoice_requested": bool(quote_request.nip),
        "invoice_nip": quote_request.nip,
        "invoice_name": quote_request.organisation,
    }
    return InvoiceDetailsForm(data=data, initial=initial)


def _render_detail(
    request: HttpRequest,
    quote_request: QuoteRequest,
    invoice_form: InvoiceDetailsForm,
    status: int = 200,
) -> HttpResponse:
    quotes = list(quote_request.quotes.all())
    accepted = next((quote for quote in quotes if quote.status == quote.Status.ACCEPTED), None)
    response = render(
        request,
        "quotes/request_detail.html",
        {
            "quote_request": quote_request,
            "quotes": quotes,
            "accepted": accepted,
            "answered_count": sum(1 for quote in quotes if quote.price is not None),
            "invoice_form": invoice_form,
        },
        status=status,
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@never_cache
def detail(request: HttpRequest, token: str) -> HttpResponse:
    """The buyer's page: every answer side by side, and a button to accept a valid one."""
    quote_request = _by_token(token)
    return _render_detail(request, quote_request, invoice_form_for(quote_request))


@never_cache
@require_POST
def accept(request: HttpRequest, token: str) -> HttpResponse:
    """Accept one answer with the optional invoice details; any refusal is explained on the
    buyer's page (wrong invoice details: on the form, as typed), and nothing changes."""
    quote_request = _by_token(token)
    if ratelimit.hit(request, "order"):
        messages.error(request, ratelimit.message("order"))
        response = _render_detail(
            request, quote_request, invoice_form_for(quote_request, request.POST)
        )
        return ratelimit.refuse(response, "order")
    invoice_form = invoice_form_for(quote_request, request.POST)
    if not invoice_form.is_valid():
        return _render_detail(request, quote_request, invoice_form)
    try:
        outcome = services.accept_quote(
            quote_request,
            request.POST.get("quote", ""),
            request=request,
            invoice=invoice_form.details(),
        )
    except services.QuoteError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Your choice has been saved: order %(number)s has been placed.")
            % {"number": outcome.order.number},
        )
    return SeeOther(reverse("quotes:detail", kwargs={"token": quote_request.token}))
