"""`…/kalendarz.ics`: the events feed under a file-like name, for calendar apps that want one.

Wagtail serves only paths of `[\\w-]+/` segments, so a page route cannot end in `.ics`. Include
these patterns in `portal/urls.py` inside `i18n_patterns`, before Wagtail's include:

    path("", include("portal.events.urls")),

The view hands the request to the events index's `kalendarz/` route, so page privacy, the
language prefix and `before_serve_page` hooks apply as for any page.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import re_path
from wagtail.views import serve


def calendar_ics(request: HttpRequest, index_path: str) -> HttpResponse:
    response = serve(request, f"{index_path}kalendarz/")
    if response.status_code == 200 and not response["Content-Type"].startswith("text/calendar"):
        raise Http404  # a page that is not an events index answered: no feed here
    return response


urlpatterns = [
    re_path(
        r"^(?P<index_path>(?:[\w\-]+/)+)kalendarz\.ics$", calendar_ics, name="events_calendar_ics"
    ),
]
