"""A buyer's shortlist of PES for a procurement file, kept in the session (no account needed).

Only POST views change it; reading it never writes to the session or the database.
"""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest

from marketplace.certificates.models import Certificate

from .filters import listed_partners

SESSION_KEY = "directory:shortlist"
# The quote form takes at most this many PES at once; a longer list could not be asked in one go.
MAX_SHORTLIST = 30


def ids(request: HttpRequest) -> list[int]:
    """The shortlisted PES ids, oldest first; anything malformed in the session is ignored."""
    stored = request.session.get(SESSION_KEY) or []
    return [value for value in stored if isinstance(value, int)][:MAX_SHORTLIST]


def add(request: HttpRequest, partner_id: int) -> bool:
    """Add a PES; False when the list is full. Adding twice keeps one entry."""
    current = ids(request)
    if partner_id in current:
        return True
    if len(current) >= MAX_SHORTLIST:
        return False
    request.session[SESSION_KEY] = [*current, partner_id]
    return True


def remove(request: HttpRequest, partner_id: int) -> None:
    request.session[SESSION_KEY] = [value for value in ids(request) if value != partner_id]


def clear(request: HttpRequest) -> None:
    request.session.pop(SESSION_KEY, None)


def partners(request: HttpRequest) -> QuerySet:
    """The shortlisted PES still public, with what the page and the exports show."""
    return with_details(listed_partners().filter(pk__in=ids(request))).order_by("name", "pk")


def with_details(queryset: QuerySet) -> QuerySet:
    """Prefetch what a PES row shows (powiat, OWES, fields of activity, valid certificates)."""
    return queryset.select_related("powiat", "owes").prefetch_related(
        "activity_fields",
        Prefetch(
            "certificates",
            queryset=Certificate.objects.valid_on().order_by("number"),
            to_attr="valid_certificates",
        ),
    )
