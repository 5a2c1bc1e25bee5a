"""Checkout for a basket with several PES: a delivery and payment choice per PES, one order each."""

from __future__ import annotations

import logging

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import generic
from oscar.apps.checkout import exceptions
from oscar.apps.checkout import views as core
from oscar.apps.checkout.views import *  # noqa: F403  (Oscar's documented fork pattern)
from oscar.core.loading import get_class, get_model

from marketplace.invoices.forms import INVOICE_FIELDS, InvoiceDetailsForm
from marketplace.shipping.methods import PER_SELLER_CODE
from portal import ratelimit

from .emails import send_checkout_emails
from .forms import SellerChoiceForm
from .placement import place_orders
from .splitting import (
    SESSION_KEY,
    choices_are_complete,
    request_parts,
    seller_choices,
    store_seller_choices,
)

CheckoutSessionMixin = get_class("checkout.session", "CheckoutSessionMixin")
Order = get_model("order", "Order")
logger = logging.getLogger("oscar.checkout")
SESSION_ORDER_IDS = "checkout_order_ids"
INVOICE_NAMESPACE = "invoice"


def invoice_details(request) -> dict:
    """The buyer's invoice details from the checkout session (none asked: an empty dict)."""
    data = request.session.get(SESSION_KEY, {}) if request is not None else {}
    details = data.get(INVOICE_NAMESPACE) or {}
    return {name: details[name] for name in INVOICE_FIELDS if name in details}


def store_invoice_details(request, details: dict) -> None:
    data = request.session.setdefault(SESSION_KEY, {})
    data[INVOICE_NAMESPACE] = details
    request.session.modified = True


class IndexView(core.IndexView):
    """The checkout's gateway: its "returning customer" login gets the request, so the login
    throttle (django-axes, portal/login_limits.py) counts it like every other login page."""

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["request"] = self.request
        return kwargs


class SellerChoicesMixin:
    """Pre-condition shared by the review and the placing of orders."""

    def check_seller_choices_are_captured(self, request) -> None:
        if not choices_are_complete(request_parts(request), seller_choices(request)):
            raise exceptions.FailedPreCondition(
                url=reverse("checkout:shipping-method"),
                message=_("Choose the delivery and payment for each seller."),
            )


class ShippingMethodView(CheckoutSessionMixin, generic.TemplateView):
    """Step 2: one fieldset per PES with its delivery options and the payments it accepts."""

    template_name = "oscar/checkout/shipping_methods.html"
    pre_conditions = [
        "check_basket_is_not_empty",
        "check_basket_is_valid",
        "check_user_email_is_captured",
    ]

    def get_forms(self, data=None) -> list[SellerChoiceForm]:
        return [SellerChoiceForm(part, data=data) for part in request_parts(self.request)]

    def get_invoice_form(self, data=None) -> InvoiceDetailsForm:
        """The optional invoice details, shared by every PES's order of this checkout."""
        return InvoiceDetailsForm(data=data, initial=invoice_details(self.request))

    def get(self, request, *args, **kwargs):
        if request.basket.is_shipping_required() and not (
            self.checkout_session.is_shipping_address_set()
        ):
            messages.error(request, _("Please choose a shipping address"))
            return redirect("checkout:shipping-address")
        return self.render_to_response(
            self.get_context_data(forms=self.get_forms(), invoice_form=self.get_invoice_form())
        )

    def post(self, request, *args, **kwargs):
        forms = self.get_forms(data=request.POST)
        invoice_form = self.get_invoice_form(data=request.POST)
        # every form validated (not all() of a generator, which stops at the first invalid one)
        if all([form.is_valid() for form in [*forms, invoice_form]]):  # noqa: C419
            store_seller_choices(
                request, {str(form.part.partner.pk): form.choice() for form in forms}
            )
            store_invoice_details(request, invoice_form.details())
            self.checkout_session.use_shipping_method(PER_SELLER_CODE)
            return redirect("checkout:preview")
        return self.render_to_response(
            self.get_context_data(forms=forms, invoice_form=invoice_form), status=200
        )


class PaymentMethodView(core.PaymentMethodView):
    """Payment is chosen per PES with the delivery; go on to the review."""

    def get_success_url(self) -> str:
        return reverse("checkout:preview")


class PaymentDetailsView(SellerChoicesMixin, core.PaymentDetailsView):
    """Review, then place one Oscar order per PES inside one transaction."""

    def get_pre_conditions(self, request):
        conditions = list(super().get_pre_conditions(request))
        return [*conditions, "check_seller_choices_are_captured"]

    def get(self, request, *args, **kwargs):
        if not self.preview:
            return redirect("checkout:preview")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["seller_parts"] = request_parts(self.request)
        ctx["invoice"] = invoice_details(self.request)
        return ctx

    def handle_place_order_submission(self, request):
        """Placing orders is rate-limited per address; refused, the preview is shown again
        with the basket and choices untouched."""
        if ratelimit.hit(request, "order"):
            response = self.render_preview(request, error=ratelimit.message("order"))
            return ratelimit.refuse(response, "order")
        return super().handle_place_order_submission(request)

    def handle_order_placement(
        self,
        order_number,
        user,
        basket,
        shipping_address,
        shipping_method,
        shipping_charge,
        billing_address,
        order_total,
        surcharges=None,
        **kwargs,
    ):
        kwargs.pop("status", None)
        orders = place_orders(
            basket=basket,
            user=user,
            choices=seller_choices(self.request),
            group_reference=str(order_number),
            shipping_address=shipping_address,
            request=self.request,
            **invoice_details(self.request),
            **kwargs,
        )
        if user.is_authenticated and shipping_address is not None:
            self.update_address_book(user, orders[0].shipping_address)
        return self.handle_successful_orders(orders)

    def handle_successful_orders(self, orders):
        send_checkout_emails(self.request, orders)
        self.checkout_session.flush()
        self.request.session[SESSION_ORDER_IDS] = [order.pk for order in orders]
        self.request.session["checkout_order_id"] = orders[0].pk
        response = redirect(self.get_success_url())
        for order in orders:
            self.send_signal(self.request, response, order)
        return response


class ThankYouView(core.ThankYouView):
    """One confirmation for the whole checkout: each PES's order with its payment instructions."""

    def get_orders(self) -> list:
        queryset = Order._default_manager.select_related("shipping_address").prefetch_related(
            "lines__partner", "lines__product__images", "sources__source_type"
        )
        if self.request.user.is_superuser and "group" in self.request.GET:
            return list(queryset.filter(group_reference=self.request.GET["group"]).order_by("pk"))
        ids = self.request.session.get(SESSION_ORDER_IDS) or []
        return list(queryset.filter(pk__in=ids).order_by("pk"))

    def get_object(self, queryset=None):
        self.orders = self.get_orders()
        return self.orders[0] if self.orders else super().get_object(queryset)

    def get_context_data(self, *args, **kwargs):
        # Oscar's version writes an analytics flag on this GET: the portal keeps GETs read-only.
        ctx = generic.DetailView.get_context_data(self, *args, **kwargs)
        orders = getattr(self, "orders", None) or [ctx["order"]]
        ctx["orders"] = orders
        ctx["group_reference"] = orders[0].group_reference or orders[0].number
        ctx["group_total"] = sum(order.total_incl_tax for order in orders)
        return ctx
