"""Oscar's "create partner" form with the PES fields its model rules need."""

from __future__ import annotations

from oscar.apps.dashboard.partners import forms as oscar_forms


class PartnerCreateForm(oscar_forms.PartnerCreateForm):
    """Oscar asks only for a name, but `Partner.clean()` wants an IBAN when transfers are on:
    without the field Django raises ValueError (a server error) instead of showing it."""

    class Meta(oscar_forms.PartnerCreateForm.Meta):
        fields = (
            "name",
            "legal_form",
            "powiat",
            "city",
            "email",
            "krs",
            "nip",
            "regon",
            "accepts_transfer",
            "iban",
            "accepts_cash_on_pickup",
        )
