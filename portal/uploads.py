"""Checks for uploads: pictures (real image, allowed type, bounded size and pixel count) and
PDF documents (parsed, plain: no scripts, attachments or polyglot tails); private storage."""

from __future__ import annotations

import io
import os
import warnings
from collections.abc import Iterator

from django.core.exceptions import ValidationError
from django.core.files.storage import Storage, storages
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _
from PIL import Image
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

MAX_IMAGE_BYTES = 2 * 1024 * 1024
# A small file can unpack into a huge bitmap (a decompression bomb): refuse beyond this.
MAX_IMAGE_PIXELS = 25_000_000
ALLOWED_IMAGE_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}


def validate_image_upload(upload) -> None:
    """Refuse anything that is not a modest JPEG, PNG, WebP or GIF picture."""
    if upload is None:
        return
    size = getattr(upload, "size", None)
    if size is not None and size > MAX_IMAGE_BYTES:
        raise ValidationError(
            _("The picture is too large (%(size)s); the limit is %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(MAX_IMAGE_BYTES)},
            code="too_large",
        )
    position = upload.tell() if hasattr(upload, "tell") else 0
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                image_format = image.format
                width, height = image.size
                image.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ValidationError(
            _("The picture has too many pixels."), code="too_many_pixels"
        ) from error
    except Exception as error:  # Pillow raises many kinds for a file that is not an image
        raise ValidationError(
            _("This file is not a picture (use JPEG, PNG, WebP or GIF)."), code="not_image"
        ) from error
    finally:
        if hasattr(upload, "seek"):
            upload.seek(position)
    if image_format not in ALLOWED_IMAGE_FORMATS:
        raise ValidationError(
            _("This file is not a picture (use JPEG, PNG, WebP or GIF)."), code="not_image"
        )
    if width * height > MAX_IMAGE_PIXELS:
        raise ValidationError(_("The picture has too many pixels."), code="too_many_pixels")


# PDF documents --------------------------------------------------------------------------------

MAX_PDF_BYTES = 5 * 1024 * 1024
PDF_MAGIC = b"%PDF-"
PDF_END = b"%%EOF"
# What may follow the last %%EOF: line ends and a little padding some writers add, no more.
PDF_TAIL_ALLOWED = 64
# A 5 MB file holds far fewer objects; beyond this the walk stops and the file is refused.
MAX_PDF_OBJECTS = 200_000


def private_storage() -> Storage:
    """Files only some staff may read: the "private" storage, never served under MEDIA_URL
    (a callable, so tests and deployments may point the alias elsewhere without a migration)."""
    return storages["private"]


def _pdf_error(code: str, name: str, **params: str) -> ValidationError:
    messages = {
        "not_pdf": _("%(name)s is not a PDF file."),
        "damaged": _(
            "%(name)s could not be read as a PDF document (it may be damaged). Save it as PDF"
            " again and attach it once more."
        ),
        "trailing_data": _(
            "%(name)s has data after the end of the PDF document. Save it as PDF again and"
            " attach it once more."
        ),
        "encrypted": _(
            "%(name)s is protected with a password or encrypted. Attach a PDF without protection."
        ),
        "no_pages": _("%(name)s has no pages."),
        "javascript": _(
            "%(name)s contains JavaScript or actions that run on opening. Attach a PDF without"
            " them (for example, print the document to PDF again)."
        ),
        "embedded_files": _(
            "%(name)s contains embedded files. Attach each document as a PDF of its own."
        ),
        "launch": _("%(name)s contains an action that starts programs. Attach a plain PDF."),
        "too_large": _("%(name)s is too large (%(size)s); the limit is %(limit)s."),
    }
    return ValidationError(messages[code] % {"name": name, **params}, code=code)


def _pdf_bytes(upload, limit: int) -> bytes:
    position = upload.tell() if hasattr(upload, "tell") else 0
    try:
        upload.seek(0)
        return upload.read(limit + 1)
    finally:
        upload.seek(position)


def _dictionaries(reader) -> Iterator[dict]:
    """Every dictionary (and stream dictionary) reachable from the trailer, each object once."""
    seen: set[tuple[int, int]] = set()
    stack: list = [reader.trailer]
    visited = 0
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            key = (item.idnum, item.generation)
            if key in seen:
                continue
            seen.add(key)
            item = item.get_object()
        visited += 1
        if visited > MAX_PDF_OBJECTS:
            raise ValueError("too many objects")
        if isinstance(item, DictionaryObject):
            yield item
            stack.extend(dict.values(item))  # raw values: references are followed once
        elif isinstance(item, ArrayObject):
            stack.extend(list.__iter__(item))


def _active_content(dictionary: dict) -> str | None:
    """The code of the first thing in this dictionary a PDF must not carry, or None."""
    keys = set(dictionary.keys())
    action = dictionary.get("/S")
    if keys & {"/JS", "/JavaScript", "/AA", "/XFA"} or action == "/JavaScript":
        return "javascript"
    if action == "/Launch":
        return "launch"
    if (
        "/EmbeddedFiles" in keys
        or "/EF" in keys
        or dictionary.get("/Subtype") == "/FileAttachment"
        or dictionary.get("/Type") == "/EmbeddedFile"
    ):
        return "embedded_files"
    return None


def validate_pdf(upload, *, max_bytes: int = MAX_PDF_BYTES) -> None:
    """Refuse anything but a plain, readable PDF document of bounded size.

    The file is parsed with pypdf, not judged by its first bytes: a polyglot (a PDF header in
    front of something else, or anything after the last %%EOF), a damaged or encrypted file,
    one without pages, and one carrying JavaScript, automatic actions, embedded files or
    program launches are all refused with a message that says why.
    """
    if upload is None:
        return
    name = os.path.basename(getattr(upload, "name", "") or "") or "PDF"
    size = getattr(upload, "size", None)
    if size is not None and size > max_bytes:
        raise _pdf_error(
            "too_large", name, size=filesizeformat(size), limit=filesizeformat(max_bytes)
        )
    data = _pdf_bytes(upload, max_bytes)
    if len(data) > max_bytes:
        raise _pdf_error(
            "too_large", name, size=filesizeformat(len(data)), limit=filesizeformat(max_bytes)
        )
    if not data.startswith(PDF_MAGIC):
        raise _pdf_error("not_pdf", name)
    end = data.rfind(PDF_END)
    if end < 0:
        raise _pdf_error("damaged", name)
    tail = data[end + len(PDF_END) :]
    if len(tail) > PDF_TAIL_ALLOWED or tail.strip(b" \t\r\n\x00\x0c"):
        raise _pdf_error("trailing_data", name)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                raise _pdf_error("encrypted", name)
            if len(reader.pages) < 1:
                raise _pdf_error("no_pages", name)
            for dictionary in _dictionaries(reader):
                code = _active_content(dictionary)
                if code:
                    raise _pdf_error(code, name)
    except ValidationError:
        raise
    except Exception as error:  # pypdf raises many kinds (and RecursionError) for a bad file
        raise _pdf_error("damaged", name) from error


@deconstructible(path="portal.uploads.PdfValidator")
class PdfValidator:
    """`validate_pdf` with one use's size limit, as a model field validator: it deconstructs
    to its path and limit, so migrations stay the same wherever an instance is defined."""

    def __init__(self, max_bytes: int = MAX_PDF_BYTES) -> None:
        self.max_bytes = max_bytes

    def __call__(self, upload) -> None:
        validate_pdf(upload, max_bytes=self.max_bytes)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PdfValidator) and other.max_bytes == self.max_bytes

    def __hash__(self) -> int:
        return hash((PdfValidator, self.max_bytes))
