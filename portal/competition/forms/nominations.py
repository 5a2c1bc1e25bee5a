"""The public nomination form: the candidate, why, a recommendation letter, who nominates."""

from __future__ import annotations

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from marketplace.partner.models import Partner
from portal.honeypot import HoneypotForm
from portal.organisations.models import Organisation

from ..models import Nomination

PHONE_VALIDATOR = RegexValidator(
    r"^\+?[0-9 ()\-]{6,20}$", _("Enter a phone number: digits, spaces, + and - only.")
)


class NominationForm(HoneypotForm, forms.ModelForm):
    """Saves nothing itself; the view saves a valid, non-spam form in one transaction."""

    def full_clean(self) -> None:
        """Point each field with errors at its messages (and its help), so a screen reader
        reads the error when the field gets focus."""
        super().full_clean()
        for name in self.errors:
            if name not in self.fields:
                continue
            bound = self[name]
            ids = [f"{bound.auto_id}_error"]
            if bound.help_text:
                ids.insert(0, f"{bound.auto_id}_helptext")
            self.fields[name].widget.attrs["aria-describedby"] = " ".join(ids)

    candidate_partner = forms.ModelChoiceField(
        queryset=Partner.objects.order_by("name"),
        required=False,
        label=_("A PES from the regional database"),
    )
    candidate_organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.order_by("name"),
        required=False,
        label=_("An organisation known to the portal"),
    )
    candidate_name = forms.CharField(
        max_length=200,
        required=False,
        label=_("Or the candidate's name"),
        help_text=_("For a candidate not listed above: a local government, a company…"),
    )
    consent_data = forms.BooleanField(
        required=True,
        label=_(
            "I agree that the ROPS processes the personal data given here to run the Lider ES"
            " competition (handling the nomination and contact about it)."
        ),
        error_messages={"required": _("To nominate, agree to the processing of your data.")},
    )
    consent_candidate = forms.BooleanField(
        required=True,
        label=_("I confirm the candidate knows about this nomination."),
        error_messages={"required": _("Confirm that the candidate knows about the nomination.")},
    )

    class Meta:
        model = Nomination
        fields = [
            "candidate_partner",
            "candidate_organisation",
            "candidate_name",
            "justification",
            "recommendation_letter",
            "nominator_name",
            "nominator_email",
            "nominator_phone",
            "consent_data",
            "consent_candidate",
        ]
        widgets = {
            "justification": forms.Textarea(attrs={"rows": 8, "maxlength": 5000}),
            "recommendation_letter": forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
            "nominator_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "nominator_email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "nominator_phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["nominator_phone"].validators.append(PHONE_VALIDATOR)
        self.fields["recommendation_letter"].help_text = _("A PDF file of at most 5 MB.")

    def clean(self) -> dict:
        cleaned = super().clean()
        partner = cleaned.get("candidate_partner")
        organisation = cleaned.get("candidate_organisation")
        name = (cleaned.get("candidate_name") or "").strip()
        if partner and organisation:
            raise forms.ValidationError(
                _("Choose either a PES or an organisation, not both."), code="two_candidates"
            )
        if partner:
            cleaned["candidate_name"] = partner.name
        elif organisation:
            cleaned["candidate_name"] = organisation.name
        elif name:
            cleaned["candidate_name"] = name
        elif not self.has_error("candidate_partner") and not self.has_error(
            "candidate_organisation"
        ):
            self.add_error(
                "candidate_name",
                forms.ValidationError(
                    _("Choose the candidate from a list or give their name."),
                    code="no_candidate",
                ),
            )
        return cleaned
