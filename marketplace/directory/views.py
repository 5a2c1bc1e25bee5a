"""Public pages of the PES database: listing with facets, profiles, the shortlist and exports.

Caching: the listing and the profiles carry no CSRF token, so the anonymous page cache keeps
them. Their "Add to shortlist" buttons are token-less POST forms; `static/directory/
directory.js` fetches a token (from `shortlist-token`) just before sending. Without JavaScript
the POST lands on a confirmation page that carries a token, so nothing changes without one.
The shortlist page and the token endpoint are never cached.
"""

from __future__ import annotations

import json
from typing import Any

from django.contrib import messages
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    JsonResponse,
)
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from oscar.core.loading import get_model

from marketplace.partner.models import ActivityField, LegalForm, ReintegrationType
from portal import ratelimit
from portal.http import SeeOther
from portal.urls_absolute import absolute_url
from search.paging import SearchPage, page_number
from search.service import search_partners

from . import exports, shortlist
from .filters import (
    BOOLEAN_FACETS,
    DirectoryQuery,
    Facet,
    FacetValue,
    filter_partners,
    fold,
    listed_partners,
    parse_query,
)

Powiat = get_model("organisations", "Powiat")
Product = get_model("catalogue", "Product")

PER_PAGE = 20
FACET_NAMES = ("powiat", "activity", "legal_form", "reintegration")


def _facets(query: DirectoryQuery, counts: dict[str, dict[str, int]]) -> list[Facet]:
    """The listing's facets, labelled, from raw counts shaped like `filters.facet_counts`."""
    counts = {name: counts.get(name, {}) for name in (*FACET_NAMES, *BOOLEAN_FACETS)}

    def values(name: str, options: list[tuple[str, str]]) -> list[FacetValue]:
        chosen = set(getattr(query, name))
        return [
            FacetValue(value, label, counts[name].get(value, 0), value in chosen)
            for value, label in options
            if counts[name].get(value) or value in chosen
        ]

    powiats = Powiat.objects.filter(code__in=set(counts["powiat"]) | set(query.powiat))
    slugs = set(counts["activity"]) | set(query.activity)
    activities = ActivityField.objects.filter(slug__in=slugs)
    facets = [
        Facet(
            "powiat",
            _("Powiat"),
            values(
                "powiat", [(p.code, str(p)) for p in sorted(powiats, key=lambda p: fold(p.name))]
            ),
        ),
        Facet(
            "activity",
            _("Field of activity"),
            values("activity", sorted(((a.slug, a.label) for a in activities), key=lambda x: x[1])),
        ),
        Facet("legal_form", _("Legal form"), values("legal_form", list(LegalForm.choices))),
        Facet(
            "reintegration",
            _("Reintegration"),
            values("reintegration", list(ReintegrationType.choices)),
        ),
    ]
    labels = {
        "certified": _("Holds a valid Zakup Prospołeczny certificate"),
        "ps": _("Social enterprise (PS status)"),
        "art94": _("Eligible for reserved contracts (art. 94 Pzp)"),
        "online": _("Sells in the portal's shop"),
    }
    facets.append(
        Facet(
            "features",
            _("Status and certificates"),
            [
                FacetValue(name, label, counts[name].get("1", 0), getattr(query, name))
                for name, label in labels.items()
            ],
            boolean=True,
        )
    )
    return facets


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """The listing: every filter is a GET parameter, so a search is a link one can share."""
    query = parse_query(request.GET)
    results = search_partners(query, page_number(request.GET.get("page")), PER_PAGE)
    if not results.error and results.page > results.num_pages:
        # A page too far shows the last one (as Django's `Paginator.get_page` did).
        counts = results.counts
        results = search_partners(query, results.num_pages, PER_PAGE)
        results.counts = results.counts or counts
    page_obj = SearchPage(results)
    response = render(
        request,
        "directory/index.html",
        {
            "query": query,
            "page_obj": page_obj,
            "partners": page_obj.object_list,
            "facets": _facets(query, results.counts) if not results.error else [],
            "sorts": [("name", _("name")), ("relevance", _("relevance"))],
            "search_error": results.error,
        },
    )
    if results.error:
        add_never_cache_headers(response)  # "unavailable" must not stay in the page cache
    return response


def _json_ld(partner: Any, request: HttpRequest) -> SafeString:
    """schema.org data for search engines, escaped so no text can close the script element."""
    url = absolute_url(reverse("directory:detail", args=[partner.code]))
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "LocalBusiness" if partner.city else "Organization",
        "@id": url,
        "name": partner.name,
        "url": partner.website or url,
        "description": partner.description or partner.social_mission,
    }
    if partner.city or partner.powiat:
        data["address"] = {
            "@type": "PostalAddress",
            "addressLocality": partner.city or partner.gmina,
            "addressRegion": partner.powiat.name if partner.powiat else "",
            "addressCountry": "PL",
        }
    if partner.email:
        data["email"] = partner.email
    if partner.phone:
        data["telephone"] = partner.phone
    if partner.nip:
        data["taxID"] = partner.nip
    if partner.logo:
        data["logo"] = absolute_url(partner.logo.url)
    identifiers = [
        {"@type": "PropertyValue", "propertyID": name, "value": value}
        for name, value in (("NIP", partner.nip), ("REGON", partner.regon), ("KRS", partner.krs))
        if value
    ]
    if identifiers:
        data["identifier"] = identifiers
    fields = [field.label for field in partner.activity_fields.all()]
    if fields:
        data["knowsAbout"] = fields
    if partner.operating_since:
        data["foundingDate"] = partner.operating_since.isoformat()
    text = json.dumps(data, ensure_ascii=False)
    for char, escape in (("<", "\\u003C"), (">", "\\u003E"), ("&", "\\u0026")):
        text = text.replace(char, escape)
    return mark_safe(text)  # noqa: S308 (the JSON is escaped just above)


@require_GET
def detail(request: HttpRequest, code: str) -> HttpResponse:
    """A PES's public profile: everything public from its record, products and certificates."""
    partner = get_object_or_404(shortlist.with_details(listed_partners()), code=code)
    products = list(
        Product.objects.browsable()
        .filter(stockrecords__partner=partner)
        .select_related("product_class")
        .distinct()
        .order_by("title")
    )
    services = [
        p
        for p in products
        if p.product_class
        and not p.product_class.requires_shipping
        and not p.product_class.track_stock
    ]
    goods = [p for p in products if p not in services]
    return render(
        request,
        "directory/detail.html",
        {
            "partner": partner,
            "goods": goods,
            "services": services,
            "pickup_points": [line for line in partner.pickup_points.splitlines() if line.strip()],
            "json_ld": _json_ld(partner, request),
        },
    )


def export_csv(request: HttpRequest) -> Any:
    """The whole public database (or the filtered part of it) as CSV, streamed."""
    query = parse_query(request.GET)
    partners = shortlist.with_details(filter_partners(query)).iterator(chunk_size=500)
    return exports.csv_response(partners, request, "baza-pes.csv")


# Shortlist -------------------------------------------------------------------------------------


def _next_url(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def _posted_partner(request: HttpRequest) -> Any:
    try:
        partner_id = int(request.POST.get("partner", ""))
    except ValueError:
        raise Http404 from None
    return get_object_or_404(listed_partners(), pk=partner_id)


def _csrf_failure(request: HttpRequest) -> HttpResponse | None:
    """Django's own CSRF check, run by hand: None when the token is right."""
    return CsrfViewMiddleware(lambda r: HttpResponse()).process_view(
        request, lambda r: None, (), {}
    )


@csrf_exempt
@never_cache
@require_POST
def shortlist_add(request: HttpRequest) -> HttpResponse:
    """Add a PES. The buttons on cached pages may come without a CSRF token: then, instead of a
    403, the visitor gets a page with a token asking to confirm (nothing is stored before)."""
    partner = _posted_partner(request)
    back = _next_url(request, reverse("directory:detail", args=[partner.code]))
    if _csrf_failure(request) is not None:
        return render(
            request,
            "directory/shortlist_confirm.html",
            {"partner": partner, "next": back},
        )
    if ratelimit.hit(request, "shortlist"):
        messages.error(request, ratelimit.message("shortlist"))
    elif shortlist.add(request, partner.pk):
        messages.success(request, _("%(name)s is on your shortlist.") % {"name": partner.name})
    else:
        messages.error(
            request,
            _("Your shortlist is full (%(max)d entities). Remove one to add another.")
            % {"max": shortlist.MAX_SHORTLIST},
        )
    return SeeOther(back)


@never_cache
@require_POST
def shortlist_remove(request: HttpRequest) -> HttpResponse:
    try:
        partner_id = int(request.POST.get("partner", ""))
    except ValueError:
        partner_id = 0
    if request.POST.get("all"):
        shortlist.clear(request)
    elif partner_id:
        shortlist.remove(request, partner_id)
    messages.info(request, _("Your shortlist has been updated."))
    return SeeOther(reverse("directory:shortlist"))


@never_cache
@require_GET
def shortlist_page(request: HttpRequest) -> HttpResponse:
    """The shortlist with remove buttons, exports and one quote request to all."""
    partners = list(shortlist.partners(request))
    return render(
        request,
        "directory/shortlist.html",
        {"partners": partners, "max_shortlist": shortlist.MAX_SHORTLIST},
    )


@never_cache
@require_GET
def shortlist_export(request: HttpRequest, fmt: str) -> HttpResponse:
    partners = list(shortlist.partners(request))
    if fmt == "xlsx":
        return exports.xlsx_response(partners, request, "lista-pes.xlsx")
    response = HttpResponse(
        "".join(exports.csv_lines(partners, request)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="lista-pes.csv"'
    return response


@never_cache
@require_GET
def shortlist_token(request: HttpRequest) -> JsonResponse:
    """A CSRF token for the token-less shortlist buttons on cached pages (see module doc)."""
    return JsonResponse({"token": get_token(request)})
