"""The public vote's pages: the vote form of one category and the confirmation link.

Both are never cached (they hold a CSRF token and per-visitor answers); a GET never writes:
the e-mailed link shows the vote and a button, and only its POST confirms, so mail scanners
that prefetch links cannot confirm a vote in the voter's place.
"""

from __future__ import annotations

from django.contrib import messages
from django.forms import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from portal import ratelimit
from portal.http import SeeOther

from ..forms.votes import VoteForm
from ..models import EditionPage
from ..voting import VoteRefused, cast_vote, confirm_vote, find_vote, vote_rate_limited, vote_window

FORM_TEMPLATE = "competition/vote_form.html"
CONFIRM_TEMPLATE = "competition/vote_confirm.html"
ALLOWED = ("GET", "HEAD", "POST")


@EditionPage.views.add
def vote(request: HttpRequest, edition: EditionPage, category_slug: str) -> HttpResponse:
    category = edition.categories.filter(slug=category_slug).first()
    if category is None:
        raise Http404
    response = _vote(request, edition, category)
    add_never_cache_headers(response)
    return response


def _vote(request: HttpRequest, edition: EditionPage, category) -> HttpResponse:
    state = vote_window(edition)
    context = {
        "page": edition,
        "self": edition,
        "edition": edition,
        "category": category,
        "vote_state": state,
        "form": None,
    }
    if request.method not in ALLOWED:
        return HttpResponse(status=405, headers={"Allow": ", ".join(ALLOWED)})
    if not state.open:
        return TemplateResponse(request, FORM_TEMPLATE, context)
    if request.method != "POST":
        context["form"] = VoteForm(category=category)
        return TemplateResponse(request, FORM_TEMPLATE, context)
    form = VoteForm(request.POST, category=category)
    context["form"] = form
    if vote_rate_limited(request):  # refused, with what was typed still in the form
        context["rate_limited"] = True
        return ratelimit.refuse(TemplateResponse(request, FORM_TEMPLATE, context), "vote")
    if not form.is_valid():
        return TemplateResponse(request, FORM_TEMPLATE, context)
    sent = _("Almost done: we have e-mailed you a link. Your vote counts once you follow it.")
    if form.is_spam:  # answer as for a person, keep nothing
        messages.success(request, sent)
        return SeeOther(edition.get_url(request) or "/")
    try:
        _vote_row, mailed = cast_vote(
            edition, category, form.cleaned_data["nomination"], form.cleaned_data["email"], request
        )
    except VoteRefused as refused:  # a race with a confirmation, or the window just closed
        form.add_error(None, ValidationError(refused.message, code=refused.code))
        return TemplateResponse(request, FORM_TEMPLATE, context)
    if not mailed:
        form.add_error(
            None,
            ValidationError(
                _("We could not send the confirmation e-mail just now. Please try again later."),
                code="mail_failed",
            ),
        )
        return TemplateResponse(request, FORM_TEMPLATE, context, status=503)
    messages.success(request, sent)
    return SeeOther(edition.get_url(request) or "/")


@EditionPage.views.add
def confirm(request: HttpRequest, edition: EditionPage, token: str) -> HttpResponse:
    response = _confirm(request, edition, token)
    add_never_cache_headers(response)
    return response


def _confirm(request: HttpRequest, edition: EditionPage, token: str) -> HttpResponse:
    if request.method not in ALLOWED:
        return HttpResponse(status=405, headers={"Allow": ", ".join(ALLOWED)})
    context = {"page": edition, "self": edition, "edition": edition, "outcome": None}
    if request.method == "POST":
        outcome = confirm_vote(edition, token)
        if outcome.ok:  # the GET after the redirect says the vote is counted
            return SeeOther(request.path)
        context.update(outcome=outcome, vote=outcome.vote)
        return TemplateResponse(request, CONFIRM_TEMPLATE, context, status=_status(outcome.code))
    vote = find_vote(edition, token)
    context["vote"] = vote
    if vote is None:
        context["outcome_code"] = "unknown"
        return TemplateResponse(request, CONFIRM_TEMPLATE, context, status=404)
    state = vote_window(edition)
    if vote.confirmed_at is not None:
        context["outcome_code"] = "confirmed"
    elif not state.open:
        context["outcome_code"] = "closed"
        context["vote_state"] = state
    else:
        context["outcome_code"] = "pending"
    return TemplateResponse(request, CONFIRM_TEMPLATE, context)


def _status(code: str) -> int:
    return {"unknown": 404, "already_voted": 409, "closed": 409, "not_candidate": 409}.get(
        code, 200
    )
