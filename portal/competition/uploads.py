"""The recommendation letter: a plain PDF (parsed, not judged by its name), of bounded size."""

from __future__ import annotations

import uuid

from portal.uploads import PdfValidator, private_storage

__all__ = ["MAX_LETTER_BYTES", "letter_path", "private_storage", "validate_pdf_upload"]

MAX_LETTER_BYTES = 5 * 1024 * 1024


def letter_path(_instance: object, _filename: str) -> str:
    """A random name: the visitor's file name is neither trusted nor kept."""
    return f"competition/letters/{uuid.uuid4().hex}.pdf"


# The portal's PDF check with the letter's size limit (its migrations name it here).
validate_pdf_upload = PdfValidator(MAX_LETTER_BYTES)
