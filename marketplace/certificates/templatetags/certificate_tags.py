"""Badges in templates: which currently valid certificates cover a product."""

from __future__ import annotations

from typing import Any

from django import template

from ..models import Certificate, CertificateState, today_in_poland

register = template.Library()


@register.simple_tag
def product_certificates(product: Any) -> list[Certificate]:
    """Valid certificates covering `product` today. Uses the list prefetched as
    `valid_certificates` (see marketplace.products.browsable_products) when there is one,
    else one query: on a product card that query runs only when its fragment is not cached."""
    prefetched = getattr(product, "valid_certificates", None)
    if prefetched is not None:
        return list(prefetched)
    return list(product.certificates.valid_on(today_in_poland()).order_by("-valid_until"))


@register.simple_tag
def certificate_state(certificate: Certificate) -> str:
    return CertificateState(certificate.state()).label
