"""The PES's application form: declarations, products of its own and PDF attachments."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from .models import (
    MIN_OWN_REVENUE_SHARE,
    Application,
    six_months_before,
    today_in_poland,
    validate_pdf_upload,
)

Product = get_model("catalogue", "Product")
MAX_ATTACHMENTS = 5


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultiplePdfField(forms.FileField):
    """Several PDF files in one input (Django's documented pattern for multiple uploads)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "application/pdf"}))
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list:
        single = super().clean
        files = data if isinstance(data, (list, tuple)) else [data]
        files = [single(item, initial) for item in files if item]
        if not files and self.required:
            raise ValidationError(self.error_messages["required"], code="required")
        if len(files) > MAX_ATTACHMENTS:
            raise ValidationError(
                _("Attach at most %(count)d files.") % {"count": MAX_ATTACHMENTS}, code="too_many"
            )
        errors = []
        for upload in files:
            try:
                validate_pdf_upload(upload)
            except ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise ValidationError(errors)
        return files


class ApplicationForm(forms.ModelForm):
    """One PES applies for some of its own products; the declarations mirror the criteria."""

    partner = forms.ModelChoiceField(queryset=None, label=_("Entity (PES)"), empty_label=None)
    attachments = MultiplePdfField(
        label=_("Attachments (PDF)"),
        help_text=_(
            "Statute or court register extract, financial statement showing own revenue; "
            "PDF only, up to 5 MB each, at most 5 files."
        ),
    )

    class Meta:
        model = Application
        fields = [
            "partner",
            "products",
            "legal_form_confirmed",
            "social_goals",
            "operating_six_months",
            "own_revenue_share",
        ]
        widgets = {"products": forms.CheckboxSelectMultiple}
        help_texts = {
            "social_goals": _("What social good your work does, and for whom."),
        }

    def __init__(self, *args: Any, partners: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = partners
        if len(partners) == 1:
            self.fields["partner"].initial = partners[0]
            self.fields["partner"].widget = forms.HiddenInput()
        self.fields["products"].queryset = (
            Product.objects.filter(stockrecords__partner__in=partners).distinct().order_by("title")
        )
        self.fields["products"].label_from_instance = lambda product: product.get_title()
        self.fields["products"].help_text = _("Choose the products and services to certify.")
        for name in ("legal_form_confirmed", "operating_six_months"):
            self.fields[name].required = True
        self.fields["own_revenue_share"].widget.attrs.update({"min": "0", "max": "100"})

    def clean_own_revenue_share(self) -> Any:
        share = self.cleaned_data.get("own_revenue_share")
        if share is not None and share < MIN_OWN_REVENUE_SHARE:
            raise ValidationError(
                _("The certificate requires at least %(share)d%% own revenue.")
                % {"share": MIN_OWN_REVENUE_SHARE}
            )
        return share

    def clean(self) -> dict:
        cleaned = super().clean()
        partner = cleaned.get("partner")
        products = cleaned.get("products")
        if partner is not None and products:
            foreign = [p for p in products if not p.stockrecords.filter(partner=partner).exists()]
            if foreign:
                self.add_error("products", _("Choose only products and services of this entity."))
        if (
            partner is not None
            and partner.operating_since
            and partner.operating_since > six_months_before(today_in_poland())
        ):
            self.add_error(
                "operating_six_months",
                _("Your profile says you have been operating since %(day)s: less than 6 months.")
                % {"day": partner.operating_since.strftime("%d.%m.%Y")},
            )
        return cleaned
