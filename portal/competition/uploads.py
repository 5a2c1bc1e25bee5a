"""The recommendation letter: a plain PDF (parsed, not judged by its name), of bounded size."""

from __future__ import annotations

import uuid

from portal.uploads import private_storage, validate_pdf

__all__ = ["MAX_LETTER_BYTES", "letter_path", "private_storage", "validate_pdf_upload"]

MAX_LETTER_BYTES = 5 * 1024 * 1024


def letter_path(_instance: object, _filename: str) -> str:
    """A random name: the visitor's file name is neither trusted nor kept."""
    return f"competition/letters/{uuid.uuid4().hex}.pdf"


def validate_pdf_upload(upload) -> None:
    """The portal's PDF check (portal.uploads.validate_pdf) with the letter's size limit."""
    validate_pdf(upload, max_bytes=MAX_LETTER_BYTES)
