"""QR codes of verification pages, made with segno (a maintained, dependency-free QR library)."""

from __future__ import annotations

import io

import segno


def make_qr(url: str) -> segno.QRCode:
    """One place that builds the code, so the SVG, the PDF and the tests agree on it."""
    return segno.make(url, error="m", micro=False)


def qr_svg(url: str, *, title: str = "") -> bytes:
    buffer = io.BytesIO()
    make_qr(url).save(
        buffer,
        kind="svg",
        scale=6,
        border=4,
        xmldecl=False,
        title=title or None,
        svgclass=None,
        lineclass=None,
    )
    return buffer.getvalue()
