"""An awarded notice becomes an ordinary Oscar order of the winning PES.

Written like an accepted quote's (`marketplace.order.agreed`): the PES follows it in its
dashboard's order pages (status, notes, payment), the order number is made from the notice's
reference (ZP/2026/0001 → ZP-2026-0001-1) and the group reference is the notice's reference.
A guest order to the buyer's e-mail: the buyer is an organisation, not one person's account.
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from marketplace.invoices.services import invoice_fields_for_buyer
from marketplace.order.agreed import Order, agreed_order

from .models import Notice, NoticeStatus


class OrderError(Exception):
    """The order cannot be made now; the message is shown as it is."""


def order_from_award(notice: Notice) -> Order:
    """Create the winner's order for an awarded notice: one line, the award value, no tax.

    Once only: the notice row is locked, and a notice that already has an order is refused.
    """
    with transaction.atomic():
        locked = (
            Notice.objects.select_for_update(of=("self",))
            .select_related("buyer", "awarded_offer__partner")
            .get(pk=notice.pk)
        )
        if locked.status != NoticeStatus.AWARDED or locked.awarded_offer is None:
            raise OrderError(_("Only an awarded notice can become an order."))
        if locked.order_id is not None:
            raise OrderError(_("The order for this notice has already been created."))
        offer = locked.awarded_offer
        value = locked.award_value if locked.award_value is not None else offer.price
        # The PES reads the order in the portal's language, whatever the buyer's page was in.
        with translation.override(settings.LANGUAGE_CODE):
            order = agreed_order(
                reference=locked.reference,
                partner=offer.partner,
                price=value,
                title=locked.subject,
                email=locked.buyer.email,
                shipping_method=_("Public contract, as in the notice"),
                shipping_code="procurement",
                delivery_details=locked.buyer.address,
                note=_order_note(locked),
                line_notes=offer.terms,
                # The buyer organisation is invoiced: its verified name, NIP and address.
                invoice=invoice_fields_for_buyer(locked.buyer),
            )
        locked.order = order
        locked.save(update_fields=["order", "updated"])
    notice.order = order
    return order


def _order_note(notice: Notice) -> str:
    """What the PES needs beside the line: the notice, the buyer and the agreed terms."""
    buyer = notice.buyer
    parts = [
        _("Awarded notice %(reference)s: %(subject)s")
        % {"reference": notice.reference, "subject": notice.subject},
        _("Buyer: %(name)s, NIP %(nip)s, %(address)s")
        % {"name": buyer.name, "nip": buyer.nip, "address": buyer.address},
        _("Contact: %(name)s, %(email)s")
        % {"name": notice.contact_name, "email": notice.contact_email},
    ]
    if notice.awarded_offer and notice.awarded_offer.terms:
        parts.append(_("Terms: %(terms)s") % {"terms": notice.awarded_offer.terms})
    return "\n".join(parts)
