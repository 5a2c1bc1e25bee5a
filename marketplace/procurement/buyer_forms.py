"""The buyer's forms: registration, organisation details, staff, notices, answers, award, cancel.

Every refusal is a message a person can act on; nothing is saved unless the whole form is valid.
Times are typed and shown in Europe/Warsaw (the active time zone), stored in UTC.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from marketplace.identifiers import compact_nip, validate_nip
from portal.organisations.models import Powiat
from portal.uploads import validate_pdf

from .models import BuyerOrganisation, Notice, NoticeKind, OfferStatus
from .publishing import MIN_OPEN_TIME, NIP_TAKEN_MESSAGE

ActivityField = get_model("partner", "ActivityField")

MAX_DOCUMENTS = 10
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


class DateTimeLocalInput(forms.DateTimeInput):
    """The browser's date and time picker; the value is a Warsaw wall-clock time."""

    input_type = "datetime-local"

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__(attrs=attrs, format=DATETIME_FORMAT)

    def format_value(self, value: Any) -> str | None:
        """Typed text that is not a date and time is not sent back: the browser's picker
        cannot hold it (and it would be invalid HTML); the error message says what to type."""
        if isinstance(value, str):
            try:
                datetime.strptime(value, DATETIME_FORMAT)
            except ValueError:
                return None
            return value
        return super().format_value(value)


class WarsawDateTimeField(forms.DateTimeField):
    """A date and time typed in Warsaw (the active zone): DST gaps and overlaps are refused
    with a message rather than guessed."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("input_formats", [DATETIME_FORMAT, "%Y-%m-%d %H:%M"])
        kwargs.setdefault("widget", DateTimeLocalInput())
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> datetime | None:
        try:
            return super().to_python(value)
        except ValidationError as error:
            if error.code == "ambiguous_timezone":
                raise ValidationError(
                    _("This time does not exist or is ambiguous in Poland (a clock change)."),
                    code="ambiguous",
                ) from None
            raise


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultiplePdfField(forms.FileField):
    """Several PDF files in one input; each is parsed by `portal.uploads.validate_pdf`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "application/pdf"}))
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list:
        single = super().clean
        files = data if isinstance(data, (list, tuple)) else [data]
        files = [single(item, initial) for item in files if item]
        if len(files) > MAX_DOCUMENTS:
            raise ValidationError(
                _("Attach at most %(count)d files at once.") % {"count": MAX_DOCUMENTS},
                code="too_many",
            )
        errors = []
        for upload in files:
            try:
                validate_pdf(upload, max_bytes=MAX_DOCUMENT_BYTES)
            except ValidationError as error:
                errors.extend(error.messages)
            finally:
                upload.seek(0)
        if errors:
            raise ValidationError(errors)
        return files


class BuyerForm(forms.ModelForm):
    """The organisation's details; the NIP is unique across buyers."""

    class Meta:
        model = BuyerOrganisation
        fields = [
            "name",
            "kind",
            "nip",
            "address",
            "powiat",
            "email",
            "phone",
            "website",
            "in_public_ranking",
        ]
        labels = {"name": _("Name of the organisation")}
        help_texts = {
            "nip": _("10 digits; dashes and spaces are ignored."),
            "email": _("Where the portal writes to your organisation (moderation, orders)."),
            "in_public_ranking": _(
                "The ranking lists buyers by the value of contracts awarded to social economy"
                " entities."
            ),
        }
        widgets = {
            "address": forms.Textarea(attrs={"rows": 3}),
            "nip": forms.TextInput(attrs={"inputmode": "numeric"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        }
        error_messages = {
            "name": {"required": _("Give the name of the organisation.")},
            "kind": {"required": _("Choose what kind of organisation it is.")},
            "nip": {"required": _("Give the organisation's NIP.")},
            "address": {"required": _("Give the organisation's address.")},
            "email": {
                "required": _("Give the organisation's e-mail address."),
                "invalid": _("Enter an e-mail address like name@example.org."),
            },
            "website": {"invalid": _("Enter a web address like https://example.org.")},
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["powiat"].queryset = Powiat.objects.order_by("name")
        if self.instance.pk and self.instance.is_verified:
            # The ROPS verified this NIP: changing it would need a new verification.
            self.fields["nip"].disabled = True
            self.fields["nip"].help_text = _(
                "Verified by the ROPS: write to the ROPS to change it."
            )

    def clean_nip(self) -> str:
        value = self.cleaned_data.get("nip") or ""
        if self.fields["nip"].disabled:
            return self.instance.nip
        validate_nip(value)
        nip = compact_nip(value)
        taken = BuyerOrganisation.objects.filter(nip=nip).exclude(pk=self.instance.pk)
        if taken.exists():
            raise ValidationError(NIP_TAKEN_MESSAGE, code="taken")
        return nip

    def validate_unique(self) -> None:
        """The NIP's uniqueness is said in `clean_nip`, in words that help; the slug is ours."""
        try:
            self.instance.validate_unique(exclude=["nip", "slug"])
        except ValidationError as error:
            self._update_errors(error)


class MemberForm(forms.Form):
    """Add an existing account by its e-mail address."""

    email = forms.EmailField(
        label=_("E-mail of the colleague's account"),
        error_messages={
            "required": _("Give the e-mail address of the account."),
            "invalid": _("Enter an e-mail address like name@example.org."),
        },
    )
    is_admin = forms.BooleanField(
        label=_("Administrator (may add and remove staff)"), required=False
    )

    def clean_email(self) -> Any:
        email = self.cleaned_data["email"]
        user = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
        if user is None:
            raise ValidationError(
                _(
                    "There is no account with this e-mail address. Ask your colleague to create"
                    " an account in the portal first, then add them here."
                ),
                code="unknown",
            )
        self.user = user
        return email


class NoticeForm(forms.ModelForm):
    """A notice: everything while it is a draft or returned; once published, only what cannot
    harm bidders (description, contact, documents, a later deadline)."""

    LIMITED_FIELDS = (
        "description",
        "deadline",
        "opening_at",
        "contact_name",
        "contact_email",
        "contact_phone",
    )

    deadline = WarsawDateTimeField(
        label=_("Deadline for offers (Polish time)"),
        error_messages={
            "required": _("Give the deadline for offers."),
            "invalid": _("Enter a date and time like 2026-12-31 12:00."),
        },
    )
    opening_at = WarsawDateTimeField(
        label=_("Offers are opened at (Polish time)"),
        help_text=_(
            "Not before the deadline. Until then nobody, you included, can see the offers."
        ),
        error_messages={
            "required": _("Give the time the offers are opened."),
            "invalid": _("Enter a date and time like 2026-12-31 12:00."),
        },
    )
    documents = MultiplePdfField(
        label=_("Add documents (PDF)"),
        help_text=_("Terms of reference, forms: PDF only, up to 10 MB each."),
    )
    remove_documents = forms.ModelMultipleChoiceField(
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Remove documents"),
    )

    class Meta:
        model = Notice
        fields = [
            "kind",
            "clause_at_risk_employment",
            "clause_employment_contracts",
            "subject",
            "description",
            "activity_fields",
            "powiats",
            "estimated_value",
            "deadline",
            "opening_at",
            "contact_name",
            "contact_email",
            "contact_phone",
        ]
        labels = {"kind": _("Kind of contract")}
        widgets = {
            "kind": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 10}),
            "activity_fields": forms.CheckboxSelectMultiple,
            "powiats": forms.CheckboxSelectMultiple,
            "estimated_value": forms.NumberInput(
                attrs={"min": "0", "step": "0.01", "inputmode": "decimal"}
            ),
            "contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "contact_phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        }
        error_messages = {
            "kind": {"required": _("Choose the kind of contract.")},
            "subject": {"required": _("Say briefly what you are buying.")},
            "description": {"required": _("Describe what you are buying.")},
            "activity_fields": {"required": _("Choose at least one field of activity.")},
            "powiats": {"required": _("Choose at least one powiat.")},
            "estimated_value": {"invalid": _("Enter the value as a number, for example 25000.")},
            "contact_name": {"required": _("Give the contact person.")},
            "contact_email": {
                "required": _("Give the contact e-mail address."),
                "invalid": _("Enter an e-mail address like name@example.org."),
            },
        }

    def __init__(self, *args: Any, mode: str = "full", **kwargs: Any) -> None:
        """`mode`: "full" (draft, returned) or "limited" (published and still open)."""
        super().__init__(*args, **kwargs)
        self.mode = mode
        self.original_deadline = self.instance.deadline if self.instance.pk else None
        self.original_opening = self.instance.opening_at if self.instance.pk else None
        self.fields["activity_fields"].queryset = ActivityField.objects.order_by("name")
        self.fields["powiats"].queryset = Powiat.objects.order_by("name")
        if self.instance.pk:
            self.fields["remove_documents"].queryset = self.instance.documents.all()
        else:
            del self.fields["remove_documents"]
        if mode == "limited":
            for name in list(self.fields):
                if name not in self.LIMITED_FIELDS and name not in (
                    "documents",
                    "remove_documents",
                ):
                    del self.fields[name]
            self.fields["deadline"].help_text = _(
                "The notice is published: the deadline can only be extended, never shortened."
            )

    def clean_estimated_value(self) -> Decimal | None:
        value = self.cleaned_data.get("estimated_value")
        if value is not None and value < 0:
            raise ValidationError(_("The value cannot be negative."), code="negative")
        return value

    def clean(self) -> dict:
        cleaned = super().clean()
        now = timezone.now()
        deadline = cleaned.get("deadline")
        opening = cleaned.get("opening_at")
        if self.mode == "limited":
            if deadline and self.original_deadline and deadline < self.original_deadline:
                self.add_error(
                    "deadline",
                    ValidationError(
                        _("A published deadline can be extended, never shortened."),
                        code="shortened",
                    ),
                )
            if opening and self.original_opening and opening < self.original_opening:
                self.add_error(
                    "opening_at",
                    ValidationError(
                        _("A published opening time can be moved later, never earlier."),
                        code="earlier",
                    ),
                )
        elif deadline and deadline < now + MIN_OPEN_TIME:
            self.add_error(
                "deadline",
                ValidationError(
                    _("The deadline must be in the future, at least one hour from now."),
                    code="past",
                ),
            )
        if deadline and opening and opening < deadline:
            self.add_error(
                "opening_at",
                ValidationError(
                    _("Offers cannot be opened before the deadline."), code="before_deadline"
                ),
            )
        if self.mode == "full":
            kind = cleaned.get("kind")
            clauses = cleaned.get("clause_at_risk_employment") or cleaned.get(
                "clause_employment_contracts"
            )
            if kind == NoticeKind.SOCIAL_CLAUSES and not clauses:
                self.add_error(
                    "clause_at_risk_employment",
                    ValidationError(
                        _("Choose at least one social clause for this kind of contract."),
                        code="clause_required",
                    ),
                )
            elif kind and kind != NoticeKind.SOCIAL_CLAUSES:
                # Clauses belong to the "social clauses" kind only; other kinds carry none.
                cleaned["clause_at_risk_employment"] = False
                cleaned["clause_employment_contracts"] = False
        return cleaned

    def validate_constraints(self) -> None:
        """The opening-before-deadline constraint is said on the field, in `clean`."""
        if not self.has_error("opening_at"):
            super().validate_constraints()


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Answer"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Write the answer.")},
    )


class AwardForm(forms.Form):
    """One submitted (opened) offer and the value; the value defaults to its price."""

    offer = forms.ModelChoiceField(
        queryset=None,
        widget=forms.RadioSelect,
        label=_("Offer to award"),
        empty_label=None,
        error_messages={
            "required": _("Choose the offer you award."),
            "invalid_choice": _("This offer cannot be awarded: it was withdrawn or replaced."),
        },
    )
    value = forms.DecimalField(
        label=_("Award value in PLN (gross)"),
        required=False,
        max_digits=12,
        decimal_places=2,
        min_value=Decimal("0.01"),
        help_text=_("Leave empty to use the offer's price."),
        widget=forms.NumberInput(attrs={"min": "0.01", "step": "0.01", "inputmode": "decimal"}),
        error_messages={
            "invalid": _("Enter the value as a number, for example 2500 or 2500.50."),
            "min_value": _("The award value must be more than zero."),
        },
    )

    def __init__(
        self, *args: Any, notice: Notice, offers: list | None = None, **kwargs: Any
    ) -> None:
        """`offers`: the notice's live offers when the page has them already (no new query)."""
        super().__init__(*args, **kwargs)
        # The sealed default manager: before the opening time there is nothing to choose.
        field = self.fields["offer"]
        field.queryset = notice.offers.filter(status=OfferStatus.SUBMITTED).select_related(
            "partner"
        )
        field.label_from_instance = self.offer_label
        if offers is not None:
            field.choices = [(offer.pk, self.offer_label(offer)) for offer in offers]

    @staticmethod
    def offer_label(offer: Any) -> str:
        return f"{offer.partner.name}: {offer.price} zł"


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for cancelling"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Bidders and the public read it."),
        error_messages={"required": _("Give the reason for cancelling.")},
    )


class ReturnForm(forms.Form):
    """The ROPS's comment when returning a notice to its buyer."""

    comment = forms.CharField(
        label=_("What the buyer should change"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("Say what the buyer should change: the comment is required.")
        },
    )
