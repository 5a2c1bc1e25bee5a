"""The one-click unsubscribe link every alert carries (RFC 8058).

A GET shows a page with a button and changes nothing (mail scanners follow links); a POST
turns the PES's alerts off. The POST is exempt from CSRF: the secret token in the address is
the credential, and mail clients that honour `List-Unsubscribe-Post` post without cookies.
"""

from __future__ import annotations

import re

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from portal import ratelimit

from . import alerts
from .models import AlertFrequency, AlertSettings

SCOPE = "alert-unsubscribe"
TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")


@never_cache
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    if not TOKEN.fullmatch(token):
        raise Http404
    template = "procurement/alert_unsubscribe.html"
    if request.method == "POST":
        if ratelimit.hit(request, SCOPE):
            response = render(
                request, template, {"token": token, "refused": ratelimit.message(SCOPE)}
            )
            return ratelimit.refuse(response, SCOPE)
        alert_settings = alerts.unsubscribe(token)
        if alert_settings is None:
            raise Http404
        response = render(request, template, {"done": True, "partner": alert_settings.partner})
    else:
        alert_settings = AlertSettings.objects.filter(token=token).select_related("partner").first()
        if alert_settings is None:
            raise Http404
        response = render(
            request,
            template,
            {
                "token": token,
                "partner": alert_settings.partner,
                "already_off": alert_settings.frequency == AlertFrequency.OFF,
            },
        )
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
