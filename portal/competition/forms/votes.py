"""The public vote form of one category: a candidate, the voter's e-mail, consent, a honeypot."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.honeypot import HoneypotForm

from ..models import Category
from ..voting import already_voted_message, candidates, has_confirmed_vote


class VoteForm(HoneypotForm):
    """Saves nothing itself; the view casts a valid, non-spam vote through `cast_vote`.

    Only the category's ACCEPTED nominations are choices, so a rejected or still submitted one
    is an `invalid_choice` error, whatever a crafted POST says."""

    nomination = forms.ModelChoiceField(
        queryset=None,
        widget=forms.RadioSelect,
        empty_label=None,
        label=_("Your candidate"),
        error_messages={"required": _("Choose the candidate you vote for.")},
    )
    email = forms.EmailField(
        max_length=254,
        label=_("Your e-mail"),
        help_text=_("We send a link to this address: the vote counts once you follow it."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    consent = forms.BooleanField(
        required=True,
        label=_(
            "I agree that the ROPS processes my e-mail address to run the public vote of the"
            " Lider ES competition (confirming the vote and counting one vote per address)."
        ),
        error_messages={"required": _("To vote, agree to the processing of your e-mail address.")},
    )

    def __init__(self, *args, category: Category, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.category = category
        field = self.fields["nomination"]
        field.queryset = candidates(category)
        field.label_from_instance = lambda nomination: nomination.candidate_name  # no N+1

    def clean_email(self) -> str:
        """Refused already here, so the voter learns it before waiting for a mail."""
        email = self.cleaned_data["email"].strip()
        if has_confirmed_vote(self.category, email):
            raise forms.ValidationError(already_voted_message(), code="already_voted")
        return email
