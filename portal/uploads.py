"""Checks for uploaded pictures: real image, allowed type, bounded size and pixel count."""

from __future__ import annotations

import warnings

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image

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
