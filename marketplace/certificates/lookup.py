"""The "check a certificate" box: any number typed by hand leads to its verification page.

The register lists only certificates valid today; an expired or revoked one is found here, and
its verification page says which. A number that is not one, or that no certificate has, is
answered on the form itself (never a 404 page), so the visitor can correct it.
"""

from __future__ import annotations

import re

from django import forms
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from .models import Certificate, normalise_number

# Spaces are forgiven: "zp / 2026 / 1" and "ZP 2026 0001" both mean ZP/2026/0001.
_SPACED_SEPARATOR = re.compile(r"\s*([/-])\s*")
_SPACES = re.compile(r"\s+")


def tolerant_number(value: str) -> str | None:
    """The stored spelling of a number as a person types it, or None if it is not one."""
    compact = _SPACED_SEPARATOR.sub(r"\1", (value or "").strip())
    return normalise_number(_SPACES.sub("/", compact))


class CertificateLookupForm(forms.Form):
    number = forms.CharField(
        label=_("Certificate number"),
        max_length=40,
        help_text=_("For example ZP/2026/0001. Upper or lower case and spaces do not matter."),
        error_messages={"required": _("Enter the certificate number.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def clean_number(self) -> str:
        typed = self.cleaned_data["number"]
        number = tolerant_number(typed)
        if number is None:
            raise forms.ValidationError(
                _("“%(typed)s” is not a certificate number. Numbers look like ZP/2026/0001."),
                code="malformed",
                params={"typed": typed},
            )
        if not Certificate.objects.filter(number=number).exists():
            raise forms.ValidationError(
                _(
                    "No Zakup Prospołeczny certificate has the number %(number)s. A product or "
                    "service offered with this number is not certified."
                ),
                code="unknown",
                params={"number": number},
            )
        return number


def lookup(request: HttpRequest) -> HttpResponse:
    """GET only: a known number, whatever its state, redirects to its verification page."""
    form = CertificateLookupForm(request.GET if "number" in request.GET else None)
    if form.is_valid():
        certificate = Certificate.objects.get(number=form.cleaned_data["number"])
        return HttpResponseRedirect(certificate.get_absolute_url())
    return render(request, "certificates/lookup.html", {"lookup_form": form})
