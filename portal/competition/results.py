"""The results: laureates marked by the ROPS, public once the edition's results are published.

Nothing here is stored as a flag: the "Lider ES <year>" badges of a PES or an organisation are
computed at read time from the nominations with an award in live editions whose results are
published, so unpublishing the results (or the edition) takes every badge away at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from portal.organisations.models import OrganisationIndexPage

from .models import Award, EditionPage, Nomination


@dataclass
class CategoryLaureates:
    """One category's laureates: winners, distinctions and special awards (with their names)."""

    category: object
    winners: list = field(default_factory=list)
    distinctions: list = field(default_factory=list)
    special: list = field(default_factory=list)

    @property
    def any(self) -> bool:
        return bool(self.winners or self.distinctions or self.special)


def awarded_nominations() -> QuerySet:
    """Accepted nominations with an award (public only where the results are published)."""
    return Nomination.objects.filter(status=Nomination.Status.ACCEPTED).exclude(award="")


def laureates(edition: EditionPage) -> list[CategoryLaureates]:
    """Per category of the edition (in its order): winners, distinctions and special awards.

    Two queries whatever the number of nominations (categories, nominations with their links)."""
    groups = {category.pk: CategoryLaureates(category) for category in edition.categories.all()}
    nominations = (
        awarded_nominations()
        .filter(edition=edition)
        .select_related("category", "candidate_partner", "candidate_organisation")
        .order_by("candidate_name", "pk")
    )
    buckets = {
        Award.WINNER: "winners",
        Award.DISTINCTION: "distinctions",
        Award.SPECIAL: "special",
    }
    for nomination in nominations:
        group = groups.setdefault(nomination.category_id, CategoryLaureates(nomination.category))
        getattr(group, buckets[nomination.award]).append(nomination)
    return list(groups.values())


def results_url(edition: EditionPage, request: HttpRequest | None = None) -> str:
    base = edition.get_url(request) or ""
    return base + edition.reverse_subpage("results")


def _organisation_base_url(request: HttpRequest | None = None):
    """The organisation profile route's owner (one query), or None without such a page."""
    return OrganisationIndexPage.objects.live().public().first()


def profile_url(nomination: Nomination, organisation_index=None, request=None) -> str:
    """The laureate's public profile: its PES directory entry or its organisation page."""
    partner = nomination.candidate_partner
    if partner is not None and partner.listed_in_directory and partner.code:
        try:
            return reverse("directory:detail", kwargs={"code": partner.code})
        except NoReverseMatch:
            return ""
    organisation = nomination.candidate_organisation
    if organisation is not None and organisation_index is not None and organisation.slug:
        base = organisation_index.get_url(request) or ""
        return base + organisation_index.reverse_subpage(
            "organisation", kwargs={"slug": organisation.slug}
        )
    return ""


def laureates_with_links(edition: EditionPage, request: HttpRequest | None = None) -> list:
    """`laureates` with `profile_url` set on every nomination (one more query at most)."""
    groups = laureates(edition)
    needs_organisations = any(
        n.candidate_organisation_id and not n.candidate_partner_id
        for group in groups
        for n in (*group.winners, *group.distinctions, *group.special)
    )
    organisation_index = _organisation_base_url(request) if needs_organisations else None
    for group in groups:
        for nomination in (*group.winners, *group.distinctions, *group.special):
            nomination.profile_url = profile_url(nomination, organisation_index, request)
    return groups


def results_context(edition, request: HttpRequest | None = None) -> dict:
    """What the edition page shows about the results (a link to them once published)."""
    if not edition.results_published:
        return {"results_published": False}
    winners = list(
        awarded_nominations()
        .filter(edition=edition, award=Award.WINNER)
        .select_related("category")
        .order_by("category__sort_order", "candidate_name")
    )
    return {
        "results_published": True,
        "results_url": results_url(edition, request),
        "results_winners": winners,
    }


def badge_label(year: int, award: str, award_name: str = "") -> str:
    if award == Award.WINNER:
        return _("Lider ES %(year)s") % {"year": year}
    if award == Award.DISTINCTION:
        return _("Lider ES %(year)s – distinction") % {"year": year}
    return _("Lider ES %(year)s – %(award)s") % {
        "year": year,
        "award": award_name or _("special award"),
    }


def _badges(nominations: QuerySet, request: HttpRequest | None = None) -> list[dict]:
    """One query: the nominations with their editions, newest edition first."""
    rows = (
        nominations.filter(
            edition__results_published=True,
            edition__live=True,
            award__in=[Award.WINNER, Award.DISTINCTION, Award.SPECIAL],
        )
        .select_related("edition")
        .order_by("-edition__year", "award", "pk")
    )
    badges = []
    for nomination in rows:
        edition = nomination.edition
        badges.append(
            {
                "year": edition.year,
                "award": nomination.award,
                "award_name": nomination.award_name,
                "label": badge_label(edition.year, nomination.award, nomination.award_name),
                "url": results_url(edition, request),
            }
        )
    return badges


def lider_badges_for_partner(partner, request: HttpRequest | None = None) -> list[dict]:
    """The PES's "Lider ES" awards in published results, computed now (never a stored flag)."""
    if partner is None or partner.pk is None:
        return []
    return _badges(awarded_nominations().filter(candidate_partner=partner), request)


def lider_badges_for_organisation(organisation, request: HttpRequest | None = None) -> list[dict]:
    """The organisation's "Lider ES" awards in published results, computed now."""
    if organisation is None or organisation.pk is None:
        return []
    return _badges(awarded_nominations().filter(candidate_organisation=organisation), request)
