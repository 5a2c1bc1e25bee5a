"""HTTP responses shared by the portal's views."""

from __future__ import annotations

from django.http import HttpResponseRedirect


class SeeOther(HttpResponseRedirect):
    """303 See Other: after a POST the browser GETs the next page, and a reload never posts
    again (a 302 lets some clients repeat the POST)."""

    status_code = 303
