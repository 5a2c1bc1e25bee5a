"""The buyer's delivery and payment choice for each PES in the basket."""

from __future__ import annotations

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from oscar.apps.checkout.forms import ShippingAddressForm as CoreShippingAddressForm

from .payment import PaymentMethod
from .splitting import SellerPart

NOTES_MAX_LENGTH = 1000


class ShippingAddressForm(CoreShippingAddressForm):
    """Oscar's address form with a bound on the delivery instructions: free text that goes
    into the buyer's and every PES's e-mail (Oscar's model field has no limit)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        notes = self.fields.get("notes")
        if notes is not None:
            notes.max_length = NOTES_MAX_LENGTH
            notes.validators.append(MaxLengthValidator(NOTES_MAX_LENGTH))
            notes.widget.attrs["maxlength"] = str(NOTES_MAX_LENGTH)


def option_label(option) -> str:
    if option.charge:
        price = _("%(amount)s zł") % {"amount": number_format(option.charge, 2)}
    else:
        price = _("free")
    return f"{option.name} ({price})"


class SellerChoiceForm(forms.Form):
    """One fieldset per PES: how its goods reach the buyer and how the buyer pays it."""

    delivery = forms.TypedChoiceField(label="", coerce=int, widget=forms.RadioSelect)
    payment = forms.ChoiceField(label="", widget=forms.RadioSelect)

    def __init__(self, part: SellerPart, *args, **kwargs) -> None:
        kwargs.setdefault("prefix", f"pes-{part.partner.pk}")
        kwargs.setdefault("initial", {"delivery": part.delivery.pk, "payment": part.payment})
        super().__init__(*args, **kwargs)
        self.part = part
        self.options = {option.pk: option for option in part.options}
        self.fields["delivery"].label = _("Delivery")
        self.fields["delivery"].choices = [
            (option.pk, option_label(option)) for option in part.options
        ]
        self.fields["payment"].label = _("Payment")
        self.fields["payment"].choices = [
            (code, str(PaymentMethod(code).label)) for code in part.partner.payment_methods
        ]
        self.fields["delivery"].error_messages["required"] = _("Choose how to receive the goods.")
        self.fields["payment"].error_messages["required"] = _("Choose how to pay.")
        if not part.partner.payment_methods:
            self.fields["payment"].error_messages["required"] = _(
                "This seller cannot take payments yet: remove its products from the basket."
            )

    def clean(self) -> dict:
        data = super().clean()
        option = self.options.get(data.get("delivery"))
        if (
            option is not None
            and data.get("payment") == PaymentMethod.CASH
            and not option.allows_cash
        ):
            self.add_error(
                "payment",
                _("Cash is paid on pickup: choose a pickup or a fair, or pay by bank transfer."),
            )
        return data

    def choice(self) -> dict:
        return {"delivery": self.cleaned_data["delivery"], "payment": self.cleaned_data["payment"]}
