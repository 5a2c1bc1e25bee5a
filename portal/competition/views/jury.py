"""The jury's pages in the Wagtail admin: the editions and nominations to score, the scoring
form with the conflict declaration, and the ranking once the ROPS has closed the scoring."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from .. import jury
from ..forms.jury import ScoreForm
from ..models import ConflictDeclaration, EditionPage, JuryScore, Nomination


def _can_view(user, edition: EditionPage) -> bool:
    return user.is_superuser or jury.is_juror(user, edition)


def editions(request: HttpRequest) -> HttpResponse:
    if request.user.is_superuser:
        listed = list(EditionPage.originals().order_by("-year"))
    else:
        listed = jury.juror_editions(request.user)
    return TemplateResponse(request, "competition/jury/editions.html", {"editions": listed})


def nominations(request: HttpRequest, edition_id: int) -> HttpResponse:
    edition = get_object_or_404(EditionPage, pk=edition_id)
    if not _can_view(request.user, edition):
        raise PermissionDenied
    accepted = (
        Nomination.objects.filter(edition=edition, status=Nomination.Status.ACCEPTED)
        .select_related("category")
        .order_by("category__sort_order", "candidate_name")
    )
    scored = set(
        JuryScore.objects.filter(nomination__edition=edition, juror=request.user).values_list(
            "nomination_id", flat=True
        )
    )
    conflicted = set(
        ConflictDeclaration.objects.filter(
            nomination__edition=edition, juror=request.user
        ).values_list("nomination_id", flat=True)
    )
    rows = [
        {
            "nomination": n,
            "scored": n.pk in scored,
            "conflict": n.pk in conflicted,
        }
        for n in accepted
    ]
    context = {"edition": edition, "rows": rows, "is_juror": jury.is_juror(request.user, edition)}
    return TemplateResponse(request, "competition/jury/nominations.html", context)


def score(request: HttpRequest, nomination_id: int) -> HttpResponse:
    nomination = get_object_or_404(
        Nomination.objects.select_related("edition", "category"), pk=nomination_id
    )
    edition = nomination.edition
    if not _can_view(request.user, edition) or nomination.status != Nomination.Status.ACCEPTED:
        raise PermissionDenied
    criteria = edition.criteria.all()
    own = JuryScore.objects.filter(nomination=nomination, juror=request.user).first()
    initial = {}
    if own is not None:
        initial = {f"criterion_{m.criterion_id}": m.value for m in own.marks.all()}
        initial["comment"] = own.comment
    try:
        jury.check_can_score(nomination, request.user)
        blocked = ""
    except jury.JuryError as error:
        blocked = str(error)
    form = ScoreForm(request.POST or None, criteria=criteria, initial=initial)
    if request.method == "POST":
        if blocked:
            raise PermissionDenied(blocked)
        if form.is_valid():
            try:
                jury.save_score(
                    nomination, request.user, form.marks(), form.cleaned_data["comment"]
                )
            except jury.JuryError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Your score is saved."))
                return redirect("competition_jury_nominations", edition_id=edition.pk)
    context = {
        "nomination": nomination,
        "edition": edition,
        "form": None if blocked else form,
        "blocked": blocked,
        "scores": jury.visible_scores(nomination, request.user),
    }
    return TemplateResponse(request, "competition/jury/score.html", context)


def conflict(request: HttpRequest, nomination_id: int) -> HttpResponse:
    nomination = get_object_or_404(Nomination.objects.select_related("edition"), pk=nomination_id)
    if request.method != "POST":
        return redirect("competition_jury_score", nomination_id=nomination.pk)
    try:
        jury.declare_conflict(nomination, request.user, request.POST.get("reason", "")[:2000])
    except jury.JuryError as error:
        raise PermissionDenied(str(error)) from error
    messages.success(request, _("Your conflict of interest is recorded."))
    return redirect("competition_jury_nominations", edition_id=nomination.edition_id)


def ranking(request: HttpRequest, edition_id: int) -> HttpResponse:
    edition = get_object_or_404(EditionPage, pk=edition_id)
    if not _can_view(request.user, edition):
        raise PermissionDenied
    context = {"edition": edition, "ranking": None}
    if edition.scoring_closed:
        context["ranking"] = jury.ranking(edition)
    return TemplateResponse(request, "competition/jury/ranking.html", context)
