"""The public page /plany-lokalne/ is served from the anonymous page cache (`portal/cache.py`):
forget stored pages once a gmina, a plan, the target or a plan's document changes."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save

from portal.cache import invalidate_pages_on_commit

_MODELS = ("localplans.Gmina", "localplans.LocalPlan", "localplans.LocalPlanSettings")


def _document_changed(sender: Any, instance: Any, **_: Any) -> None:
    """A plan's document renamed or replaced changes the page's link; other documents do not."""
    from .models import LocalPlan

    if LocalPlan.objects.filter(document_id=instance.pk).exists():
        invalidate_pages_on_commit()


def connect() -> None:
    for label in _MODELS:
        post_save.connect(
            invalidate_pages_on_commit, sender=label, dispatch_uid=f"localplans-save-{label}"
        )
        post_delete.connect(
            invalidate_pages_on_commit, sender=label, dispatch_uid=f"localplans-del-{label}"
        )
    post_save.connect(
        _document_changed, sender="wagtaildocs.Document", dispatch_uid="localplans-document"
    )
