"""Recommendation letters are private: only the ROPS moderators (and superusers) and, for
nominations accepted into the jury stage, the edition's jurors may download them."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest
from django.shortcuts import get_object_or_404

from portal.organisations import roles

from . import jury
from .models import Nomination


def may_read_letter(user, nomination: Nomination) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser or user.groups.filter(name=roles.ROPS_MODERATORS).exists():
        return True
    return nomination.status == Nomination.Status.ACCEPTED and jury.is_juror(
        user, nomination.edition
    )


def letter(request: HttpRequest, nomination_id: int) -> FileResponse:
    nomination = get_object_or_404(Nomination.objects.select_related("edition"), pk=nomination_id)
    if not may_read_letter(request.user, nomination):
        raise PermissionDenied
    if not nomination.recommendation_letter:
        raise Http404
    try:
        handle = nomination.recommendation_letter.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(
        handle,
        content_type="application/pdf",
        as_attachment=True,
        filename=f"list-polecajacy-{nomination.pk}.pdf",
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
