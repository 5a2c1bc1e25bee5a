"""The results page of one edition: laureates per category, special awards, and the public vote
in its own section once the vote has closed. Not found until the ROPS publishes the results."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone

from ..models import EditionPage
from ..results import laureates_with_links
from ..voting import vote_counts

TEMPLATE = "competition/results.html"


def public_vote_results(edition: EditionPage) -> list | None:
    """The public vote's counts, once its vote has closed."""
    if not (edition.vote_start and edition.vote_end) or edition.vote_end > timezone.now():
        return None
    return vote_counts(edition)


@EditionPage.views.add
def results(request: HttpRequest, edition: EditionPage) -> HttpResponse:
    if not edition.results_published:
        raise Http404
    if request.method not in ("GET", "HEAD"):
        return HttpResponse(status=405, headers={"Allow": "GET, HEAD"})
    groups = laureates_with_links(edition, request)
    context = {
        "page": edition,
        "self": edition,
        "edition": edition,
        "laureates": groups,
        "special_awards": [
            (group.category, nomination) for group in groups for nomination in group.special
        ],
        "vote_results": public_vote_results(edition),
        "edition_url": edition.get_url(request),
    }
    return TemplateResponse(request, TEMPLATE, context)
