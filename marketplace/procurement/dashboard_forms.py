"""The PES's forms in the dashboard: its sealed offer and how it hears of matching notices."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from marketplace.quotes.forms import ErrorLinksMixin

from .models import AlertFrequency, AlertSettings, Offer, OfferAttachment
from .offers import MAX_ATTACHMENTS

# The model field's own validator (PDF parsed with pypdf, 10 MB at most): one rule for both.
ATTACHMENT_VALIDATORS = OfferAttachment._meta.get_field("file").validators


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class OfferAttachmentsField(forms.FileField):
    """Up to five PDF files in one input, each checked by the attachment model's validator."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "application/pdf"}))
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list:
        single = super().clean
        files = data if isinstance(data, (list, tuple)) else [data]
        files = [single(item, initial) for item in files if item]
        if len(files) > MAX_ATTACHMENTS:
            raise ValidationError(
                _("Attach at most %(count)d files.") % {"count": MAX_ATTACHMENTS}, code="too_many"
            )
        errors = []
        for upload in files:
            for validator in ATTACHMENT_VALIDATORS:
                try:
                    validator(upload)
                except ValidationError as error:
                    errors.extend(error.messages)
        if errors:
            raise ValidationError(errors)
        return files


class OfferForm(ErrorLinksMixin, forms.Form):
    """Price (PLN gross, more than zero), terms and PDF attachments."""

    price = forms.DecimalField(
        label=_("Price in PLN (gross)"),
        max_digits=12,
        decimal_places=2,
        widget=forms.NumberInput(attrs={"min": "0.01", "step": "0.01", "inputmode": "decimal"}),
        error_messages={
            "required": _("Give the price."),
            "invalid": _("Enter the price as a number, for example 2500 or 2500.50."),
            "max_digits": _("The price is too large."),
            "max_whole_digits": _("The price is too large."),
            "max_decimal_places": _("Give the price to the grosz: at most two decimal places."),
        },
    )
    terms = forms.CharField(
        label=_("Terms"),
        max_length=Offer._meta.get_field("terms").max_length,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=Offer._meta.get_field("terms").help_text,
        error_messages={"required": _("Describe what the price includes.")},
    )
    attachments = OfferAttachmentsField(
        label=_("Attachments (PDF)"),
        help_text=_("Optional. PDF only, up to 10 MB each, at most 5 files."),
    )

    def clean_price(self) -> Decimal:
        price = self.cleaned_data["price"]
        if not price.is_finite() or price <= 0:
            raise forms.ValidationError(_("The price must be more than zero."), code="min")
        return price


class AlertSettingsForm(ErrorLinksMixin, forms.ModelForm):
    """How often, and where to: the PES's contact address when the field is left empty."""

    class Meta:
        model = AlertSettings
        fields = ["frequency", "email"]
        widgets = {
            "frequency": forms.RadioSelect,
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }
        error_messages = {
            "email": {"invalid": _("Enter an e-mail address like name@example.org.")},
            "frequency": {"invalid_choice": _("Choose how often to hear of new notices.")},
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["frequency"].choices = AlertFrequency.choices
        self.fields["frequency"].label = _("Alerts about matching notices")
