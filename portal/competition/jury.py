"""The jury: who may score what, saving scores, conflicts of interest, and the ranking.

Rules: a juror is a member of the edition's group "Jury Lider ES <year>"; they score only
accepted nominations, never one where they declared a conflict, and only while the scoring is
open. Nobody sees another juror's scores, nor the ranking, until the ROPS closes the scoring.
The ranking is computed here from the marks, never typed in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext as _

from .models import (
    ConflictDeclaration,
    CriterionMark,
    EditionPage,
    JuryScore,
    Nomination,
)


class JuryError(Exception):
    """The juror may not do this (the message says why)."""


def ensure_jury_group(edition: EditionPage) -> Group:
    """The edition's jury group, created on the edition's save, with access to the admin."""
    group, created = Group.objects.get_or_create(name=edition.jury_group_name)
    if created:
        access = Permission.objects.filter(
            content_type__app_label="wagtailadmin", codename="access_admin"
        ).first()
        if access is not None:
            group.permissions.add(access)
    return group


def is_juror(user, edition: EditionPage) -> bool:
    if not user.is_authenticated:
        return False
    return user.groups.filter(name=edition.jury_group_name).exists()


def juror_editions(user) -> list[EditionPage]:
    names = list(
        user.groups.filter(name__startswith="Jury Lider ES ").values_list("name", flat=True)
    )
    editions = EditionPage.originals().order_by("-year")
    return [e for e in editions if e.jury_group_name in names]


def check_can_score(nomination: Nomination, user) -> None:
    edition = nomination.edition
    if not is_juror(user, edition):
        raise JuryError(_("You are not on the jury of this edition."))
    if nomination.status != Nomination.Status.ACCEPTED:
        raise JuryError(_("Only nominations accepted for the jury are scored."))
    if edition.scoring_closed:
        raise JuryError(_("The scoring is closed."))
    if ConflictDeclaration.objects.filter(nomination=nomination, juror=user).exists():
        raise JuryError(_("You declared a conflict of interest for this nomination."))


def save_score(nomination: Nomination, user, marks: dict[int, int], comment: str) -> JuryScore:
    """Save (or replace) the juror's marks, one per criterion of the edition, 1 to 10."""
    check_can_score(nomination, user)
    criteria = list(nomination.edition.criteria.all())
    if {c.pk for c in criteria} != set(marks) or not criteria:
        raise JuryError(_("Give a mark for every criterion."))
    if any(not 1 <= int(value) <= 10 for value in marks.values()):
        raise JuryError(_("Each mark is between 1 and 10."))
    with transaction.atomic():
        score, _created = JuryScore.objects.update_or_create(
            nomination=nomination, juror=user, defaults={"comment": comment}
        )
        score.marks.all().delete()
        CriterionMark.objects.bulk_create(
            CriterionMark(score=score, criterion_id=pk, value=int(value))
            for pk, value in marks.items()
        )
    return score


def declare_conflict(nomination: Nomination, user, reason: str = "") -> ConflictDeclaration:
    """Declare a conflict; any score the juror gave this nomination is withdrawn."""
    if not is_juror(user, nomination.edition):
        raise JuryError(_("You are not on the jury of this edition."))
    if nomination.edition.scoring_closed:
        raise JuryError(_("The scoring is closed."))
    with transaction.atomic():
        declaration, _created = ConflictDeclaration.objects.get_or_create(
            nomination=nomination, juror=user, defaults={"reason": reason}
        )
        JuryScore.objects.filter(nomination=nomination, juror=user).delete()
    return declaration


def visible_scores(nomination: Nomination, user):
    """The scores this user may see: their own while scoring is open, all once it is closed."""
    scores = JuryScore.objects.filter(nomination=nomination).prefetch_related("marks")
    if nomination.edition.scoring_closed:
        return scores.select_related("juror")
    return scores.filter(juror=user)


@dataclass
class RankingRow:
    nomination: Nomination
    mean: Fraction | None
    jurors: int
    rank: int = 0
    tied: bool = False

    @property
    def mean_display(self) -> str:
        return "–" if self.mean is None else f"{float(self.mean):.2f}"


@dataclass
class CategoryRanking:
    category: object
    rows: list[RankingRow] = field(default_factory=list)


def ranking(edition: EditionPage) -> list[CategoryRanking]:
    """Per category: accepted nominations by the mean of each juror's mean mark.

    Exact fractions, so equal means compare equal; tied nominations share a rank (1, 1, 3)."""
    nominations = (
        Nomination.objects.filter(edition=edition, status=Nomination.Status.ACCEPTED)
        .select_related("category")
        .prefetch_related("scores__marks")
        .order_by("candidate_name")
    )
    by_category: dict[int, CategoryRanking] = {
        c.pk: CategoryRanking(c) for c in edition.categories.all()
    }
    for nomination in nominations:
        juror_means = []
        for score in nomination.scores.all():
            values = [mark.value for mark in score.marks.all()]
            if values:
                juror_means.append(Fraction(sum(values), len(values)))
        mean = sum(juror_means, Fraction(0)) / len(juror_means) if juror_means else None
        group = by_category.setdefault(nomination.category_id, CategoryRanking(nomination.category))
        group.rows.append(RankingRow(nomination, mean, len(juror_means)))
    for group in by_category.values():
        group.rows.sort(key=lambda row: (row.mean is None, -(row.mean or 0)))
        scored = [row.mean for row in group.rows if row.mean is not None]
        for row in group.rows:
            if row.mean is None:
                row.rank = len(scored) + 1
                continue
            row.rank = 1 + sum(1 for other in scored if other > row.mean)
            row.tied = scored.count(row.mean) > 1
    return list(by_category.values())
