"""Who may do what with buyers, notices and offers: small predicates every view asks.

The views turn a "no" into a 404 (never a 403), so a stranger cannot learn that a notice,
an offer or an attachment exists. Sealing is not decided here but by the default managers
(`Offer.objects`, `OfferAttachment.objects`): these predicates only add who may look.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from portal.organisations import roles

from .models import BuyerMembership, BuyerOrganisation, Notice, NoticeStatus

# Statuses in which the buyer edits the whole notice; a published one only in part.
EDITABLE_STATUSES = (NoticeStatus.DRAFT, NoticeStatus.REJECTED)
SUBMITTABLE_STATUSES = (NoticeStatus.DRAFT, NoticeStatus.REJECTED)

_GROUPS_CACHE = "_procurement_group_names"
_BUYERS_CACHE = "_procurement_buyer_roles"


def _active(user: Any) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def is_rops(user: Any) -> bool:
    """A superuser or a ROPS moderator: verifies buyers, moderates notices, may read offers."""
    if not _active(user):
        return False
    if user.is_superuser:
        return True
    if not hasattr(user, _GROUPS_CACHE):
        setattr(user, _GROUPS_CACHE, set(user.groups.values_list("name", flat=True)))
    return roles.ROPS_MODERATORS in getattr(user, _GROUPS_CACHE)


def buyer_roles(user: Any) -> dict[int, bool]:
    """{buyer id: is administrator} for every buyer the user works for (cached on the user)."""
    if not _active(user):
        return {}
    if not hasattr(user, _BUYERS_CACHE):
        setattr(
            user,
            _BUYERS_CACHE,
            dict(BuyerMembership.objects.filter(user=user).values_list("buyer_id", "is_admin")),
        )
    return getattr(user, _BUYERS_CACHE)


def forget(user: Any) -> None:
    """Drop the cached roles after a membership changed within the same request."""
    for name in (_GROUPS_CACHE, _BUYERS_CACHE):
        if hasattr(user, name):
            delattr(user, name)


def buyers_of(user: Any) -> QuerySet:
    """The buyer organisations the user works for."""
    return BuyerOrganisation.objects.filter(pk__in=list(buyer_roles(user)))


def is_member(user: Any, buyer: BuyerOrganisation | int) -> bool:
    buyer_id = buyer if isinstance(buyer, int) else buyer.pk
    return buyer_id in buyer_roles(user)


def is_buyer_admin(user: Any, buyer: BuyerOrganisation | int) -> bool:
    buyer_id = buyer if isinstance(buyer, int) else buyer.pk
    return bool(buyer_roles(user).get(buyer_id))


def can_view_notice(user: Any, notice: Notice) -> bool:
    """The buyer's staff, and the ROPS (read only), see the panel page of a notice."""
    return is_member(user, notice.buyer_id) or is_rops(user)


def can_manage_notice(user: Any, notice: Notice) -> bool:
    """Acting for the buyer (publishing, answering, awarding, cancelling): its staff only."""
    return is_member(user, notice.buyer_id)


def can_edit_notice(user: Any, notice: Notice) -> bool:
    """A draft or returned notice in full; a published one in part until its deadline."""
    return can_manage_notice(user, notice) and edit_mode(notice) is not None


def edit_mode(notice: Notice) -> str | None:
    """ "full" (draft, returned), "limited" (published, still open) or None (no editing)."""
    if notice.status in EDITABLE_STATUSES:
        return "full"
    if notice.status == NoticeStatus.PUBLISHED and notice.accepts_offers():
        return "limited"
    return None


def can_submit_notice(user: Any, notice: Notice) -> bool:
    return can_manage_notice(user, notice) and notice.status in SUBMITTABLE_STATUSES


def can_read_offers(user: Any, notice: Notice) -> bool:
    """The buyer's staff and the ROPS, once the opening time has passed (and never before)."""
    return can_view_notice(user, notice) and notice.offers_opened()


def can_award(user: Any, notice: Notice) -> bool:
    return (
        can_manage_notice(user, notice)
        and notice.status == NoticeStatus.PUBLISHED
        and notice.offers_opened()
    )


def can_cancel(user: Any, notice: Notice) -> bool:
    return can_manage_notice(user, notice) and notice.status == NoticeStatus.PUBLISHED
