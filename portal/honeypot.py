"""The honeypot shared by the public forms (quote requests, event registrations, Lider ES
nominations and votes).

A field hidden from people (off screen, `aria-hidden`, out of the tab order) that naive bots
fill in: the views then drop the submission without saving it and without telling the bot. It
works offline, unlike a hosted captcha. Render it with `{% include "includes/honeypot.html" %}`."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

HONEYPOT_FIELD = "website"


class HoneypotForm(forms.Form):
    """Mix into a `Form` or `ModelForm` (first in the bases) to give it the trap field."""

    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    @property
    def is_spam(self) -> bool:
        """A robot filled the invisible field; read from the submitted data, so it holds
        whether or not the form is valid."""
        return bool((self.data.get(HONEYPOT_FIELD) or "").strip())
