"""Forms a PES uses to keep its own profile, payment methods and delivery options."""

from __future__ import annotations

from django import forms
from django.forms.models import inlineformset_factory
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from marketplace.shipping.models import DeliveryOption

Partner = get_model("partner", "Partner")

# Everything a PES says about itself; `code` and the linked users stay with the ROPS staff.
PROFILE_FIELDS = (
    "name",
    "legal_form",
    "powiat",
    "city",
    "gmina",
    "description",
    "social_mission",
    "email",
    "phone",
    "website",
    "owes",
    "krs",
    "nip",
    "regon",
    "employees_total",
    "employees_at_risk",
    "ps_decision_number",
    "ps_decision_date",
    "pickup_points",
    "opening_hours",
    "logo",
    "accepts_transfer",
    "iban",
    "accepts_cash_on_pickup",
)


class PesProfileForm(forms.ModelForm):
    """The PES profile; `Partner.clean()` errors (IBAN for transfers…) land on their fields."""

    # A bare "example.org" means https, as Django 6 will assume.
    website = Partner._meta.get_field("website").formfield(assume_scheme="https")

    class Meta:
        model = Partner
        fields = PROFILE_FIELDS
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "social_mission": forms.Textarea(attrs={"rows": 4}),
            "pickup_points": forms.Textarea(attrs={"rows": 3}),
            "opening_hours": forms.Textarea(attrs={"rows": 3}),
            "ps_decision_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "logo": forms.ClearableFileInput(
                attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}
            ),
        }

    # What the ROPS verifies (the voivode's PS decision, the OWES support): a PES sees it but
    # cannot change it; the ROPS staff edit it through `?partner=`.
    VERIFIED_FIELDS = ("owes", "ps_decision_number", "ps_decision_date")

    def __init__(self, *args, verified_locked: bool = True, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Oscar lets a partner be nameless; the shop and the directory cannot show one.
        self.fields["name"].required = True
        self.fields["name"].label = _("name of the PES")
        if verified_locked:
            for name in self.VERIFIED_FIELDS:
                self.fields[name].disabled = True
                self.fields[name].help_text = _(
                    "Verified by the ROPS: write to it to have this changed."
                )


class DeliveryOptionForm(forms.ModelForm):
    class Meta:
        model = DeliveryOption
        fields = ("kind", "name", "details", "charge", "is_active", "display_order")
        widgets = {"details": forms.Textarea(attrs={"rows": 2})}


DeliveryOptionFormSet = inlineformset_factory(
    Partner,
    DeliveryOption,
    form=DeliveryOptionForm,
    extra=1,
    can_delete=True,
)
