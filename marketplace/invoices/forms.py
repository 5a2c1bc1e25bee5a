"""The buyer's invoice details (checkout, quote acceptance) and the PES's invoice form."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from marketplace.identifiers import compact_nip, validate_nip

from .models import DEFAULT_EXEMPTION_BASIS, VatRate

INVOICE_FIELDS = ("invoice_requested", "invoice_nip", "invoice_name", "invoice_address")


class InvoiceDetailsForm(forms.Form):
    """Optional: unticked, nothing is required and nothing is kept; ticked, all three are."""

    invoice_requested = forms.BooleanField(
        label=_("I need an invoice (company or public body)"), required=False
    )
    invoice_nip = forms.CharField(label=_("NIP"), max_length=13, required=False)
    invoice_name = forms.CharField(
        label=_("Name of the company or institution"), max_length=200, required=False
    )
    invoice_address = forms.CharField(
        label=_("Address for the invoice"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("prefix", "invoice")
        super().__init__(*args, **kwargs)
        self.fields["invoice_requested"].widget.attrs["class"] = "form-check-input"
        for name in INVOICE_FIELDS[1:]:
            self.fields[name].widget.attrs["class"] = "form-control"
        self.fields["invoice_nip"].widget.attrs.update(
            {"inputmode": "numeric", "autocomplete": "off"}
        )
        self.fields["invoice_name"].widget.attrs["autocomplete"] = "organization"
        self.fields["invoice_address"].widget.attrs["autocomplete"] = "street-address"

    def clean(self) -> dict:
        data = super().clean()
        if not data.get("invoice_requested"):
            # The details of an unticked box are dropped, whatever was typed (even what the
            # fields would refuse: too long, a NUL character).
            for name in INVOICE_FIELDS[1:]:
                self._errors.pop(name, None)
            return {"invoice_requested": False, **dict.fromkeys(INVOICE_FIELDS[1:], "")}
        nip = (data.get("invoice_nip") or "").strip()
        if not nip:
            self.add_error("invoice_nip", _("Enter the NIP for the invoice."))
        else:
            try:
                validate_nip(nip)
            except forms.ValidationError as error:
                self.add_error("invoice_nip", error)
            else:
                data["invoice_nip"] = compact_nip(nip)
        if not (data.get("invoice_name") or "").strip():
            self.add_error("invoice_name", _("Enter the name for the invoice."))
        if not (data.get("invoice_address") or "").strip():
            self.add_error("invoice_address", _("Enter the address for the invoice."))
        return data

    def details(self) -> dict:
        """The order fields to save (call after is_valid)."""
        return {name: self.cleaned_data.get(name) for name in INVOICE_FIELDS}


class IssueInvoiceForm(forms.Form):
    """What the PES decides when issuing: the VAT rate (exempt by default) and the dates."""

    vat_rate = forms.ChoiceField(
        label=_("VAT"), choices=VatRate.choices, initial=VatRate.EXEMPT, widget=forms.RadioSelect
    )
    exemption_basis = forms.CharField(
        label=_("Legal basis of the exemption"),
        max_length=300,
        required=False,
        initial=DEFAULT_EXEMPTION_BASIS,
        help_text=_(
            "Printed on an exempt invoice: art. 113 ust. 1 (turnover below the limit) or"
            " art. 43 ust. 1 (exempt activity) of the VAT Act, with the point."
        ),
    )
    sale_date = forms.DateField(
        label=_("Sale date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def clean(self) -> dict:
        data = super().clean()
        if data.get("vat_rate") == VatRate.EXEMPT:
            if not (data.get("exemption_basis") or "").strip():
                self.add_error("exemption_basis", _("Give the legal basis of the VAT exemption."))
        else:
            data["exemption_basis"] = ""
        return data
