"""The public registration form: who comes, how to reach them, and their consent."""

from __future__ import annotations

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from portal.honeypot import HoneypotForm

from .models import EventPage, Registration

PHONE_VALIDATOR = RegexValidator(
    r"^\+?[0-9 ()\-]{6,20}$", _("Enter a phone number: digits, spaces, + and - only.")
)


class RegistrationForm(HoneypotForm, forms.ModelForm):
    """Saves nothing itself: `registration.register` decides confirmed or waiting list. The
    honeypot's field comes first in the form; the page renders it hidden."""

    consent = forms.BooleanField(
        required=True,
        error_messages={
            "required": _("To register, agree to the processing of your data for the event.")
        },
    )

    class Meta:
        model = Registration
        fields = ["name", "email", "organisation_name", "phone", "consent"]
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "organisation_name": forms.TextInput(attrs={"autocomplete": "organization"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        }
        labels = {
            "organisation_name": _("Organisation (optional)"),
            "phone": _("Phone (optional)"),
        }

    def __init__(self, *args, event: EventPage, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.event = event
        self.fields["phone"].validators.append(PHONE_VALIDATOR)
        organiser = event.organiser
        if organiser is not None:
            label = _(
                "I agree that %(organiser)s, the organiser, processes my personal data given"
                " here to organise this event (registration, participant list, contact about"
                " the event)."
            ) % {"organiser": organiser.name}
        else:
            label = _(
                "I agree that the organiser of this event processes my personal data given"
                " here to organise the event (registration, participant list, contact about"
                " the event)."
            )
        self.fields["consent"].label = label

    @staticmethod
    def duplicate_error() -> str:
        return _("This e-mail address is already registered for this event.")

    def clean_email(self) -> str:
        """One registration per address and event, whatever the letter case; a cancelled one
        does not count (the person may register again, at the end of the queue)."""
        email = self.cleaned_data["email"].strip()
        if (
            Registration.objects.filter(event=self.event, email__iexact=email)
            .exclude(status=Registration.Status.CANCELLED)
            .exists()
        ):
            raise forms.ValidationError(self.duplicate_error(), code="duplicate")
        return email
