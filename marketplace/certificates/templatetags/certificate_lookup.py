"""The "check a certificate" box for pages whose view knows nothing of it (the register)."""

from __future__ import annotations

from django import template

from ..lookup import CertificateLookupForm

register = template.Library()


@register.simple_tag
def blank_lookup_form() -> CertificateLookupForm:
    return CertificateLookupForm()
