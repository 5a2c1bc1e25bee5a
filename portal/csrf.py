"""CSRF tokens for forms on pages served from the anonymous page cache.

A cached page is the same for every visitor, so it must not hold anyone's CSRF token. Public
forms on cacheable pages render an empty placeholder instead (`{% public_csrf_token %}` in
`portal_forms`); `static/js/portal.js` fills it from `token_view`, which is never cached.
Without JavaScript, or when the cookie expired meanwhile, the POST fails the CSRF check:
`failure_view` then shows a page that holds what was posted plus a fresh token and asks the
visitor to send it again, so nothing typed is lost. It does so only for a missing or wrong
token or cookie on a public path; a bad Origin or Referer (a cross-site POST) and the admin
areas keep Django's plain 403.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import REASON_CSRF_TOKEN_MISSING, REASON_NO_CSRF_COOKIE, get_token
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.csrf import csrf_failure as django_csrf_failure
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

TOKEN_FIELD = "csrfmiddlewaretoken"  # noqa: S105 - the field name, not a secret
CONFIRM_TEMPLATE = "portal/csrf_confirm.html"

# Areas where a failed check stays Django's plain 403: staff tools and the JSON API.
NOT_PUBLIC = re.compile(r"^/(?:[a-z]{2}/)?(?:admin|django-admin|sklep/dashboard|api)(?:/|$)")


@never_cache
@require_GET
def token_view(request: HttpRequest) -> JsonResponse:
    """A token (and its cookie) for the placeholders of a cached page; no database query."""
    cookie = None if settings.CSRF_USE_SESSIONS else settings.CSRF_COOKIE_NAME
    return JsonResponse({"token": get_token(request), "cookie": cookie})


def is_token_failure(reason: str) -> bool:
    """A missing or wrong token or cookie: what a cached page or an expired cookie causes.

    Origin and Referer failures (`Origin checking failed`, `Referer checking failed`) are not:
    they mean the POST came from another site and must not be offered for sending again.
    """
    return reason in (REASON_NO_CSRF_COOKIE, REASON_CSRF_TOKEN_MISSING) or reason.startswith(
        ("CSRF token from ", "CSRF cookie ")
    )


def _from_this_site(request: HttpRequest) -> bool:
    """Browsers say where a request came from; another site's POST never gets a confirm page."""
    return request.headers.get("Sec-Fetch-Site", "same-origin") in ("same-origin", "none")


def _back_url(request: HttpRequest) -> str:
    referer = request.headers.get("Referer", "")
    if referer and url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return referer
    return ""  # the template links the home page instead


def failure_view(request: HttpRequest, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: offer to send a public form again with a fresh token (see module)."""
    if (
        request.method != "POST"
        or not is_token_failure(reason)
        or NOT_PUBLIC.match(request.path)
        or not _from_this_site(request)
    ):
        return django_csrf_failure(request, reason=reason)
    try:
        posted = list(request.POST.lists())
        has_files = bool(request.FILES)
    except Exception:  # noqa: BLE001 - a broken upload of any kind: nothing to offer again
        return django_csrf_failure(request, reason=reason)
    fields: list[tuple[str, str]] = []
    dropped_password = False
    for name, values in posted:
        if name == TOKEN_FIELD:
            continue
        if "password" in name.lower():  # never written back into a page
            dropped_password = True
            continue
        fields.extend((name, value) for value in values)
    response = render(
        request,
        CONFIRM_TEMPLATE,
        {
            "fields": fields,
            "action": request.get_full_path(),
            "back_url": _back_url(request),
            "dropped_password": dropped_password,
            "dropped_files": has_files,
        },
        status=403,  # this POST was refused; the page's own form sends it again
    )
    response["Cache-Control"] = "no-store"
    return response
