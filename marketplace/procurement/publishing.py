"""What buyers and the ROPS do to notices: register, submit, moderate, answer, award, cancel.

Views (the buyer's panel, the ROPS's Wagtail pages) call these functions and never change a
notice's status themselves, so the rules live in one place. State changes lock the notice row
(`select_for_update`) so two clicks cannot award twice or award a cancelled notice. Signals
(`signals.py`) and e-mails go out after the transaction commits; a failing mail server is
logged, never turned into an error page (the data is saved either way).

Offers are read through the sealed default manager (`notice.offers`), so an award before the
opening time finds nothing. The one exception is `_bidder_partners`: telling every bidder that
a notice was cancelled must reach those whose offers are still sealed; it reads only which
PES submitted, never an offer's content, and shows nothing to the buyer.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from oscar.core.loading import get_model

from portal.organisations.models import Organisation
from portal.urls_absolute import absolute_url

from .models import (
    BuyerMembership,
    BuyerOrganisation,
    Notice,
    NoticeKind,
    NoticeQuestion,
    NoticeStatus,
    Offer,
    OfferStatus,
)
from .signals import notice_awarded, notice_cancelled, notice_published

logger = logging.getLogger(__name__)

Partner = get_model("partner", "Partner")

NIP_TAKEN_MESSAGE = gettext_lazy(
    "An organisation with this NIP is already registered. Ask its administrator to add you to"
    " its staff."
)

# A notice must stay open at least this long after it is published.
MIN_OPEN_TIME = timedelta(hours=1)


class PublishingError(Exception):
    """A change that is not allowed now; the message is shown to the person as it is."""


# Buyers -----------------------------------------------------------------------------------
def unique_slug(name: str) -> str:
    """A slug from the name, numbered when taken (gmina-kielce, gmina-kielce-2…)."""
    base = (slugify(name) or "kupujacy")[:70].strip("-") or "kupujacy"
    slug, number = base, 1
    taken = set(
        BuyerOrganisation.objects.filter(slug__startswith=base).values_list("slug", flat=True)
    )
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def register_buyer(user: Any, **fields: Any) -> BuyerOrganisation:
    """Create an unverified buyer with `user` as its administrator; the ROPS is told by e-mail."""
    buyer = BuyerOrganisation(**fields)
    buyer.verified_at = None
    for attempt in range(3):
        buyer.slug = unique_slug(buyer.name)
        try:
            with transaction.atomic():
                buyer.save()
                BuyerMembership.objects.create(buyer=buyer, user=user, is_admin=True)
            break
        except IntegrityError:
            buyer.pk = None
            if BuyerOrganisation.objects.filter(nip=buyer.nip).exists():
                # Registered by someone else since the form checked it.
                raise PublishingError(NIP_TAKEN_MESSAGE) from None
            if attempt == 2:  # the slug was taken at the same moment, three times over
                raise
    transaction.on_commit(lambda: _send_to_rops("buyer_registered", {"buyer": buyer}))
    return buyer


def verify_buyer(buyer: BuyerOrganisation, moderator: Any) -> BuyerOrganisation:
    """The ROPS confirms the buyer is who it says: its notices are published without moderation."""
    with transaction.atomic():
        locked = BuyerOrganisation.objects.select_for_update().get(pk=buyer.pk)
        if locked.is_verified:
            raise PublishingError(_("This buyer has already been verified."))
        locked.verified_at = timezone.now()
        locked.verified_by = moderator
        locked.save(update_fields=["verified_at", "verified_by"])
    transaction.on_commit(lambda: _send_to_buyer(locked, "buyer_verified", {}))
    return locked


def add_member(buyer: BuyerOrganisation, user: Any, *, is_admin: bool = False) -> BuyerMembership:
    if BuyerMembership.objects.filter(buyer=buyer, user=user).exists():
        raise PublishingError(_("This person already works for your organisation here."))
    return BuyerMembership.objects.create(buyer=buyer, user=user, is_admin=is_admin)


def remove_member(membership: BuyerMembership) -> None:
    """Remove a colleague; the last administrator stays (someone must be able to add others)."""
    with transaction.atomic():
        admins = list(
            BuyerMembership.objects.select_for_update()
            .filter(buyer_id=membership.buyer_id, is_admin=True)
            .values_list("pk", flat=True)
        )
        if membership.is_admin and admins == [membership.pk]:
            raise PublishingError(
                _(
                    "The last administrator cannot be removed: make someone else an administrator"
                    " first."
                )
            )
        membership.delete()


# Notices: submitting and moderating -------------------------------------------------------
def check_complete(notice: Notice, now: Any = None) -> None:
    """What a notice needs before it goes out; raises PublishingError with the first gap."""
    now = now or timezone.now()
    if notice.deadline < now + MIN_OPEN_TIME:
        raise PublishingError(
            _("The deadline for offers must be at least one hour from now: change it first.")
        )
    if notice.opening_at < notice.deadline:
        raise PublishingError(_("Offers cannot be opened before the deadline."))
    if notice.kind == NoticeKind.SOCIAL_CLAUSES and not (
        notice.clause_at_risk_employment or notice.clause_employment_contracts
    ):
        raise PublishingError(_("Choose at least one social clause for this kind of contract."))
    if not notice.activity_fields.exists():
        raise PublishingError(_("Choose at least one field of activity."))
    if not notice.powiats.exists():
        raise PublishingError(_("Choose at least one powiat."))


def submit(notice: Notice, user: Any) -> Notice:
    """ "Publish": a verified buyer's notice goes out now; an unverified one waits for the ROPS."""
    with transaction.atomic():
        locked = (
            Notice.objects.select_for_update(of=("self",)).select_related("buyer").get(pk=notice.pk)
        )
        if locked.status not in (NoticeStatus.DRAFT, NoticeStatus.REJECTED):
            raise PublishingError(_("This notice has already been submitted."))
        check_complete(locked)
        if locked.buyer.is_verified:
            _publish(locked)
        else:
            locked.status = NoticeStatus.PENDING
            locked.save(update_fields=["status", "updated"])
            transaction.on_commit(lambda: _send_to_rops("buyer_notice_pending", {"notice": locked}))
    return locked


def moderate_publish(notice: Notice, moderator: Any) -> Notice:
    """The ROPS lets a pending notice out; the buyer is told."""
    with transaction.atomic():
        locked = (
            Notice.objects.select_for_update(of=("self",)).select_related("buyer").get(pk=notice.pk)
        )
        if locked.status != NoticeStatus.PENDING:
            raise PublishingError(_("Only a notice awaiting moderation can be published."))
        if locked.deadline < timezone.now() + MIN_OPEN_TIME:
            raise PublishingError(
                _(
                    "The deadline has (almost) passed: return the notice so the buyer sets a new"
                    " one."
                )
            )
        locked.moderation_comment = ""
        _publish(locked)
        transaction.on_commit(
            lambda: _send_to_buyer(locked.buyer, "buyer_notice_published", {"notice": locked})
        )
    return locked


def moderate_return(notice: Notice, moderator: Any, comment: str) -> Notice:
    """The ROPS sends a pending notice back with a comment the buyer reads and acts on."""
    comment = (comment or "").strip()
    if not comment:
        raise PublishingError(_("Say what the buyer should change: the comment is required."))
    with transaction.atomic():
        locked = (
            Notice.objects.select_for_update(of=("self",)).select_related("buyer").get(pk=notice.pk)
        )
        if locked.status != NoticeStatus.PENDING:
            raise PublishingError(_("Only a notice awaiting moderation can be returned."))
        locked.status = NoticeStatus.REJECTED
        locked.moderation_comment = comment
        locked.save(update_fields=["status", "moderation_comment", "updated"])
        transaction.on_commit(
            lambda: _send_to_buyer(locked.buyer, "buyer_notice_returned", {"notice": locked})
        )
    return locked


def _publish(locked: Notice) -> None:
    locked.status = NoticeStatus.PUBLISHED
    locked.published_at = timezone.now()
    locked.save(update_fields=["status", "published_at", "moderation_comment", "updated"])
    transaction.on_commit(lambda: notice_published.send(sender=Notice, notice=locked))


# Questions --------------------------------------------------------------------------------
def answer_question(question: NoticeQuestion, answer: str, user: Any) -> NoticeQuestion:
    """Publish the buyer's answer; the asker (if they left an e-mail) is told it is out."""
    answer = (answer or "").strip()
    if not answer:
        raise PublishingError(_("Write the answer."))
    with transaction.atomic():
        locked = (
            NoticeQuestion.objects.select_for_update(of=("self",))
            .select_related("notice")
            .get(pk=question.pk)
        )
        first_answer = locked.answered_at is None
        locked.answer = answer
        locked.answered_at = locked.answered_at or timezone.now()
        locked.save(update_fields=["answer", "answered_at"])
        if first_answer and locked.asker_email:
            transaction.on_commit(lambda: _send_answer(locked))
    return locked


# Award and cancellation -------------------------------------------------------------------
def award(notice: Notice, offer_id: Any, user: Any, value: Decimal | None = None) -> Notice:
    """Award one submitted offer: only after the opening time, only once; bidders are told."""
    try:
        offer_id = int(offer_id)
    except (TypeError, ValueError):
        raise PublishingError(_("Choose one of the offers.")) from None
    if value is not None and value <= 0:
        raise PublishingError(_("The award value must be more than zero."))
    with transaction.atomic():
        locked = (
            Notice.objects.select_for_update(of=("self",)).select_related("buyer").get(pk=notice.pk)
        )
        if locked.status == NoticeStatus.AWARDED:
            raise PublishingError(_("This notice has already been awarded."))
        if locked.status != NoticeStatus.PUBLISHED:
            raise PublishingError(_("Only a published notice can be awarded."))
        if not locked.offers_opened():
            raise PublishingError(
                _("Offers are sealed until %(time)s: they cannot be awarded before.")
                % {"time": _format_time(locked.opening_at)}
            )
        # The sealed manager: an offer of a notice not yet opened is not found.
        offer = (
            locked.offers.filter(pk=offer_id, status=OfferStatus.SUBMITTED)
            .select_related("partner")
            .first()
        )
        if offer is None:
            raise PublishingError(_("This offer cannot be awarded: it was withdrawn or replaced."))
        locked.status = NoticeStatus.AWARDED
        locked.awarded_offer = offer
        locked.award_value = value if value is not None else offer.price
        locked.awarded_at = timezone.now()
        locked.save(
            update_fields=["status", "awarded_offer", "award_value", "awarded_at", "updated"]
        )
        transaction.on_commit(lambda: _after_award(locked, offer))
    return locked


def cancel(notice: Notice, reason: str, user: Any) -> Notice:
    """Cancel a published notice before its award, with a reason bidders and the public read."""
    reason = (reason or "").strip()
    if not reason:
        raise PublishingError(_("Give the reason for cancelling: bidders and the public read it."))
    with transaction.atomic():
        locked = (
            Notice.objects.select_for_update(of=("self",)).select_related("buyer").get(pk=notice.pk)
        )
        if locked.status == NoticeStatus.AWARDED:
            raise PublishingError(_("An awarded notice can no longer be cancelled."))
        if locked.status == NoticeStatus.CANCELLED:
            raise PublishingError(_("This notice has already been cancelled."))
        if locked.status != NoticeStatus.PUBLISHED:
            raise PublishingError(_("Only a published notice can be cancelled."))
        locked.status = NoticeStatus.CANCELLED
        locked.cancel_reason = reason
        locked.cancelled_at = timezone.now()
        locked.save(update_fields=["status", "cancel_reason", "cancelled_at", "updated"])
        transaction.on_commit(lambda: _after_cancel(locked))
    return locked


def _after_award(notice: Notice, offer: Offer) -> None:
    notice_awarded.send(sender=Notice, notice=notice, offer=offer)
    for partner in _bidder_partners(notice):
        kind = "award_won" if partner.pk == offer.partner_id else "award_lost"
        _send_to_bidder(notice, partner, kind, {"offer": offer})


def _after_cancel(notice: Notice) -> None:
    notice_cancelled.send(sender=Notice, notice=notice)
    for partner in _bidder_partners(notice):
        _send_to_bidder(notice, partner, "award_cancelled", {})


def _bidder_partners(notice: Notice) -> list[Any]:
    """The PES with a submitted offer, to tell them the outcome (see the module's note)."""
    partner_ids = set(
        Offer.submissions.filter(notice=notice, status=OfferStatus.SUBMITTED).values_list(
            "partner_id", flat=True
        )
    )
    return list(Partner.objects.filter(pk__in=partner_ids).prefetch_related("users"))


# E-mails ----------------------------------------------------------------------------------
def _subject(kind: str, **params: Any) -> str:
    subjects = {
        "buyer_registered": _("New buyer to verify: %(name)s"),
        "buyer_notice_pending": _("Notice %(reference)s awaits moderation"),
        "buyer_notice_published": _("Your notice %(reference)s has been published"),
        "buyer_notice_returned": _("Your notice %(reference)s was returned by the ROPS"),
        "buyer_verified": _("%(name)s has been verified"),
        "buyer_question_answered": _("Your question about notice %(reference)s has been answered"),
        "award_won": _("Your offer for %(reference)s has been chosen"),
        "award_lost": _("Notice %(reference)s: another offer was chosen"),
        "award_cancelled": _("Notice %(reference)s has been cancelled"),
    }
    return subjects[kind] % params


def _format_time(moment: Any) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def rops_emails() -> list[str]:
    """Where ROPS mail goes: the ROPS organisation's e-mail, else PROCUREMENT_ROPS_EMAIL."""
    emails = [
        email
        for email in Organisation.objects.filter(kind=Organisation.Kind.ROPS).values_list(
            "email", flat=True
        )
        if email
    ]
    if not emails and getattr(settings, "PROCUREMENT_ROPS_EMAIL", ""):
        emails = [settings.PROCUREMENT_ROPS_EMAIL]
    return emails


def panel_notice_url(notice: Notice, language: str) -> str:
    with translation.override(language):
        return absolute_url(reverse("procurement-buyer:notice", kwargs={"pk": notice.pk}))


def _send_to_rops(kind: str, context: dict) -> bool:
    recipients = rops_emails()
    if not recipients:
        logger.warning("No ROPS e-mail address: %s not sent", kind)
        return False
    with translation.override(settings.LANGUAGE_CODE):
        context = {**context, "admin_url": absolute_url(reverse("procurement_rops_index"))}
        params = _params(context)
        return _send(_subject(kind, **params), f"procurement/email/{kind}.txt", context, recipients)


def _send_to_buyer(buyer: BuyerOrganisation, kind: str, context: dict) -> bool:
    notice = context.get("notice")
    language = (notice.language if notice else None) or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {**context, "buyer": buyer}
        if notice:
            context["panel_url"] = panel_notice_url(notice, language)
        else:
            context["panel_url"] = absolute_url(reverse("procurement-buyer:panel"))
        return _send(
            _subject(kind, **_params(context)),
            f"procurement/email/{kind}.txt",
            context,
            [buyer.email],
        )


def _send_answer(question: NoticeQuestion) -> bool:
    notice = question.notice
    language = notice.language or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "notice": notice,
            "question": question,
            "notice_url": absolute_url(notice.get_absolute_url()),
        }
        return _send(
            _subject("buyer_question_answered", **_params(context)),
            "procurement/email/buyer_question_answered.txt",
            context,
            [question.asker_email],
        )


def _send_to_bidder(notice: Notice, partner: Any, kind: str, extra: dict) -> bool:
    recipients = partner.contact_emails()
    if not recipients:
        logger.warning("PES %s has no e-mail address for notice %s", partner.pk, notice.pk)
        return False
    language = notice.language or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "notice": notice,
            "partner": partner,
            "notice_url": absolute_url(notice.get_absolute_url()),
            **extra,
        }
        return _send(
            _subject(kind, **_params(context)),
            f"procurement/email/{kind}.txt",
            context,
            recipients,
            reply_to=[notice.contact_email] if kind == "award_won" else None,
        )


def _params(context: dict) -> dict[str, str]:
    notice = context.get("notice")
    buyer = context.get("buyer") or (notice.buyer if notice else None)
    return {
        "reference": notice.reference if notice else "",
        "name": buyer.name if buyer else "",
    }


def _send(
    subject: str,
    template: str,
    context: dict,
    to: Iterable[str],
    reply_to: list[str] | None = None,
) -> bool:
    message = EmailMessage(
        subject=subject,
        body=render_to_string(template, context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=list(to),
        reply_to=reply_to,
    )
    try:
        message.send()
    except Exception:  # any transport error: SMTP, DNS, refused connection
        logger.exception("procurement e-mail %s to %s not sent", template, to)
        return False
    return True
