"""The public vote: one confirmed vote per category and e-mail address, within the vote dates.

A vote is cast as a pending row and counts only once the address confirms it through the link
e-mailed to it, so nobody can vote in someone else's name. The database holds the last word on
"one confirmed vote per category and address" (a partial unique constraint), so two
confirmations racing each other cannot both count. Counts are public only once the vote has
closed, so they cannot steer it; they are reported apart from the jury's ranking.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from portal import ratelimit
from portal.urls_absolute import page_url

from .models import Category, EditionPage, Nomination, Vote

logger = logging.getLogger(__name__)

DATE_FORMAT = "j E Y, H:i"


# The vote window ----------------------------------------------------------------------------
@dataclass(frozen=True)
class VoteState:
    """Whether a vote is held, open now or over and, if not open, why (said to the visitor)."""

    held: bool
    open: bool
    closed: bool
    message: str


def vote_window(edition: EditionPage, now: datetime | None = None) -> VoteState:
    """Open from `vote_start` (inclusive) to `vote_end` (exclusive), like nominations.

    Both are aware datetimes entered in Europe/Warsaw; comparing aware datetimes is exact
    whatever the server's clock zone or the daylight-saving season.
    """
    if not (edition.vote_start and edition.vote_end):
        return VoteState(False, False, False, _("There is no public vote in this edition."))
    now = now or timezone.now()
    if now < edition.vote_start:
        when = date_format(timezone.localtime(edition.vote_start), DATE_FORMAT)
        return VoteState(
            True, False, False, _("The public vote opens on %(when)s.") % {"when": when}
        )
    if now >= edition.vote_end:
        when = date_format(timezone.localtime(edition.vote_end), DATE_FORMAT)
        return VoteState(
            True, False, True, _("The public vote closed on %(when)s.") % {"when": when}
        )
    return VoteState(True, True, False, "")


def vote_rate_limited(request: HttpRequest) -> bool:
    """Count this attempt (portal.ratelimit, scope "vote": generous, as three categories and
    shared office and school addresses make honest repeats)."""
    return ratelimit.hit(request, "vote")


def email_key(email: str) -> str:
    """One address is one voter whatever its letter case (`Jan@X.pl` = `jan@x.pl`)."""
    return (email or "").strip().lower()


def candidates(category: Category):
    """The nominations one may vote for: the category's ACCEPTED ones only."""
    return Nomination.objects.filter(category=category, status=Nomination.Status.ACCEPTED).order_by(
        "candidate_name", "pk"
    )


def has_confirmed_vote(category: Category, email: str) -> bool:
    return Vote.objects.filter(
        category=category, email_key=email_key(email), confirmed_at__isnull=False
    ).exists()


# Casting ------------------------------------------------------------------------------------
class VoteRefused(Exception):
    """A vote that cannot be cast or confirmed; `code` for tests, `message` for the visitor."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def already_voted_message() -> str:
    return _("This e-mail address has already voted in this category.")


def cast_vote(
    edition: EditionPage,
    category: Category,
    nomination: Nomination,
    email: str,
    request: HttpRequest | None = None,
) -> tuple[Vote, bool]:
    """Store a pending vote and e-mail its confirmation link; returns the vote and whether
    the e-mail went out. Without the e-mail the vote could never be confirmed, so a pending
    vote whose mail failed is deleted again (the visitor simply tries later)."""
    if not vote_window(edition).open:
        raise VoteRefused("closed", _("The public vote is not open."))
    if (
        category.edition_id != edition.pk
        or nomination.category_id != category.pk
        or nomination.status != Nomination.Status.ACCEPTED
    ):
        raise VoteRefused("not_candidate", _("This nomination is not a candidate in the vote."))
    if has_confirmed_vote(category, email):
        raise VoteRefused("already_voted", already_voted_message())
    vote = Vote.objects.create(
        edition=edition,
        category=category,
        nomination=nomination,
        email=email.strip(),
        email_key=email_key(email),
        token=secrets.token_urlsafe(32),  # 43 characters, 256 bits: not guessable
    )
    mailed = send_confirmation(vote, request)
    if not mailed:
        vote.delete()
    return vote, mailed


def confirm_url(vote: Vote, request: HttpRequest | None = None) -> str:
    edition = vote.edition
    base = page_url(edition, request)
    return base + edition.reverse_subpage("vote_confirm", kwargs={"token": vote.token})


def send_confirmation(vote: Vote, request: HttpRequest | None = None) -> bool:
    """E-mail the confirmation link; a failing mail server is logged, never an error page."""
    edition = vote.edition
    subject = _("Lider ES %(year)s: confirm your vote") % {"year": edition.year}
    body = render_to_string(
        "competition/email/vote_confirm.txt",
        {
            "vote": vote,
            "edition": edition,
            "confirm_url": confirm_url(vote, request),
            "vote_end": timezone.localtime(edition.vote_end) if edition.vote_end else None,
        },
    )
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [vote.email])
    except Exception:  # any transport error: SMTP, DNS, refused connection
        logger.exception("confirmation of vote %s not sent", vote.pk)
        return False
    return True


# Confirming ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Confirmation:
    """The outcome of following a confirmation link: `code` says which, `message` to whom."""

    ok: bool
    code: str  # confirmed, already_confirmed, unknown, closed, already_voted, not_candidate
    message: str
    vote: Vote | None = None


def find_vote(edition: EditionPage, token: str) -> Vote | None:
    """The vote of this edition with this token, or None (a token is never a server error)."""
    if not token or len(token) > 64:
        return None
    return (
        Vote.objects.filter(edition=edition, token=token)
        .select_related("category", "nomination")
        .first()
    )


def confirm_vote(edition: EditionPage, token: str, now: datetime | None = None) -> Confirmation:
    """Count a pending vote. Confirming the same token again is harmless (it stays counted
    once); a vote window that is over, an unknown token or an address that already has a
    confirmed vote in the category is refused with a message."""
    vote = find_vote(edition, token)
    if vote is None:
        return Confirmation(False, "unknown", _("This confirmation link is not valid."))
    if vote.confirmed_at is not None:
        return Confirmation(True, "already_confirmed", _("Your vote is already counted."), vote)
    now = now or timezone.now()
    if not vote_window(edition, now).open:
        return Confirmation(
            False, "closed", _("The public vote is over; the vote was not counted."), vote
        )
    if vote.nomination.status != Nomination.Status.ACCEPTED:
        return Confirmation(
            False, "not_candidate", _("This nomination is no longer a candidate."), vote
        )
    refused = Confirmation(False, "already_voted", already_voted_message(), vote)
    if has_confirmed_vote(vote.category, vote.email_key):
        return refused
    try:
        with transaction.atomic():  # a savepoint: the constraint's refusal leaves no trace
            updated = Vote.objects.filter(pk=vote.pk, confirmed_at__isnull=True).update(
                confirmed_at=now
            )
    except IntegrityError:  # another vote of this address was confirmed in between
        return refused
    if not updated:  # the same link confirmed twice at once: the other request counted it
        vote.refresh_from_db()
        return Confirmation(True, "already_confirmed", _("Your vote is already counted."), vote)
    vote.confirmed_at = now
    return Confirmation(True, "confirmed", _("Thank you: your vote is counted."), vote)


# Counting -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class NominationCount:
    """One candidate's confirmed votes; equal counts share a rank and are marked tied."""

    nomination: Nomination
    votes: int
    rank: int
    tied: bool


@dataclass(frozen=True)
class CategoryCount:
    category: Category
    rows: list[NominationCount] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(row.votes for row in self.rows)

    @property
    def has_ties(self) -> bool:
        return any(row.tied for row in self.rows)


def vote_counts(edition: EditionPage, now: datetime | None = None) -> list[CategoryCount]:
    """Per category, its accepted nominations with their confirmed votes, most votes first.

    Empty until the vote has closed (counts shown during the vote would steer it). Only votes
    confirmed within the vote dates count. Two queries whatever the number of nominations.
    """
    state = vote_window(edition, now)
    if not state.closed:
        return []
    counted = Q(
        votes__confirmed_at__isnull=False,
        votes__confirmed_at__gte=edition.vote_start,
        votes__confirmed_at__lt=edition.vote_end,
    )
    nominations = (
        Nomination.objects.filter(edition=edition, status=Nomination.Status.ACCEPTED)
        .annotate(confirmed_votes=Count("votes", filter=counted))
        .order_by("-confirmed_votes", "candidate_name", "pk")
    )
    by_category: dict[int, list[Nomination]] = {}
    for nomination in nominations:
        by_category.setdefault(nomination.category_id, []).append(nomination)
    result = []
    for category in edition.categories.all():
        listed = by_category.get(category.pk, [])
        frequency: dict[int, int] = {}
        for nomination in listed:
            frequency[nomination.confirmed_votes] = frequency.get(nomination.confirmed_votes, 0) + 1
        rows = []
        for position, nomination in enumerate(listed, start=1):
            votes = nomination.confirmed_votes
            rank = position if not rows or rows[-1].votes != votes else rows[-1].rank
            rows.append(NominationCount(nomination, votes, rank, frequency[votes] > 1))
        result.append(CategoryCount(category, rows))
    return result


def vote_url(edition: EditionPage, category: Category, request: HttpRequest | None = None) -> str:
    base = edition.get_url(request) or ""
    return base + edition.reverse_subpage("vote", kwargs={"category_slug": category.slug})


def vote_context(edition: EditionPage, request: HttpRequest | None = None) -> dict:
    """What the edition page shows about the vote (its dates, links, counts once closed)."""
    state = vote_window(edition)
    links = []
    if state.open:
        links = [
            (category, vote_url(edition, category, request))
            for category in edition.categories.all()
        ]
    return {
        "vote_state": state,
        "vote_links": links,
        "vote_results": vote_counts(edition) if state.closed else [],
    }
