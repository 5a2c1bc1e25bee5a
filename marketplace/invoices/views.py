"""The PES dashboard's invoice pages, under /sklep/dashboard/faktury/.

Only the order's PES staff and the ROPS reach them; anyone else gets a 404, so order numbers
and invoice ids reveal nothing. Downloads are served from private storage by these views only.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from oscar.core.loading import get_model
from oscar.views.decorators import permissions_required

from portal.http import SeeOther

from . import ksef, services
from .forms import IssueInvoiceForm
from .models import Invoice, KsefCredentials

Order = get_model("order", "Order")
dashboard_access = permissions_required((["is_staff"], ["partner.dashboard_access"]))


def order_for(user: Any, number: str) -> Any:
    if len(number) > 128:
        raise Http404
    order = get_object_or_404(Order.objects.prefetch_related("lines__partner"), number=number)
    if not services.can_manage(user, order):
        raise Http404
    return order


def invoice_for(user: Any, pk: int) -> Invoice:
    invoice = get_object_or_404(Invoice.objects.select_related("order", "partner"), pk=pk)
    if not services.can_manage(user, invoice.order):
        raise Http404
    return invoice


def order_url(order: Any) -> str:
    return reverse("dashboard:order-detail", kwargs={"number": order.number})


@method_decorator([never_cache, dashboard_access], name="dispatch")
class IssueInvoiceView(View):
    """The form (VAT rate, exemption basis, sale date) and the one-time issue."""

    template_name = "invoices/issue.html"

    def get(self, request: HttpRequest, number: str) -> HttpResponse:
        order = order_for(request.user, number)
        existing = Invoice.objects.filter(order=order).first()
        form = IssueInvoiceForm(initial={"sale_date": timezone.localtime(order.date_placed).date()})
        return self._render(order, form, existing)

    def post(self, request: HttpRequest, number: str) -> HttpResponse:
        order = order_for(request.user, number)
        form = IssueInvoiceForm(request.POST)
        if not form.is_valid():
            return self._render(order, form, Invoice.objects.filter(order=order).first())
        try:
            invoice = services.issue_invoice(order, user=request.user, **form.cleaned_data)
        except services.InvoiceError as error:
            messages.error(request, str(error))
            return SeeOther(reverse("invoices-dashboard:issue", kwargs={"number": number}))
        messages.success(
            request, _("Invoice %(number)s has been issued.") % {"number": invoice.number}
        )
        return SeeOther(order_url(order))

    def _render(self, order: Any, form: IssueInvoiceForm, existing: Invoice | None):
        return render(
            self.request,
            self.template_name,
            {"order": order, "form": form, "invoice": existing, "order_url": order_url(order)},
        )


@never_cache
@dashboard_access
def download(request: HttpRequest, pk: int, kind: str) -> FileResponse:
    invoice = invoice_for(request.user, pk)
    field = {"pdf": invoice.pdf, "xml": invoice.xml}.get(kind)
    if not field:
        raise Http404
    content_type = "application/pdf" if kind == "pdf" else "application/xml"
    filename = f"{invoice.number.replace('/', '-')}.{kind}"
    return FileResponse(
        field.open("rb"), as_attachment=True, filename=filename, content_type=content_type
    )


@never_cache
@dashboard_access
@require_POST
def send_to_ksef(request: HttpRequest, pk: int) -> HttpResponse:
    invoice = invoice_for(request.user, pk)
    try:
        ksef.queue(invoice)
    except ksef.KsefError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The invoice is queued for sending to KSeF."))
    return SeeOther(order_url(invoice.order))


class KsefTokenForm(forms.Form):
    token = forms.CharField(
        label=gettext_lazy("KSeF token"),
        max_length=2000,
        widget=forms.PasswordInput(attrs={"autocomplete": "off", "class": "form-control"}),
        help_text=gettext_lazy(
            "Generate it in KSeF with the right to send invoices. It is kept on the portal's"
            " server and never shown again; revoke it in KSeF when you stop using the portal."
        ),
    )


@method_decorator([never_cache, dashboard_access], name="dispatch")
class KsefTokenView(View):
    """A PES user enters (or replaces) its PES's KSeF token; it is never displayed back."""

    template_name = "invoices/ksef_token.html"

    def partner(self) -> Any:
        partner = self.request.user.partners.order_by("pk").first()
        if partner is None:
            raise Http404
        return partner

    def get(self, request: HttpRequest) -> HttpResponse:
        partner = self.partner()
        return self._render(partner, KsefTokenForm())

    def post(self, request: HttpRequest) -> HttpResponse:
        partner = self.partner()
        form = KsefTokenForm(request.POST)
        if not form.is_valid():
            return self._render(partner, form)
        KsefCredentials.objects.update_or_create(
            partner=partner,
            defaults={"token": form.cleaned_data["token"].strip(), "updated_by": request.user},
        )
        messages.success(request, _("The KSeF token has been saved."))
        return SeeOther(reverse("invoices-dashboard:ksef-token"))

    def _render(self, partner: Any, form: KsefTokenForm) -> HttpResponse:
        credentials = KsefCredentials.objects.filter(partner=partner).first()
        return render(
            self.request,
            self.template_name,
            {
                "partner": partner,
                "form": form,
                "credentials": credentials,
                "ksef_enabled": ksef.enabled(),
            },
        )
