"""The public notice board and the notice page with its public questions and answers.

Caching: both pages are served from the anonymous page cache (`portal/cache.py`), which is
emptied whenever a notice, its documents or questions change or a notice is published,
awarded or cancelled. A phase also changes with no save, at a deadline: each page finds the
next deadline it depends on and is kept out of the cache when a stored copy would outlive it
(`board.keep_from_cache_before`). The question form carries no CSRF token on a cached page
(`{% public_csrf_token %}`: a placeholder that `static/js/portal.js` fills).
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.mail import EmailMessage
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from marketplace.dashboard_access import is_pes_user
from portal import ratelimit
from portal.http import SeeOther
from portal.params import page_number
from portal.urls_absolute import absolute_url

from . import board
from .clauses import SocialClauseIndexPage, clauses_for_kind
from .forms import QuestionForm
from .models import Notice, NoticeQuestion, NoticeStatus, Phase

logger = logging.getLogger(__name__)

PER_PAGE = 20
RATE_SCOPE = "notice-question"
NOTICE_TEMPLATE = "procurement/notice.html"


def feed_links(request: HttpRequest) -> dict[str, str]:
    """The board's feeds and calendar for the same filters (its query without the page)."""
    params = request.GET.copy()
    params.pop("page", None)
    query = f"?{params.urlencode()}" if params else ""
    return {
        "rss": reverse("procurement:rss") + query,
        "atom": reverse("procurement:atom") + query,
        "ics": reverse("procurement:ics") + query,
        "api": "/api/notices/" + query,
    }


def _mark_phases(notices: list[Notice], now: Any) -> list[Notice]:
    """Each notice's phase at the request's one `now` (the list and its labels agree)."""
    for notice in notices:
        notice.current_phase = notice.phase(now)
        notice.current_phase_label = board.PHASE_LABELS[Phase(notice.current_phase)]
    return notices


@require_GET
def board_view(request: HttpRequest) -> HttpResponse:
    """The board: every filter is a GET parameter, so a selection is a link one can share."""
    now = timezone.now()
    query = board.parse_query(request.GET)
    notices = board.with_details(board.board_order(board.filter_notices(query, now=now), now))
    page_obj = Paginator(notices, PER_PAGE).get_page(page_number(request.GET.get("page")))
    counts = board.facet_counts(query, now)
    response = render(
        request,
        "procurement/board.html",
        {
            "query": query,
            "page_obj": page_obj,
            "notices": _mark_phases(list(page_obj.object_list), now),
            "facets": board.facets(query, counts),
            "feeds": feed_links(request),
            "clause_library": _clause_library_url(),
        },
    )
    # Any public notice's deadline changes a phase count on every board page.
    return board.keep_from_cache_before(
        response, board.next_deadline(Notice.objects.public(), now), now
    )


def _clause_library_url() -> str | None:
    """The live clause library of the active language, if there is one (one small query)."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    library = (
        SocialClauseIndexPage.objects.live()
        .public()
        .filter(locale__language_code=language[:2])
        .first()
    )
    return library.get_url() if library else None


def _notice_queryset() -> Any:
    answered = NoticeQuestion.objects.exclude(answer="").order_by("answered_at", "pk")
    return (
        Notice.objects.public()
        .select_related("buyer", "awarded_offer__partner")
        .prefetch_related(
            "activity_fields",
            "powiats",
            "documents",
            Prefetch("questions", queryset=answered, to_attr="answered_questions"),
        )
    )


def _dashboard_url(request: HttpRequest, notice: Notice) -> str | None:
    """The PES dashboard's page for this notice, for a PES user; None when that page does not
    exist (yet) or the visitor is not a PES."""
    if not is_pes_user(request.user):
        return None
    try:
        return reverse("procurement-dashboard:notice", args=[notice.pk])
    except NoReverseMatch:
        return None


def _document_size(document: Any) -> int | None:
    """The file's size from the storage, or None when the file is missing."""
    try:
        return document.file.size
    except (OSError, ValueError):
        return None


def render_notice(
    request: HttpRequest, notice: Notice, form: QuestionForm | None = None, status: int = 200
) -> HttpResponse:
    now = timezone.now()
    language = (translation.get_language() or settings.LANGUAGE_CODE)[:2]
    for document in notice.documents.all():
        document.size = _document_size(document)
    winner = notice.awarded_offer.partner if notice.awarded_offer_id else None
    context = {
        "notice": notice,
        "phase": notice.phase(now),
        "phase_label": board.PHASE_LABELS[Phase(notice.phase(now))],
        "accepts_questions": notice.accepts_offers(now),
        "form": form or QuestionForm(),
        "winner": winner,
        "winner_url": (
            reverse("directory:detail", args=[winner.code])
            if winner is not None and winner.listed_in_directory
            else None
        ),
        "clauses": clauses_for_kind(notice.kind, language),
        "clause_library": _clause_library_url(),
        "dashboard_url": _dashboard_url(request, notice),
    }
    response = render(request, NOTICE_TEMPLATE, context, status=status)
    if notice.status == NoticeStatus.PUBLISHED:
        return board.keep_from_cache_before(
            response, notice.deadline if notice.deadline > now else None, now
        )
    return response


@require_GET
def notice_view(request: HttpRequest, pk: int) -> HttpResponse:
    """A public notice (404 for drafts, pending and rejected ones)."""
    return render_notice(request, get_object_or_404(_notice_queryset(), pk=pk))


def ask_question_or_back(request: HttpRequest, pk: int) -> HttpResponse:
    """The form's address: a POST asks, a GET (a reload, a shared link) leads back to the form."""
    if request.method == "POST":
        return ask_question(request, pk)
    return HttpResponseRedirect(reverse("procurement:notice", args=[pk]) + "#ask")


@require_POST
def ask_question(request: HttpRequest, pk: int) -> HttpResponse:
    """A question about an open notice: saved unshown until the buyer answers it; the buyer's
    contact is told by e-mail after the commit. Refused after the deadline."""
    notice = get_object_or_404(_notice_queryset(), pk=pk)
    page_url = notice.get_absolute_url()
    form = QuestionForm(request.POST)
    if not notice.accepts_offers():
        form.add_error(None, _("Questions can be asked only while the notice is open."))
        response = render_notice(request, notice, form, status=400)
        add_never_cache_headers(response)
        return response
    if ratelimit.hit(request, RATE_SCOPE):  # refused, what was typed kept
        form.add_error(None, ratelimit.message(RATE_SCOPE))
        response = render_notice(request, notice, form)
        add_never_cache_headers(response)
        return ratelimit.refuse(response, RATE_SCOPE)
    if form.is_valid() and form.is_spam:  # answer as for a person, keep nothing
        messages.success(request, _("Thank you: your question was sent to the buyer."))
        return SeeOther(page_url + "#questions")
    if not form.is_valid():
        response = render_notice(request, notice, form)
        add_never_cache_headers(response)
        return response
    question = form.save(commit=False)
    question.notice = notice
    with transaction.atomic():
        question.save()
        transaction.on_commit(lambda: send_question_email(question))
    messages.success(
        request,
        _("Thank you: your question was sent to the buyer. It will appear here with the answer."),
    )
    return SeeOther(page_url + "#questions")


def send_question_email(question: NoticeQuestion) -> bool:
    """Tell the notice's contact that a question arrived (in the notice's language); the
    asker's address is not in it. A failing mail server is logged, never an error page."""
    notice = question.notice
    with translation.override(notice.language or settings.LANGUAGE_CODE):
        message = EmailMessage(
            subject=_("A question about your notice %(reference)s")
            % {"reference": notice.reference},
            body=render_to_string(
                "procurement/email/notice_question_received.txt",
                {
                    "notice": notice,
                    "question": question,
                    "notice_url": absolute_url(notice.get_absolute_url()),
                },
            ),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[notice.contact_email],
        )
    try:
        message.send()
    except Exception:  # any transport error: SMTP, DNS, refused connection
        logger.exception("question e-mail for notice %s not sent", notice.pk)
        return False
    return True
