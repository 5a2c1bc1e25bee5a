"""The public nomination form of one category: open only within the edition's dates, never
cached, rate-limited per address, with a honeypot; a GET never writes."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from portal import ratelimit
from portal.http import SeeOther

from ..forms.nominations import NominationForm
from ..models import Category, EditionPage
from ..nominations import notify, rate_limited, submit

TEMPLATE = "competition/nomination_form.html"


@EditionPage.views.add
def nominate(request: HttpRequest, edition: EditionPage, category_slug: str) -> HttpResponse:
    """The form of the category `category_slug` of the edition's data (default-language) page."""
    category = edition.data_edition.categories.filter(slug=category_slug).first()
    if category is None:
        raise Http404
    response = _nominate(request, edition, category)
    add_never_cache_headers(response)
    return response


def _nominate(request: HttpRequest, edition: EditionPage, category: Category) -> HttpResponse:
    window = edition.data_edition.nomination_window()
    context = {
        "page": edition,
        "self": edition,
        "edition": edition,
        "category": category,
        "window": window,
        "form": None,
    }
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponse(status=405, headers={"Allow": "GET, HEAD, POST"})
    if not window.open:
        return TemplateResponse(request, TEMPLATE, context)
    if request.method != "POST":
        context["form"] = NominationForm()
        return TemplateResponse(request, TEMPLATE, context)
    form = NominationForm(request.POST, request.FILES)
    if rate_limited(request):  # refused, with what was typed still in the form
        context.update(rate_limited=True, form=form)
        return ratelimit.refuse(TemplateResponse(request, TEMPLATE, context), "nomination")
    if not form.is_valid():
        context["form"] = form
        return TemplateResponse(request, TEMPLATE, context)
    thanks = _("Thank you: your nomination has been sent. We have e-mailed you a confirmation.")
    if form.is_spam:  # answer as for a person, keep nothing
        messages.success(request, thanks)
        return SeeOther(edition.get_url(request) or "/")
    nomination = submit(edition, category, form)
    messages.success(request, thanks)
    if not notify(nomination, request):
        messages.warning(request, _("We could not send the confirmation e-mail just now."))
    return SeeOther(edition.get_url(request) or "/")
