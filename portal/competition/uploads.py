"""The recommendation letter: a real PDF (checked by content, not by name), of bounded size."""

from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.core.files.storage import Storage, storages
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

MAX_LETTER_BYTES = 5 * 1024 * 1024
PDF_MAGIC = b"%PDF-"


def private_storage() -> Storage:
    """Where letters live: the "private" storage, outside MEDIA_URL (a callable, so tests and
    deployments may point the alias elsewhere without a migration)."""
    return storages["private"]


def letter_path(_instance: object, _filename: str) -> str:
    """A random name: the visitor's file name is neither trusted nor kept."""
    return f"competition/letters/{uuid.uuid4().hex}.pdf"


def validate_pdf_upload(upload) -> None:
    """Refuse a file over the limit or one that does not start as a PDF does."""
    if upload is None:
        return
    size = getattr(upload, "size", None)
    if size is not None and size > MAX_LETTER_BYTES:
        raise ValidationError(
            _("The letter is too large (%(size)s); the limit is %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(MAX_LETTER_BYTES)},
            code="too_large",
        )
    position = upload.tell() if hasattr(upload, "tell") else 0
    try:
        upload.seek(0)
        head = upload.read(len(PDF_MAGIC))
    finally:
        upload.seek(position)
    if head != PDF_MAGIC:
        raise ValidationError(
            _("This file is not a PDF document. Attach the letter as a PDF."), code="not_pdf"
        )
