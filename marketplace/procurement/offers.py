"""A PES's own sealed offer: submitting, replacing and withdrawing it, and the receipt e-mail.

These are the only functions that may use `Offer.submissions` (the manager that sees sealed
offers), and only for the acting PES's own offer. Every change locks the notice row first and
reads the clock inside that transaction, so a request that began before the deadline but
commits after it is refused: the deadline is judged when the offer is written, not when the
form was opened. The receipt confirms the time and a reference, never the price or the terms:
an e-mail is a path the seal must hold on too.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from portal.urls_absolute import absolute_url

from .models import Notice, NoticeKind, Offer, OfferAttachment, OfferStatus

logger = logging.getLogger(__name__)

MAX_ATTACHMENTS = 5


class OfferError(Exception):
    """An offer change not allowed now; the message is shown to the PES as it is."""


def offer_reference(offer: Offer, notice: Notice | None = None) -> str:
    """What the receipt and the dashboard call an offer: the notice's reference and the offer's
    number (`ZP/2026/0001/O-17`), enough to find it in a dispute, nothing of its content."""
    notice = notice or offer.notice
    return f"{notice.reference}/O-{offer.pk}"


def current_offer(notice: Notice, partner: Any) -> Offer | None:
    """The PES's own live offer for a notice (sealed or not), for its own dashboard page."""
    return (
        Offer.submissions.filter(notice=notice, partner=partner, status=OfferStatus.SUBMITTED)
        .prefetch_related(_own_attachments())
        .first()
    )


def own_offers(notice: Notice, partner: Any) -> list[Offer]:
    """Every offer this PES made for the notice, newest first (its history: replaced, withdrawn)."""
    return list(
        Offer.submissions.filter(notice=notice, partner=partner)
        .prefetch_related(_own_attachments())
        .order_by("-submitted_at", "-pk")
    )


def _own_attachments() -> Prefetch:
    return Prefetch(
        "attachments", queryset=OfferAttachment.submissions.order_by("pk"), to_attr="own_files"
    )


def refusal(
    notice: Notice, partner: Any, now: datetime | None = None, *, eligibility: bool = True
) -> str:
    """Why this PES may not offer for this notice now; empty when it may. `eligibility=False`
    leaves out art. 94 (withdrawing an offer is never refused for it)."""
    if not notice.accepts_offers(now):
        if notice.phase(now) is None:
            return _("This notice is not published.")
        return _(
            "The deadline for offers passed on %(deadline)s: offers can no longer be"
            " submitted, replaced or withdrawn."
        ) % {"deadline": timezone.localtime(notice.deadline).strftime("%d.%m.%Y %H:%M")}
    if eligibility and notice.kind == NoticeKind.RESERVED and not partner.art_94_eligible:
        return _(
            "This contract is reserved under art. 94 Pzp for contractors whose employees are at"
            " least 30% people at risk of social exclusion. Your PES's record does not show"
            " that share; update the employee numbers in your PES profile or ask the ROPS."
        )
    return ""


def _lock(notice: Notice, partner: Any, *, eligibility: bool = True) -> tuple[Notice, datetime]:
    """Lock the notice row and read the clock after the lock: the deadline is judged now."""
    locked = Notice.objects.select_for_update().get(pk=notice.pk)
    now = timezone.now()
    reason = refusal(locked, partner, now, eligibility=eligibility)
    if reason:
        raise OfferError(reason)
    return locked, now


def _live(notice: Notice, partner: Any) -> Offer | None:
    return (
        Offer.submissions.select_for_update()
        .filter(notice=notice, partner=partner, status=OfferStatus.SUBMITTED)
        .first()
    )


def _create(
    notice: Notice,
    partner: Any,
    *,
    price: Decimal,
    terms: str,
    attachments: Iterable[UploadedFile],
    user: Any,
    now: datetime,
) -> Offer:
    files = list(attachments)
    if len(files) > MAX_ATTACHMENTS:
        raise OfferError(_("Attach at most %(count)d files.") % {"count": MAX_ATTACHMENTS})
    if price is None or price <= 0:
        raise OfferError(_("The price must be more than zero."))
    offer = Offer(
        notice=notice,
        partner=partner,
        price=price,
        terms=terms,
        submitted_by=user if getattr(user, "is_authenticated", False) else None,
        submitted_at=now,
    )
    try:
        offer.full_clean(exclude=["notice", "partner", "submitted_by"], validate_constraints=False)
        attachments_ = [
            OfferAttachment(offer=offer, name=upload.name[:200], file=upload) for upload in files
        ]
        for attachment in attachments_:
            attachment.full_clean(exclude=["offer"])
    except ValidationError as error:
        raise OfferError(" ".join(error.messages)) from None
    try:
        with transaction.atomic():
            offer.save(force_insert=True)
    except IntegrityError:
        raise OfferError(
            _("Your PES has already submitted an offer for this notice: replace it instead.")
        ) from None
    for attachment in attachments_:
        attachment.offer = offer
        attachment.save()
    return offer


def submit_offer(
    notice: Notice,
    partner: Any,
    *,
    price: Decimal,
    terms: str,
    attachments: Iterable[UploadedFile] = (),
    user: Any = None,
) -> Offer:
    """A first offer of this PES for the notice; refused after the deadline, for a reserved
    notice without art. 94 eligibility, and when a live offer exists (replace it instead)."""
    with transaction.atomic():
        locked, now = _lock(notice, partner)
        if _live(locked, partner) is not None:
            raise OfferError(
                _("Your PES has already submitted an offer for this notice: replace it instead.")
            )
        offer = _create(
            locked,
            partner,
            price=price,
            terms=terms,
            attachments=attachments,
            user=user,
            now=now,
        )
        transaction.on_commit(lambda: send_receipt(offer, locked, partner, user, "submitted"))
    return offer


def replace_offer(
    notice: Notice,
    partner: Any,
    *,
    price: Decimal,
    terms: str,
    attachments: Iterable[UploadedFile] = (),
    user: Any = None,
) -> Offer:
    """The live offer becomes "replaced" and a new one is created, both or neither."""
    with transaction.atomic():
        locked, now = _lock(notice, partner)
        old = _live(locked, partner)
        if old is None:
            raise OfferError(_("Your PES has no offer for this notice to replace."))
        Offer.submissions.filter(pk=old.pk).update(status=OfferStatus.REPLACED, withdrawn_at=now)
        offer = _create(
            locked,
            partner,
            price=price,
            terms=terms,
            attachments=attachments,
            user=user,
            now=now,
        )
        transaction.on_commit(lambda: send_receipt(offer, locked, partner, user, "replaced"))
    return offer


def withdraw_offer(notice: Notice, partner: Any, *, user: Any = None) -> Offer:
    """The live offer is withdrawn; the PES may submit a new one until the deadline."""
    with transaction.atomic():
        locked, now = _lock(notice, partner, eligibility=False)
        offer = _live(locked, partner)
        if offer is None:
            raise OfferError(_("Your PES has no offer for this notice to withdraw."))
        offer.status = OfferStatus.WITHDRAWN
        offer.withdrawn_at = now
        offer.save(update_fields=["status", "withdrawn_at"])
        transaction.on_commit(lambda: send_receipt(offer, locked, partner, user, "withdrawn"))
    return offer


# The receipt --------------------------------------------------------------------------------
def receipt_recipients(partner: Any, user: Any = None) -> list[str]:
    """The PES's contact addresses and the person who acted, each once."""
    addresses = list(partner.contact_emails())
    email = getattr(user, "email", "")
    if email and email.lower() not in {a.lower() for a in addresses}:
        addresses.append(email)
    return addresses


def send_receipt(offer: Offer, notice: Notice, partner: Any, user: Any, action: str) -> bool:
    """Confirm the time and the reference of a submission, replacement or withdrawal.

    Never the price, the terms or the attachments: a mailbox is not sealed until the opening.
    """
    to = receipt_recipients(partner, user)
    if not to:
        logger.warning("PES %s has no e-mail address for offer %s", partner.pk, offer.pk)
        return False
    subjects = {
        "submitted": _("Offer received: %(reference)s"),
        "replaced": _("Offer replaced: %(reference)s"),
        "withdrawn": _("Offer withdrawn: %(reference)s"),
    }
    with translation.override(settings.LANGUAGE_CODE):
        reference = offer_reference(offer, notice)
        when = offer.withdrawn_at if action == "withdrawn" else offer.submitted_at
        context = {
            "action": action,
            "reference": reference,
            "notice": notice,
            "partner": partner,
            "when": timezone.localtime(when),
            "deadline": timezone.localtime(notice.deadline),
            "opening_at": timezone.localtime(notice.opening_at),
            "dashboard_url": absolute_url(
                reverse("procurement-dashboard:notice", kwargs={"pk": notice.pk})
                + f"?partner={partner.pk}"
            ),
        }
        message = EmailMessage(
            subject=subjects[action] % {"reference": reference},
            body=render_to_string("procurement/email/offer_receipt.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=to,
        )
    try:
        message.send()
    except Exception:  # any transport error: the offer is saved either way
        logger.exception("offer receipt for %s not sent", offer.pk)
        return False
    return True
