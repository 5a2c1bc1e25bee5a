"""Read-only open data: the public PES database and the Zakup Prospołeczny certificates.

Only public fields leave the site: the PES's contact, identifiers and statuses as its profile
shows them; never its IBAN, the raw head counts (only the share and the art. 94 eligibility),
users or internal flags. Only PES listed in the database appear, and only their certificates.
The list takes the same parameters as the page and goes through the same `filter_partners`,
so the same URL parameters give the same PES in the same order.

No interactive docs: ninja's load Swagger from a CDN and the portal allows none; the OpenAPI
schema is at /api/openapi.json.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import NinjaAPI, Path, Query, Schema
from oscar.core.loading import get_model

from marketplace.certificates.models import Certificate
from marketplace.procurement.api import router as notices_router
from portal.localplans.api import router as local_plans_router
from portal.params import ID_MAX, page_number
from portal.statistics.api import router as statistics_router
from portal.urls_absolute import absolute_url

from .filters import filter_partners, listed_partners, parse_query
from .shortlist import with_details

api = NinjaAPI(
    urls_namespace="api",
    title="PES database",
    version="1",
    description="Open data of the regional social economy portal: PES and certificates.",
    docs_url=None,
)

api.add_router("/notices", notices_router)
api.add_router("/statistics", statistics_router)
api.add_router("/local-plans", local_plans_router)

Product = get_model("catalogue", "Product")
PER_PAGE = 50


class ActivityOut(Schema):
    slug: str
    name: str
    name_en: str


class PesOut(Schema):
    id: int
    code: str
    name: str
    url: str
    legal_form: str
    legal_form_label: str
    powiat_code: str | None
    powiat: str | None
    gmina: str
    city: str
    description: str
    social_mission: str
    activity_fields: list[ActivityOut]
    reintegration: str
    operating_since: date | None
    is_social_enterprise: bool
    ps_decision_number: str
    ps_decision_date: date | None
    at_risk_share: str | None
    art_94_eligible: bool
    owes: str | None
    email: str
    phone: str
    website: str
    krs: str
    nip: str
    regon: str
    logo_url: str | None
    opening_hours: str
    pickup_points: list[str]
    accepts_transfer: bool
    accepts_cash_on_pickup: bool
    sells_online: bool
    valid_certificates: list[str]


class PesPage(Schema):
    count: int
    page: int
    pages: int
    results: list[PesOut]


class CertificateOut(Schema):
    number: str
    holder_id: int
    holder_name: str
    scope: str
    products: list[str]
    issued_on: date
    valid_until: date
    revoked_on: date | None
    state: str


class CertificatePage(Schema):
    count: int
    page: int
    pages: int
    results: list[CertificateOut]


class PesFilters(Schema):
    """Documented for the schema; read from the query string by the page's own parser."""

    q: str | None = None
    powiat: list[str] | None = None
    legal_form: list[str] | None = None
    activity: list[str] | None = None
    reintegration: list[str] | None = None
    certified: str | None = None
    ps: str | None = None
    art94: str | None = None
    online: str | None = None
    sort_by: str | None = None
    page: str | None = None


def pes_data(partner: Any, request: HttpRequest) -> dict[str, Any]:
    """A PES's public fields (expects `with_details` prefetches and `listed_partners` flags)."""
    share = partner.at_risk_share
    return {
        "id": partner.pk,
        "code": partner.code,
        "name": partner.name,
        "url": absolute_url(reverse("directory:detail", args=[partner.code])),
        "legal_form": partner.legal_form,
        "legal_form_label": str(partner.get_legal_form_display()),
        "powiat_code": partner.powiat.code if partner.powiat else None,
        "powiat": partner.powiat.name if partner.powiat else None,
        "gmina": partner.gmina,
        "city": partner.city,
        "description": partner.description,
        "social_mission": partner.social_mission,
        "activity_fields": [
            {"slug": field.slug, "name": field.name, "name_en": field.name_en}
            for field in partner.activity_fields.all()
        ],
        "reintegration": partner.reintegration,
        "operating_since": partner.operating_since,
        "is_social_enterprise": partner.is_social_enterprise,
        "ps_decision_number": partner.ps_decision_number,
        "ps_decision_date": partner.ps_decision_date,
        "at_risk_share": str(share) if share is not None else None,
        "art_94_eligible": partner.art_94_eligible,
        "owes": partner.owes.name if partner.owes else None,
        "email": partner.email,
        "phone": partner.phone,
        "website": partner.website,
        "krs": partner.krs,
        "nip": partner.nip,
        "regon": partner.regon,
        "logo_url": absolute_url(partner.logo.url) if partner.logo else None,
        "opening_hours": partner.opening_hours,
        "pickup_points": [line for line in partner.pickup_points.splitlines() if line.strip()],
        "accepts_transfer": partner.accepts_transfer,
        "accepts_cash_on_pickup": partner.accepts_cash_on_pickup,
        "sells_online": partner.sells_online,
        "valid_certificates": [c.number for c in partner.valid_certificates],
    }


def _page_number(value: str | None, pages: int) -> int:
    """Lenient like the page: anything but a page number is the first page, past the end the
    last one."""
    return min(page_number(value), max(pages, 1))


@api.get("/pes/", response=PesPage, tags=["PES"])
def pes_list(request: HttpRequest, filters: Query[PesFilters]) -> dict[str, Any]:
    """Listed PES, filtered and ordered like the /baza-pes/ page; 50 a page."""
    results = filter_partners(parse_query(request.GET))
    count = results.count()
    pages = math.ceil(count / PER_PAGE)
    number = _page_number(request.GET.get("page"), pages)
    start = (number - 1) * PER_PAGE
    partners = with_details(results)[start : start + PER_PAGE]
    return {
        "count": count,
        "page": number,
        "pages": pages,
        "results": [pes_data(partner, request) for partner in partners],
    }


@api.get("/pes/{pes_id}/", response=PesOut, tags=["PES"])
def pes_detail(request: HttpRequest, pes_id: int = Path(..., ge=1, le=ID_MAX)) -> dict[str, Any]:
    partner = get_object_or_404(with_details(listed_partners()), pk=pes_id)
    return pes_data(partner, request)


def _certificates() -> QuerySet:
    public_products = Product.objects.filter(is_public=True).order_by("title")
    return (
        Certificate.objects.filter(holder__listed_in_directory=True)
        .select_related("holder")
        .prefetch_related(Prefetch("products", queryset=public_products, to_attr="public"))
        .order_by("-issued_on", "-number")
    )


def certificate_data(certificate: Certificate) -> dict[str, Any]:
    return {
        "number": certificate.number,
        "holder_id": certificate.holder_id,
        "holder_name": certificate.holder.name,
        "scope": certificate.scope,
        "products": [product.title for product in certificate.public],
        "issued_on": certificate.issued_on,
        "valid_until": certificate.valid_until,
        "revoked_on": certificate.revoked_on,
        "state": str(certificate.state()),
    }


@api.get("/certificates/", response=CertificatePage, tags=["Certificates"])
def certificate_list(request: HttpRequest, page: str | None = None) -> dict[str, Any]:
    """Every certificate of a listed PES, including expired and revoked ones (see `state`)."""
    certificates = _certificates()
    count = certificates.count()
    pages = math.ceil(count / PER_PAGE)
    number = _page_number(page, pages)
    start = (number - 1) * PER_PAGE
    return {
        "count": count,
        "page": number,
        "pages": pages,
        "results": [certificate_data(c) for c in certificates[start : start + PER_PAGE]],
    }


@api.get("/certificates/{path:number}/", response=CertificateOut, tags=["Certificates"])
def certificate_detail(request: HttpRequest, number: str) -> dict[str, Any]:
    # Numbers are stored as ZP/2026/0001; links may spell them ZP-2026-0001.
    spellings = {number, number.replace("-", "/").upper()}
    certificate = _certificates().filter(number__in=spellings).first()
    if certificate is None:
        raise Http404
    return certificate_data(certificate)
