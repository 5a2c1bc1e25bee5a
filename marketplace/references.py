"""Yearly references buyers quote in correspondence: ZO/2026/0007 (quotes), ZP/2026/0001
(procurement notices)."""

from __future__ import annotations

from django.db import models
from django.db.models.functions import Length
from django.utils import timezone


def next_yearly_reference(model: type[models.Model], prefix: str, year: int | None = None) -> str:
    """<prefix>/<year>/<number>, numbered within the year from the model's `reference` field
    (ordered by length first, so 10000 follows 9999); callers retry on a rare collision."""
    year = year or timezone.localdate().year
    start = f"{prefix}/{year}/"
    last = (
        model._default_manager.filter(reference__startswith=start)
        .order_by(Length("reference").desc(), "-reference")
        .values_list("reference", flat=True)
        .first()
    )
    number = int(last.rsplit("/", 1)[1]) + 1 if last else 1
    return f"{start}{number:04d}"
