"""Cached directory pages show fields of activity: changing them refreshes the page cache.

Partner saves, stock and products are already watched by portal.cache, and certificates by
marketplace.certificates.signals; a field renamed or ticked on a PES is not a Partner save.
"""

from __future__ import annotations

from django.db.models.signals import m2m_changed, post_delete, post_save

from marketplace.partner.models import ActivityField, Partner
from portal.cache import invalidate_pages


def fields_changed(action: str = "", **_kwargs: object) -> None:
    if action in {"post_add", "post_remove", "post_clear"}:
        invalidate_pages()


def connect() -> None:
    post_save.connect(invalidate_pages, sender=ActivityField, dispatch_uid="directory-field-save")
    post_delete.connect(invalidate_pages, sender=ActivityField, dispatch_uid="directory-field-del")
    m2m_changed.connect(
        fields_changed,
        sender=Partner.activity_fields.through,
        dispatch_uid="directory-partner-fields",
    )
