"""The buyer's request form and the PES's answer forms, with messages a person can act on."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django import forms
from django.core.validators import RegexValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from portal.honeypot import HoneypotForm
from portal.params import positive_int

from .models import REQUEST_FIELDS, QuoteRequest
from .services import MAX_PARTNERS

Partner = get_model("partner", "Partner")

PHONE_VALIDATOR = RegexValidator(
    r"^\+?[0-9 ()\-]{6,20}$", _("Enter a phone number: digits, spaces, + and - only.")
)


class DateInput(forms.DateInput):
    """The browser's date picker, never earlier than today."""

    input_type = "date"

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")

    def get_context(self, name: str, value: Any, attrs: dict | None) -> dict:
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"].setdefault("min", timezone.localdate().isoformat())
        return context


def not_in_the_past(value: date | None) -> date | None:
    if value is not None and value < timezone.localdate():
        raise forms.ValidationError(_("The date cannot be in the past."), code="past")
    return value


class ErrorLinksMixin:
    """Lists every error with the id of the field it belongs to, for the summary's links."""

    # Short names for fields whose label is a sentence (the consent checkbox).
    summary_labels: dict[str, str] = {}

    def error_links(self) -> list[tuple[str, str, str]]:
        links = [("", "", error) for error in self.non_field_errors()]
        for name, errors in self.errors.items():
            if name == forms.forms.NON_FIELD_ERRORS or name not in self.fields:
                continue
            bound = self[name]
            anchor = bound.id_for_label or f"{bound.auto_id}_0"
            if getattr(bound.field.widget, "use_fieldset", False):
                anchor = f"{bound.auto_id}_group"
            label = self.summary_labels.get(name, bound.label)
            links.extend((anchor, str(label), error) for error in errors)
        return links


class PartnerChoiceField(forms.ModelMultipleChoiceField):
    """A PES as a checkbox: its name and town, so two cooperatives of one name can be told apart."""

    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name} ({obj.city})" if obj.city else obj.name

    def _check_values(self, value: Iterable[Any]) -> Any:
        """A posted id no row could have (letters, 20 digits) is an unknown entity, not a
        number the database cannot compare."""
        for pk in value:
            if positive_int(pk) is None:
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)


class QuoteRequestForm(HoneypotForm, ErrorLinksMixin, forms.ModelForm):
    """What, where, when, who asks, and which PES receive it."""

    partners = PartnerChoiceField(
        queryset=Partner.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label=_("Entities that receive the request"),
        error_messages={
            "required": _("Choose at least one social economy entity to send the request to."),
            "invalid_choice": _("One of the chosen entities does not exist any more."),
            "invalid_pk_value": _("One of the chosen entities does not exist any more."),
        },
    )
    consent = forms.BooleanField(
        required=True,
        label=_(
            "I agree that the portal and the entities I ask process the personal data given"
            " here to answer this quote request."
        ),
        error_messages={
            "required": _("To send the request, agree to the processing of your data.")
        },
    )

    summary_labels = {"consent": _("Consent"), "partners": _("Entities")}

    class Meta:
        model = QuoteRequest
        fields = list(REQUEST_FIELDS)
        labels = {
            "subject": _("What do you need?"),
            "description": _("Describe the job"),
            "location": _("Where?"),
            "needed_by": _("When? (date)"),
            "quantity": _("How many or how much?"),
            "budget": _("Your budget in PLN"),
            "contact_name": _("Your name"),
            "organisation": _("Company or institution"),
            "email": _("E-mail"),
            "phone": _("Phone"),
            "nip": _("NIP"),
        }
        help_texts = {
            "description": _("What exactly, in what standard, anything the entity should know."),
            "location": _("Town and address, or the area of the job."),
            "quantity": _("For example: 120 people, 300 m², 500 copies."),
            "budget": _("Optional. Helps the entities suggest the right option."),
            "email": _("We send the link to the answers to this address."),
            "nip": _("If the invoice should be made out to a company or institution."),
        }
        widgets = {
            "subject": forms.TextInput(attrs={"maxlength": 200}),
            "description": forms.Textarea(attrs={"rows": 6}),
            "needed_by": DateInput(),
            "budget": forms.NumberInput(attrs={"min": "0", "step": "0.01", "inputmode": "decimal"}),
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "nip": forms.TextInput(attrs={"inputmode": "numeric"}),
        }
        error_messages = {
            "subject": {"required": _("Say briefly what you need.")},
            "description": {"required": _("Describe the job, so the entities can price it.")},
            "location": {"required": _("Say where the job is to be done.")},
            "contact_name": {"required": _("Give your name.")},
            "email": {
                "required": _("Give your e-mail address: the answers come to it."),
                "invalid": _("Enter an e-mail address like name@example.org."),
            },
            "needed_by": {"invalid": _("Enter a date like 2026-12-31.")},
            "budget": {"invalid": _("Enter the budget as a number, for example 2500.")},
        }

    def __init__(
        self,
        *args: Any,
        offered: Iterable[Any] = (),
        primary: Iterable[int] = (),
        **kwargs: Any,
    ) -> None:
        """`offered`: the PES shown as checkboxes; `primary`: those of the service asked about."""
        super().__init__(*args, **kwargs)
        self.offered = list(offered)
        self.primary = set(primary)
        self.fields["partners"].queryset = Partner.objects.filter(
            pk__in=[partner.pk for partner in self.offered]
        ).order_by("name")
        self.fields["phone"].validators.append(PHONE_VALIDATOR)

    def partner_groups(self) -> tuple[list, list]:
        """The checkboxes split in two: the service's own PES, and others offering the same."""
        primary, others = [], []
        for widget in self["partners"]:
            (primary if int(str(widget.data["value"])) in self.primary else others).append(widget)
        return primary, others

    def clean_needed_by(self) -> date | None:
        return not_in_the_past(self.cleaned_data.get("needed_by"))

    def clean_budget(self) -> Decimal | None:
        budget = self.cleaned_data.get("budget")
        if budget is not None and budget < 0:
            raise forms.ValidationError(_("The budget cannot be negative."), code="negative")
        return budget

    def clean_partners(self) -> list:
        partners = list(self.cleaned_data.get("partners") or [])
        if len(partners) > MAX_PARTNERS:
            raise forms.ValidationError(
                _("You can ask at most %(count)d entities at once."),
                code="too_many",
                params={"count": MAX_PARTNERS},
            )
        return partners

    def request_fields(self) -> dict[str, Any]:
        """The cleaned values `services.create_request` takes."""
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class AnswerForm(ErrorLinksMixin, forms.Form):
    """The PES's price: more than zero, with terms and a date it holds until."""

    price = forms.DecimalField(
        label=_("Price in PLN (gross)"),
        max_digits=12,
        decimal_places=2,
        widget=forms.NumberInput(attrs={"min": "0.01", "step": "0.01", "inputmode": "decimal"}),
        error_messages={
            "required": _("Give the price."),
            "invalid": _("Enter the price as a number, for example 2500 or 2500.50."),
        },
    )
    terms = forms.CharField(
        label=_("Terms"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What the price includes, deadlines, payment terms."),
        error_messages={"required": _("Describe what the price includes.")},
    )
    valid_until = forms.DateField(
        label=_("Valid until"),
        widget=DateInput(),
        error_messages={
            "required": _("Say until when the price holds."),
            "invalid": _("Enter a date like 2026-12-31."),
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound and not self.initial.get("valid_until"):
            self.initial["valid_until"] = timezone.localdate() + timedelta(days=14)

    def clean_price(self) -> Decimal:
        price = self.cleaned_data["price"]
        if price <= 0:
            raise forms.ValidationError(_("The price must be more than zero."), code="min")
        return price

    def clean_valid_until(self) -> date:
        return not_in_the_past(self.cleaned_data["valid_until"])


class DeclineForm(ErrorLinksMixin, forms.Form):
    """Saying no, optionally with a reason the buyer reads."""

    message = forms.CharField(
        label=_("Message to the buyer (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
