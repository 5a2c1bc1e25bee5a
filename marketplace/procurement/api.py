"""Open data: the public notices, `GET /api/notices/` and `/api/notices/{id}/`.

Mounted on the portal's one NinjaAPI (`marketplace/directory/api.py`, OpenAPI schema at
/api/openapi.json). The list takes the board's parameters through the same `board.filter_notices`
and order, so a URL gives the same notices on the page and here. Only public fields leave the
site: never an offer (only the awarded PES and the award value), never an asker's e-mail or an
unanswered question, never a notice that is not public.
"""

from __future__ import annotations

import math
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Path, Query, Router, Schema

from portal.params import ID_MAX, page_number
from portal.urls_absolute import absolute_url

from . import board
from .models import Notice, NoticeQuestion, NoticeStatus

router = Router(tags=["Procurement notices"])
PER_PAGE = 50


class NoticeDocumentOut(Schema):
    title: str
    url: str


class NoticeQuestionOut(Schema):
    question: str
    answer: str
    asked_at: datetime
    answered_at: datetime | None


class NoticeActivityOut(Schema):
    slug: str
    name: str
    name_en: str


class NoticePowiatOut(Schema):
    code: str
    name: str


class NoticeAwardOut(Schema):
    pes_id: int
    pes_name: str
    value: Decimal | None
    awarded_at: datetime | None


class NoticeOut(Schema):
    id: int
    reference: str
    url: str
    kind: str
    kind_label: str
    legal_basis: str
    clauses: list[str]
    subject: str
    description: str
    activity_fields: list[NoticeActivityOut]
    powiats: list[NoticePowiatOut]
    estimated_value: Decimal | None
    deadline: datetime
    opening_at: datetime
    phase: str
    published_at: datetime | None
    buyer_name: str
    buyer_kind: str
    documents: list[NoticeDocumentOut]
    questions: list[NoticeQuestionOut]
    award: NoticeAwardOut | None
    cancel_reason: str


class NoticePage(Schema):
    count: int
    page: int
    pages: int
    results: list[NoticeOut]


class NoticeFilters(Schema):
    """Documented for the schema; read from the query string by the board's own parser."""

    powiat: list[str] | None = None
    activity: list[str] | None = None
    kind: list[str] | None = None
    phase: list[str] | None = None
    page: str | None = None


def _with_details(notices: QuerySet) -> QuerySet:
    answered = NoticeQuestion.objects.exclude(answer="").order_by("answered_at", "pk")
    return notices.select_related("buyer", "awarded_offer__partner").prefetch_related(
        "activity_fields",
        "powiats",
        "documents",
        Prefetch("questions", queryset=answered, to_attr="answered_questions"),
    )


def notice_data(notice: Notice, now: datetime) -> dict[str, Any]:
    """A notice's public fields (expects `_with_details`)."""
    award = None
    if notice.awarded_offer_id:
        partner = notice.awarded_offer.partner
        award = {
            "pes_id": partner.pk,
            "pes_name": partner.name,
            "value": notice.award_value,
            "awarded_at": notice.awarded_at,
        }
    return {
        "id": notice.pk,
        "reference": notice.reference,
        "url": absolute_url(notice.get_absolute_url()),
        "kind": notice.kind,
        "kind_label": str(notice.get_kind_display()),
        "legal_basis": notice.legal_basis,
        "clauses": notice.clauses,
        "subject": notice.subject,
        "description": notice.description,
        "activity_fields": [
            {"slug": field.slug, "name": field.name, "name_en": field.name_en}
            for field in notice.activity_fields.all()
        ],
        "powiats": [{"code": p.code, "name": p.name} for p in notice.powiats.all()],
        "estimated_value": notice.estimated_value,
        "deadline": notice.deadline,
        "opening_at": notice.opening_at,
        "phase": notice.phase(now),
        "published_at": notice.published_at,
        "buyer_name": notice.buyer.name,
        "buyer_kind": notice.buyer.kind,
        "documents": [
            {"title": document.title, "url": absolute_url(document.file.url)}
            for document in notice.documents.all()
        ],
        "questions": [
            {
                "question": question.question,
                "answer": question.answer,
                "asked_at": question.asked_at,
                "answered_at": question.answered_at,
            }
            for question in notice.answered_questions
        ],
        "award": award,
        "cancel_reason": notice.cancel_reason if notice.status == NoticeStatus.CANCELLED else "",
    }


@router.get("/", response=NoticePage)
def notice_list(request: HttpRequest, filters: Query[NoticeFilters]) -> dict[str, Any]:
    """Public notices, filtered and ordered like the /zamowienia/ board; 50 a page."""
    now = timezone.now()
    query = board.parse_query(request.GET)
    results = board.board_order(board.filter_notices(query, now=now), now)
    count = results.count()
    pages = math.ceil(count / PER_PAGE)
    number = min(page_number(request.GET.get("page")), max(pages, 1))
    start = (number - 1) * PER_PAGE
    notices = _with_details(results)[start : start + PER_PAGE]
    return {
        "count": count,
        "page": number,
        "pages": pages,
        "results": [notice_data(notice, now) for notice in notices],
    }


@router.get("/{notice_id}/", response=NoticeOut)
def notice_detail(
    request: HttpRequest, notice_id: int = Path(..., ge=1, le=ID_MAX)
) -> dict[str, Any]:
    notice = get_object_or_404(_with_details(Notice.objects.public()), pk=notice_id)
    return notice_data(notice, timezone.now())
