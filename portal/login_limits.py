"""Login throttling with django-axes on every login page (Wagtail admin, shop and dashboard,
Django admin): after AXES_FAILURE_LIMIT wrong passwords for one username from one address,
that pair is locked out for AXES_COOLOFF_TIME and sees a page saying for how long (429)."""

from __future__ import annotations

import ipaddress
from datetime import timedelta
from typing import Any

from axes.backends import AxesStandaloneBackend
from axes.helpers import get_cool_off
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import ngettext

TEMPLATE = "portal/login_locked.html"


class LoginAttemptsBackend(AxesStandaloneBackend):
    """Axes' check before the real backends, except for a login without a request: Oscar logs
    a new account in right after registration that way, with the password just chosen. There
    is no address to count against and nothing is being guessed, so it is let through to the
    next backend instead of raising (which would break registration)."""

    def authenticate(self, request: HttpRequest | None, *args: Any, **kwargs: Any) -> None:
        if request is None:
            return None
        return super().authenticate(request, *args, **kwargs)


def login_address(request: HttpRequest | None) -> str | None:
    """AXES_CLIENT_IP_CALLABLE: the address the rate limiter counts, but only a real IP address
    (axes keeps it in an IP column: PostgreSQL refuses anything else, and a login without an
    address, like the test client's force_login, has none)."""
    address = (getattr(request, "META", None) or {}).get("REMOTE_ADDR") or ""
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


AXES_USERNAME_LENGTH = 255


def attempted_username(request: HttpRequest, credentials: dict | None) -> str | None:
    """AXES_USERNAME_CALLABLE: the account a login tries, whatever the form calls it. Every
    login form passes `username` to authenticate() (axes' default would read `email`, the user
    model's USERNAME_FIELD, and find nothing); case and spaces do not make a new account."""
    credentials = credentials or {}
    username = credentials.get("username") or credentials.get("email")
    if username is None and request is not None:
        data = getattr(request, "POST", {})
        username = data.get("username") or data.get("login-username")
    # Axes keeps it in a column of 255 characters (PostgreSQL refuses longer, a 500); forms
    # do not stop a longer one before authenticate() (Django's login form sets max_length late).
    return str(username).strip().lower()[:AXES_USERNAME_LENGTH] if username else None


def lockout_message(cool_off: timedelta | None) -> str:
    minutes = max(1, -(-int(cool_off.total_seconds()) // 60)) if cool_off else 15
    return ngettext(
        "Too many failed login attempts for this account from your address. For your"
        " security, logging in is blocked for %(minutes)d minute. Please try again later.",
        "Too many failed login attempts for this account from your address. For your"
        " security, logging in is blocked for %(minutes)d minutes. Please try again later.",
        minutes,
    ) % {"minutes": minutes}


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: Any = None
) -> HttpResponse:
    """AXES_LOCKOUT_CALLABLE: the lockout page in the portal's layout, status 429."""
    cool_off = get_cool_off(request)
    response = TemplateResponse(
        request, TEMPLATE, {"message": lockout_message(cool_off)}, status=429
    )
    if cool_off:
        response["Retry-After"] = str(int(cool_off.total_seconds()))
    response.render()
    return response
