"""Builders shared by the buyer's panel, moderation, award and permission tests (helper B)."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone

from marketplace.procurement.models import Notice, Offer, OfferAttachment
from portal.organisations.roles import ROPS_MODERATORS
from tests.factories import NoticeFactory, UserFactory
from tests.helpers.pdfs import PLAIN_PDF


def rops_moderator(**kwargs) -> object:
    """A ROPS moderator: in the "Moderatorzy ROPS" group (made by a migration), not staff."""
    user = UserFactory(**kwargs)
    group, _created = Group.objects.get_or_create(name=ROPS_MODERATORS)
    user.groups.add(group)
    return user


def opened_notice(**kwargs) -> Notice:
    """A published notice whose deadline and opening time have passed (offers readable)."""
    now = timezone.now()
    kwargs.setdefault("deadline", now - timedelta(hours=2))
    kwargs.setdefault("opening_at", now - timedelta(hours=1))
    kwargs.setdefault("published_at", now - timedelta(days=7))
    return NoticeFactory(**kwargs)


def offer_attachment(offer: Offer, content: bytes = PLAIN_PDF, name: str = "oferta.pdf"):
    """A PDF attached to an offer, written to private storage (sealed or not)."""
    attachment = OfferAttachment(offer=offer, name=name)
    attachment.file.save(name, ContentFile(content), save=False)
    attachment.save()
    return attachment
