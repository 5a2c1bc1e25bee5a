"""What happens to a nomination: submitted, then accepted into the jury stage or rejected; the
nominator is e-mailed at each step. A failing mail server is logged, never an error page."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from portal import ratelimit
from portal.urls_absolute import page_url

from .models import Category, EditionPage, Nomination

logger = logging.getLogger(__name__)


def rate_limited(request: HttpRequest) -> bool:
    """Count this nomination attempt (portal.ratelimit, scope "nomination")."""
    return ratelimit.hit(request, "nomination")


def submit(edition: EditionPage, category: Category, form) -> Nomination:
    """Save a valid form as one row and its file, or nothing at all."""
    with transaction.atomic():
        nomination = form.save(commit=False)
        nomination.edition = edition.data_edition
        nomination.category = category
        nomination.candidate_name = form.cleaned_data["candidate_name"]
        nomination.status = Nomination.Status.SUBMITTED
        nomination.save()
    return nomination


def accept(nomination: Nomination, user=None) -> bool:
    """Accept into the jury stage; returns whether the e-mail went out."""
    _decide(nomination, Nomination.Status.ACCEPTED, "", user)
    return notify(nomination)


def reject(nomination: Nomination, reason: str, user=None) -> bool:
    """Reject with a reason (required: the nominator is told why)."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Give the reason for rejecting the nomination."))
    _decide(nomination, Nomination.Status.REJECTED, reason, user)
    return notify(nomination)


def _decide(nomination: Nomination, status: str, reason: str, user) -> None:
    nomination.status = status
    nomination.decision_reason = reason
    nomination.decided_at = timezone.now()
    nomination.decided_by = user if user is not None and user.is_authenticated else None
    nomination.save(update_fields=["status", "decision_reason", "decided_at", "decided_by"])


SUBJECTS = {
    Nomination.Status.SUBMITTED: gettext_noop(
        "Lider ES %(year)s: we have received your nomination"
    ),
    Nomination.Status.ACCEPTED: gettext_noop("Lider ES %(year)s: the nomination goes to the jury"),
    Nomination.Status.REJECTED: gettext_noop("Lider ES %(year)s: the nomination was not accepted"),
}


def notify(nomination: Nomination, request: HttpRequest | None = None) -> bool:
    """E-mail the nominator about the nomination's current status."""
    edition = nomination.edition
    subject = _(SUBJECTS[nomination.status]) % {"year": edition.year}
    body = render_to_string(
        "competition/email/nomination.txt",
        {
            "nomination": nomination,
            "edition": edition,
            "edition_url": page_url(edition, request),
        },
    )
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [nomination.nominator_email])
    except Exception:  # any transport error: SMTP, DNS, refused connection
        logger.exception("e-mail about nomination %s not sent", nomination.pk)
        return False
    return True
