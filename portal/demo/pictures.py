"""Deterministic placeholder pictures for the demo catalogue.

The demo shop needs product photos and PES logos, but the project may neither download
images nor ship binary assets. These are drawn with Pillow from the product data instead:
a flat illustration per category on a seed-coloured background, with the title underneath.
The same input always gives the same bytes, so reloading the demo does not churn media files.
"""

from __future__ import annotations

import colorsys
import hashlib
import io
import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

# Shapes are drawn at twice the size and scaled down: cheap anti-aliasing for ImageDraw.
SUPERSAMPLE = 2

# Bold sans fonts with Polish glyphs, in order of preference (Debian, Fedora, Arch, Alpine paths).
FONT_CANDIDATES = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    Path("/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf"),
    Path("/usr/share/fonts/TTF/DejaVuSans-Bold.ttf"),
    Path("/usr/share/fonts/dejavu-sans-fonts/DejaVuSans-Bold.ttf"),
    Path("/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"),
    Path("/usr/share/fonts/noto/NotoSans-Bold.ttf"),
    Path("/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"),
    Path("/usr/share/fonts/liberation-sans/LiberationSans-Bold.ttf"),
    Path("/usr/share/fonts/truetype/freefont/FreeSansBold.ttf"),
)

INK = (34, 38, 46)  # title text: near-black, >12:1 contrast on the white panel
OUTLINE = (58, 63, 75)  # outline of every shape, gives the icons one flat style
PAPER = (252, 250, 245)

RGB = tuple[int, int, int]
Point = tuple[float, float]
Box = tuple[float, float, float, float]


def _digest(seed: str) -> bytes:
    """Stable bytes for a seed; hashlib rather than random so output never varies."""
    return hashlib.sha256(seed.encode("utf-8")).digest()


def _hsv(h: float, s: float, v: float) -> RGB:
    r, g, b = colorsys.hsv_to_rgb(h % 1.0, max(0.0, min(1.0, s)), max(0.0, min(1.0, v)))
    return (round(r * 255), round(g * 255), round(b * 255))


def _mix(a: RGB, b: RGB, t: float) -> RGB:
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


@lru_cache(maxsize=1)
def _font_path() -> Path | None:
    return next((path for path in FONT_CANDIDATES if path.exists()), None)


@lru_cache(maxsize=32)
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """A system font with Polish glyphs if there is one, else Pillow's built-in font."""
    path = _font_path()
    if path is not None:
        return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size=size)


_ASCII_FALLBACK = str.maketrans({"ł": "l", "Ł": "L", "×": "x", "–": "-", "—": "-", "²": "2"})


def _printable(text: str) -> str:
    """Text as the chosen font can draw it.

    Pillow's built-in font is ASCII-only, so without a system font 'Miód' would show as a
    box; transliterating to 'Miod' keeps the title readable on minimal servers.
    """
    if _font_path() is not None:
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_ASCII_FALLBACK))
    return "".join(c for c in decomposed if c.isascii())


class _Palette:
    """Colours derived from the seed: a soft background and accents that suit it."""

    def __init__(self, seed: str) -> None:
        d = _digest(seed)
        self.digest = d
        hue = (d[0] * 256 + d[1]) / 65536
        self.hue = hue
        self.background = _hsv(hue, 0.14 + d[2] / 255 * 0.10, 0.96)
        self.blob = _hsv(hue, 0.22 + d[2] / 255 * 0.10, 0.92)
        # Accent sits roughly opposite the background hue so the icon stands out.
        self.accent = _hsv(hue + 0.45 + d[3] / 255 * 0.10, 0.55, 0.86)
        self.accent2 = _hsv(hue + 0.12 + d[4] / 255 * 0.10, 0.50, 0.93)
        self.light = _mix(self.accent, (255, 255, 255), 0.65)

    def unit(self, i: int) -> float:
        """A number in [0, 1) taken from byte i of the digest, for small variations."""
        return self.digest[i % len(self.digest)] / 256


# --- icons ------------------------------------------------------------------------------
# Each icon draws inside a square box (x0, y0, x0 + s, y0 + s) with outline width `lw`.

IconFn = Callable[[ImageDraw.ImageDraw, float, float, float, float, _Palette], None]


def _rotate(points: Sequence[Point], cx: float, cy: float, degrees: float) -> list[Point]:
    a = math.radians(degrees)
    ca, sa = math.cos(a), math.sin(a)
    return [
        (cx + (x - cx) * ca - (y - cy) * sa, cy + (x - cx) * sa + (y - cy) * ca) for x, y in points
    ]


def _trapezoid(
    cx: float, top: float, bottom: float, top_half: float, bottom_half: float
) -> list[Point]:
    """A shape symmetric about `cx`, as wide as twice the half widths at its top and bottom."""
    return [
        (cx - top_half, top),
        (cx + top_half, top),
        (cx + bottom_half, bottom),
        (cx - bottom_half, bottom),
    ]


def _leaf(base: Point, angle: float, length: float, width: float) -> list[Point]:
    """Points of a pointed leaf starting at `base` and growing in direction `angle`."""
    bx, by = base
    dx, dy = math.cos(math.radians(angle)), -math.sin(math.radians(angle))
    nx, ny = -dy, dx
    left, right = [], []
    for i in range(17):
        t = i / 16
        w = math.sin(math.pi * t) * width / 2
        px, py = bx + dx * length * t, by + dy * length * t
        left.append((px + nx * w, py + ny * w))
        right.append((px - nx * w, py - ny * w))
    return left + right[::-1]


def _flower(
    draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float, pal: _Palette, lw: float
) -> None:
    petal = r * 0.55
    for k in range(6):
        a = math.radians(k * 60 + 15)
        px, py = cx + math.cos(a) * r * 0.6, cy + math.sin(a) * r * 0.6
        draw.ellipse(
            (px - petal, py - petal, px + petal, py + petal),
            fill=pal.accent2,
            outline=OUTLINE,
            width=lw,
        )
    c = r * 0.42
    draw.ellipse((cx - c, cy - c, cx + c, cy + c), fill=(246, 196, 72), outline=OUTLINE, width=lw)


def _icon_jar(
    draw: ImageDraw.ImageDraw, x: float, y: float, s: float, lw: float, pal: _Palette
) -> None:
    cx = x + s / 2
    draw.rounded_rectangle(
        (cx - 0.30 * s, y + 0.26 * s, cx + 0.30 * s, y + 0.97 * s),
        radius=0.10 * s,
        fill=pal.accent,
        outline=OUTLINE,
        width=lw,
    )
    draw.rectangle(
        (cx - 0.24 * s, y + 0.19 * s, cx + 0.24 * s, y + 0.29 * s),
        fill=pal.accent,
        outline=OUTLINE,
        width=lw,
    )
    # gingham cloth over the lid
    lid = (cx - 0.34 * s, y + 0.05 * s, cx + 0.34 * s, y + 0.22 * s)
    draw.rounded_rectangle(lid, radius=0.04 * s, fill=PAPER, outline=OUTLINE, width=lw)
    step = 0.085 * s
    for i in range(1, 8):
        gx = lid[0] + i * step
        draw.line(
            (gx, lid[1] + lw, gx, lid[3] - lw), fill=pal.accent2, width=max(1, round(0.035 * s))
        )
    draw.line(
        (lid[0] + lw, (lid[1] + lid[3]) / 2, lid[2] - lw, (lid[1] + lid[3]) / 2),
        fill=pal.accent2,
        width=max(1, round(0.035 * s)),
    )
    # label with a fruit
    draw.rounded_rectangle(
        (cx - 0.21 * s, y + 0.50 * s, cx + 0.21 * s, y + 0.78 * s),
        radius=0.03 * s,
        fill=PAPER,
        outline=OUTLINE,
        width=max(1, lw // 2),
    )
    r = 0.07 * s
    fy = y + 0.645 * s
    draw.ellipse(
        (cx - r, fy - r, cx + r, fy + r), fill=(214, 72, 72), outline=OUTLINE, width=max(1, lw // 2)
    )
    draw.polygon(_leaf((cx, fy - r), 55, 0.09 * s, 0.05 * s), fill=(96, 160, 88), outline=OUTLINE)
    # glass highlight
    draw.rounded_rectangle(
        (cx - 0.24 * s, y + 0.34 * s, cx - 0.19 * s, y + 0.88 * s), radius=0.02 * s, fill=pal.light
    )


def _icon_vase(
    draw: ImageDraw.ImageDraw, x: float, y: float, s: float, lw: float, pal: _Palette
) -> None:
    cx = x + s / 2
    top, bottom = y + 0.12 * s, y + 0.97 * s

    def half_width(t: float) -> float:
        belly = 0.25 * math.exp(-(((t - 0.62) / 0.24) ** 2))
        rim = 0.05 * math.exp(-((t / 0.05) ** 2))
        return s * (0.11 + belly + rim + 0.04 * t)

    n = 48
    ts = [i / n for i in range(n + 1)]
    left = [(cx - half_width(t), top + (bottom - top) * t) for t in ts]
    right = [(cx + half_width(t), top + (bottom - top) * t) for t in reversed(ts)]
    # a few stems with flowers behind the vase
    for k, (dx, h) in enumerate(((-0.17, 0.02), (0.0, -0.06), (0.16, 0.04))):
        fx, fy = cx + dx * s, y + h * s + 0.06 * s
        draw.line((cx + dx * 0.3 * s, top + 0.05 * s, fx, fy), fill=(88, 140, 80), width=lw)
        color = pal.accent2 if k != 1 else (246, 196, 72)
        r = 0.055 * s
        draw.ellipse(
            (fx - r, fy - r, fx + r, fy + r), fill=color, outline=OUTLINE, width=max(1, lw // 2)
        )
    draw.polygon(left + right, fill=pal.accent, outline=OUTLINE, width=lw)
    for t in (0.42, 0.80):
        yy = top + (bottom - top) * t
        hw = half_width(t) - lw
        draw.line((cx - hw, yy, cx + hw, yy), fill=PAPER, width=max(1, round(lw * 1.2)))
    t = 0.61
    yy = top + (bottom - top) * t
    hw = half_width(t) * 0.75
    r = 0.03 * s
    for i in range(5):
        xx = cx - hw + i * hw / 2
        draw.ellipse((xx - r, yy - r, xx + r, yy + r), fill=pal.accent2, outline=OUTLINE, width=1)


def _icon_mug(
    draw: ImageDraw.ImageDraw, x: float, y: float, s: float, lw: float, pal: _Palette
) -> None:
    cx = x + s * 0.44
    body = (cx - 0.28 * s, y + 0.34 * s, cx + 0.24 * s, y + 0.95 * s)
    handle = (cx + 0.10 * s, y + 0.46 * s, cx + 0.44 * s, y + 0.82 * s)
    w = round(0.09 * s)
    draw.arc(handle, -90, 90, fill=OUTLINE, width=w)
    inner = (handle[0] + lw, handle[1] + lw, handle[2] - lw, handle[3] - lw)
    draw.arc(inner, -90, 90, fill=pal.accent, width=max(1, w - 2 * lw))
    draw.rounded_rectangle(body, radius=0.07 * s, fill=pal.accent, outline=OUTLINE, width=lw)
    draw.rounded_rectangle(
        (body[0] + lw, body[1] + 0.14 * s, body[2] - lw, body[1] + 0.22 * s), radius=0, fill=PAPER
    )
    r = 0.03 * s
    for i in range(4):
        xx = body[0] + 0.09 * s + i * 0.115 * s
        yy = body[1] + 0.36 * s
        draw.ellipse((xx - r, yy - r, xx + r, yy + r), fill=pal.accent2, outline=OUTLINE, width=1)
    # steam
    for k in range(3):
        sx = cx - 0.14 * s + k * 0.12 * s
        pts = [
            (sx + math.sin(i / 6 * math.pi * 2) * 0.025 * s, y + 0.28 * s - i / 6 * 0.22 * s)
            for i in range(7)
        ]
        draw.line(pts, fill=OUTLINE, width=max(1, lw // 2), joint="curve")


def _icon_bag(
    draw: ImageDraw.ImageDraw, x: float, y: float, s: float, lw: float, pal: _Palette
) -> None:
    cx = x + s / 2
    w = round(0.05 * s)
    handle = (cx - 0.18 * s, y + 0.06 * s, cx + 0.18 * s, y + 0.62 * s)
    draw.arc(handle, 180, 360, fill=OUTLINE, width=w)
    draw.arc(
        (handle[0] + lw, handle[1] + lw, handle[2] - lw, handle[3] - lw),
        180,
        360,
        fill=pal.light,
        width=max(1, w - 2 * lw),
    )
    body = _trapezoid(cx, y + 0.34 * s, y + 0.97 * s, 0.32 * s, 0.37 * s)
    draw.polygon(body, fill=(232, 220, 196), outline=OUTLINE, width=lw)
    # stitched hem
    yy = y + 0.41 * s
    dash = 0.04 * s
    xx = cx - 0.29 * s
    while xx < cx + 0.28 * s:
        draw.line((xx, yy, min(xx + dash, cx + 0.29 * s), yy), fill=OUTLINE, width=max(1, lw // 2))
        xx += dash * 1.8
    _flower(draw, cx, y + 0.67 * s, 0.15 * s, pal, max(1, lw // 2))
    draw.polygon(
        _leaf((cx - 0.08 * s, y + 0.78 * s), 200, 0.16 * s, 0.07 * s),
        fill=(96, 160, 88),
        outline=OUTLINE,
    )
    draw.polygon(
        _leaf((cx + 0.08 * s, y + 0.78 * s), -20, 0.16 * s, 0.07 * s),
        fill=(96, 160, 88),
        outline=OUTLINE,
    )


def _icon_plant(
    draw: ImageDraw.ImageDraw, x: float, y: float, s: float, lw: float, pal: _Palette
) -> None:
    cx = x + s / 2
    green, dark_green = (108, 172, 92), (70, 128, 66)
    draw.line((cx, y + 0.66 * s, cx, y + 0.17 * s), fill=dark_green, width=round(lw * 1.6))
    for base_y, ang, length in (
        (0.55, 150, 0.30),
        (0.50, 30, 0.30),
        (0.38, 145, 0.22),
        (0.34, 35, 0.22),
    ):
        draw.polygon(
            _leaf((cx, y + base_y * s), ang, length * s, 0.12 * s),
            fill=green,
            outline=OUTLINE,
            width=max(1, lw // 2),
        )
    _flower(draw, cx, y + 0.15 * s, 0.13 * s, pal, max(1, lw // 2))
    pot = _trapezoid(cx, y + 0.68 * s, y + 0.97 * s, 0.25 * s, 0.19 * s)
    draw.polygon(pot, fill=(200, 112, 76), outline=OUTLINE, width=lw)
    draw.rounded_rectangle(
        (cx - 0.29 * s, y + 0.62 * s, cx + 0.29 * s, y + 0.72 * s),
        radius=0.02 * s,
        fill=(214, 128, 90),
        outline=OUTLINE,
        width=lw,
    )


def _icon_plate(
    draw: ImageDraw.ImageDraw, x: float, y: float, s: float, lw: float, pal: _Palette
) -> None:
    cx, cy = x + s / 2, y + s * 0.55
    r = 0.36 * s
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=PAPER, outline=OUTLINE, width=lw)
    r2 = 0.26 * s
    draw.ellipse(
        (cx - r2, cy - r2, cx + r2, cy + r2), fill=pal.light, outline=OUTLINE, width=max(1, lw // 2)
    )
    # a salad: leaves and tomatoes
    for ang in (200, 320, 80):
        draw.polygon(
            _leaf((cx, cy), ang, 0.17 * s, 0.09 * s), fill=(108, 172, 92), outline=OUTLINE, width=1
        )
    for dx, dy in ((-0.07, -0.06), (0.08, 0.02), (-0.02, 0.09)):
        rr = 0.045 * s
        px, py = cx + dx * s, cy + dy * s
        draw.ellipse(
            (px - rr, py - rr, px + rr, py + rr), fill=(222, 80, 70), outline=OUTLINE, width=1
        )
    # fork (left) and knife (right)
    fx = cx - 0.47 * s
    draw.rounded_rectangle(
        (fx - 0.022 * s, cy - 0.05 * s, fx + 0.022 * s, cy + 0.40 * s),
        radius=0.02 * s,
        fill=(190, 196, 206),
        outline=OUTLINE,
        width=max(1, lw // 2),
    )
    draw.rounded_rectangle(
        (fx - 0.06 * s, cy - 0.12 * s, fx + 0.06 * s, cy - 0.03 * s),
        radius=0.02 * s,
        fill=(190, 196, 206),
        outline=OUTLINE,
        width=max(1, lw // 2),
    )
    for k in (-1, 0, 1):
        tx = fx + k * 0.04 * s
        draw.rounded_rectangle(
            (tx - 0.012 * s, cy - 0.34 * s, tx + 0.012 * s, cy - 0.10 * s),
            radius=0.01 * s,
            fill=(190, 196, 206),
            outline=OUTLINE,
            width=1,
        )
    kx = cx + 0.47 * s
    blade = [
        (kx - 0.03 * s, cy - 0.02 * s),
        (kx - 0.03 * s, cy - 0.30 * s),
        (kx + 0.01 * s, cy - 0.36 * s),
        (kx + 0.045 * s, cy - 0.30 * s),
        (kx + 0.03 * s, cy - 0.02 * s),
    ]
    draw.polygon(blade, fill=(210, 214, 222), outline=OUTLINE, width=max(1, lw // 2))
    draw.rounded_rectangle(
        (kx - 0.035 * s, cy - 0.04 * s, kx + 0.035 * s, cy + 0.40 * s),
        radius=0.03 * s,
        fill=pal.accent,
        outline=OUTLINE,
        width=max(1, lw // 2),
    )


def _icon_bucket(
    draw: ImageDraw.ImageDraw, x: float, y: float, s: float, lw: float, pal: _Palette
) -> None:
    cx = x + s / 2
    # foam bubbles behind the rim
    for dx, dy, rr in (
        (-0.16, 0.30, 0.09),
        (0.0, 0.25, 0.11),
        (0.17, 0.30, 0.08),
        (0.26, 0.14, 0.05),
        (-0.25, 0.16, 0.04),
        (0.08, 0.08, 0.045),
    ):
        px, py, r = cx + dx * s, y + dy * s, rr * s
        draw.ellipse(
            (px - r, py - r, px + r, py + r),
            fill=(232, 244, 252),
            outline=OUTLINE,
            width=max(1, lw // 2),
        )
    draw.arc(
        (cx - 0.30 * s, y + 0.10 * s, cx + 0.30 * s, y + 0.70 * s), 200, 340, fill=OUTLINE, width=lw
    )
    body = _trapezoid(cx, y + 0.38 * s, y + 0.97 * s, 0.34 * s, 0.25 * s)
    draw.polygon(body, fill=pal.accent, outline=OUTLINE, width=lw)
    draw.rounded_rectangle(
        (cx - 0.37 * s, y + 0.34 * s, cx + 0.37 * s, y + 0.42 * s),
        radius=0.03 * s,
        fill=pal.accent2,
        outline=OUTLINE,
        width=lw,
    )
    band = _trapezoid(cx, y + 0.60 * s, y + 0.68 * s, 0.305 * s, 0.29 * s)
    draw.polygon(band, fill=PAPER)


def _icon_sheets(
    draw: ImageDraw.ImageDraw, x: float, y: float, s: float, lw: float, pal: _Palette
) -> None:
    cx, cy = x + s / 2, y + s * 0.53
    w, h = 0.30 * s, 0.40 * s
    rect = [(cx - w, cy - h), (cx + w, cy - h), (cx + w, cy + h), (cx - w, cy + h)]
    for angle, fill in ((-12, pal.light), (-5, (236, 236, 232)), (3, PAPER)):
        draw.polygon(_rotate(rect, cx, cy, angle), fill=fill, outline=OUTLINE, width=lw)

    # content of the top sheet: heading block, picture, lines of text
    def box(x0: float, y0: float, x1: float, y1: float) -> list[Point]:
        return _rotate([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], cx, cy, 3)

    draw.polygon(box(cx - 0.22 * s, cy - 0.32 * s, cx + 0.22 * s, cy - 0.22 * s), fill=pal.accent)
    draw.polygon(
        box(cx - 0.22 * s, cy - 0.16 * s, cx - 0.02 * s, cy + 0.04 * s),
        fill=pal.accent2,
        outline=OUTLINE,
        width=1,
    )
    for i in range(4):
        yy = cy - 0.15 * s + i * 0.055 * s
        draw.polygon(box(cx + 0.03 * s, yy, cx + 0.22 * s, yy + 0.02 * s), fill=(170, 174, 184))
    for i in range(4):
        yy = cy + 0.10 * s + i * 0.055 * s
        x1 = cx + (0.22 if i < 3 else 0.05) * s
        draw.polygon(box(cx - 0.22 * s, yy, x1, yy + 0.02 * s), fill=(170, 174, 184))


def _icon_house(
    draw: ImageDraw.ImageDraw, x: float, y: float, s: float, lw: float, pal: _Palette
) -> None:
    cx = x + s * 0.44
    draw.rectangle(
        (cx + 0.14 * s, y + 0.14 * s, cx + 0.22 * s, y + 0.36 * s),
        fill=(180, 96, 80),
        outline=OUTLINE,
        width=lw,
    )
    draw.rectangle(
        (cx - 0.30 * s, y + 0.46 * s, cx + 0.30 * s, y + 0.97 * s),
        fill=PAPER,
        outline=OUTLINE,
        width=lw,
    )
    roof = [(cx - 0.40 * s, y + 0.48 * s), (cx, y + 0.10 * s), (cx + 0.40 * s, y + 0.48 * s)]
    draw.polygon(roof, fill=(200, 90, 74), outline=OUTLINE, width=lw)
    draw.rounded_rectangle(
        (cx - 0.20 * s, y + 0.66 * s, cx - 0.04 * s, y + 0.97 * s),
        radius=0.02 * s,
        fill=pal.accent,
        outline=OUTLINE,
        width=lw,
    )
    win = (cx + 0.04 * s, y + 0.60 * s, cx + 0.21 * s, y + 0.77 * s)
    draw.rectangle(win, fill=(196, 226, 244), outline=OUTLINE, width=lw)
    draw.line(
        ((win[0] + win[2]) / 2, win[1], (win[0] + win[2]) / 2, win[3]),
        fill=OUTLINE,
        width=max(1, lw // 2),
    )
    draw.line(
        (win[0], (win[1] + win[3]) / 2, win[2], (win[1] + win[3]) / 2),
        fill=OUTLINE,
        width=max(1, lw // 2),
    )
    # paint roller leaning on the wall
    rx = cx + 0.42 * s
    draw.line((rx, y + 0.96 * s, rx, y + 0.52 * s), fill=OUTLINE, width=round(lw * 1.3))
    draw.line(
        (rx, y + 0.52 * s, rx - 0.06 * s, y + 0.52 * s, rx - 0.06 * s, y + 0.45 * s),
        fill=OUTLINE,
        width=lw,
        joint="curve",
    )
    draw.rounded_rectangle(
        (rx - 0.17 * s, y + 0.37 * s, rx + 0.05 * s, y + 0.46 * s),
        radius=0.03 * s,
        fill=pal.accent2,
        outline=OUTLINE,
        width=lw,
    )


def _icon_mountains(
    draw: ImageDraw.ImageDraw, x: float, y: float, s: float, lw: float, pal: _Palette
) -> None:
    r = 0.12 * s
    sx, sy = x + 0.78 * s, y + 0.22 * s
    draw.ellipse((sx - r, sy - r, sx + r, sy + r), fill=(248, 200, 80), outline=OUTLINE, width=lw)
    back = [
        (x + 0.30 * s, y + 0.90 * s),
        (x + 0.62 * s, y + 0.30 * s),
        (x + 0.98 * s, y + 0.90 * s),
    ]
    draw.polygon(back, fill=(132, 150, 170), outline=OUTLINE, width=lw)
    front = [
        (x + 0.02 * s, y + 0.90 * s),
        (x + 0.34 * s, y + 0.40 * s),
        (x + 0.66 * s, y + 0.90 * s),
    ]
    draw.polygon(front, fill=(104, 156, 108), outline=OUTLINE, width=lw)
    draw.rectangle(
        (x, y + 0.88 * s, x + s, y + 0.97 * s), fill=(150, 196, 120), outline=OUTLINE, width=lw
    )
    for tx, th in ((0.14, 0.22), (0.24, 0.28), (0.80, 0.24)):
        bx, by = x + tx * s, y + 0.90 * s
        tree = [(bx - 0.06 * s, by), (bx, by - th * s), (bx + 0.06 * s, by)]
        draw.polygon(tree, fill=(52, 112, 72), outline=OUTLINE, width=max(1, lw // 2))


def _icon_circle(
    draw: ImageDraw.ImageDraw, x: float, y: float, s: float, lw: float, pal: _Palette
) -> None:
    cx, cy, r = x + s / 2, y + s / 2, 0.38 * s
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=pal.accent, outline=OUTLINE, width=lw)
    r2 = 0.18 * s
    draw.ellipse((cx - r2, cy - r2, cx + r2, cy + r2), fill=pal.accent2, outline=OUTLINE, width=lw)


ICONS: dict[str, IconFn] = {
    "food": _icon_jar,
    "crafts": _icon_vase,
    "ceramics": _icon_mug,
    "textiles": _icon_bag,
    "gardening": _icon_plant,
    "catering": _icon_plate,
    "cleaning": _icon_bucket,
    "printing": _icon_sheets,
    "renovation": _icon_house,
    "tourism": _icon_mountains,
}


# --- text -------------------------------------------------------------------------------


def _wrap(
    draw: ImageDraw.ImageDraw,
    text: str,
    font: ImageFont.FreeTypeFont | ImageFont.ImageFont,
    width: float,
) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and draw.textlength(candidate, font=font) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def _balance(
    draw: ImageDraw.ImageDraw,
    text: str,
    font: ImageFont.FreeTypeFont | ImageFont.ImageFont,
    width: float,
    count: int,
) -> list[str]:
    """Same number of lines as greedy wrapping, but evened out: no lone word on the last line."""
    low, high = width / count, width
    for _ in range(12):  # binary search for the narrowest width that keeps `count` lines
        middle = (low + high) / 2
        if len(_wrap(draw, text, font, middle)) <= count:
            high = middle
        else:
            low = middle
    return _wrap(draw, text, font, high)


def _fit_title(
    draw: ImageDraw.ImageDraw, title: str, width: float, height: float, start: int
) -> tuple[ImageFont.FreeTypeFont | ImageFont.ImageFont, list[str], int]:
    """Largest font (down from `start`) at which the title fits in three lines of the panel."""
    size = start
    while True:
        font = _font(size)
        lines = _wrap(draw, title, font, width)
        line_height = round(size * 1.22)
        fits = len(lines) <= 3 and line_height * len(lines) <= height
        widest = max((draw.textlength(line, font=font) for line in lines), default=0)
        if (fits and widest <= width) or size <= 10:
            return font, _balance(draw, title, font, width, len(lines))[:3], line_height
        size -= max(1, size // 12)


# --- public API -------------------------------------------------------------------------


def draw_picture(title: str, category: str, seed: str, size: tuple[int, int] = (800, 600)) -> bytes:
    """JPEG product picture: category icon on a seed-coloured background, title below.

    Why: gives every demo product a distinct, readable image without any network access
    or stored assets; `seed` (usually the SKU) decides the colours and background shapes.
    """
    out_w, out_h = size
    w, h = out_w * SUPERSAMPLE, out_h * SUPERSAMPLE
    pal = _Palette(seed)
    image = Image.new("RGB", (w, h), pal.background)
    draw = ImageDraw.Draw(image)

    # soft background blobs, placed by the seed
    for i in range(3):
        r = (0.18 + pal.unit(5 + i) * 0.22) * h
        bx = pal.unit(8 + i) * w
        by = pal.unit(11 + i) * h * 0.7
        draw.ellipse((bx - r, by - r, bx + r, by + r), fill=pal.blob)

    panel_top = round(h * 0.69)
    margin = round(min(w, h) * 0.045)

    # icon in the upper part
    icon_size = min(panel_top - 2 * margin, w * 0.55)
    ix = (w - icon_size) / 2
    iy = margin + (panel_top - margin - icon_size) / 2 - margin * 0.2
    lw = max(2, round(icon_size / 60))
    ICONS.get(category, _icon_circle)(draw, ix, iy, icon_size, lw, pal)

    # title panel: white with a coloured stripe; dark text for contrast
    panel = (margin, panel_top, w - margin, h - margin)
    draw.rounded_rectangle(panel, radius=round(margin * 0.6), fill=(255, 255, 255))
    draw.rounded_rectangle(
        (panel[0], panel[1], panel[0] + round(margin * 0.35), panel[3]),
        radius=round(margin * 0.2),
        fill=pal.accent,
    )
    pad_x = margin * 1.1
    text_w = panel[2] - panel[0] - 2 * pad_x
    text_h = panel[3] - panel[1] - margin * 0.8
    font, lines, line_height = _fit_title(draw, _printable(title), text_w, text_h, round(h * 0.07))
    block = line_height * len(lines)
    ty = panel[1] + (panel[3] - panel[1] - block) / 2
    for line in lines:
        draw.text(((w) / 2, ty + line_height / 2), line, font=font, fill=INK, anchor="mm")
        ty += line_height

    image = image.resize((out_w, out_h), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85, optimize=True)
    return buffer.getvalue()


_STOP_WORDS = {"sp", "z", "o", "non", "profit", "w", "i"}


def _initials(name: str) -> str:
    """Initials of the distinctive part of a PES name: the quoted brand if there is one.

    'Spółdzielnia Socjalna "Smaki Ponidzia"' -> 'SP'; 'Gród Sandomierski Sp. z o.o.' -> 'GS'.
    """
    quoted = re.search(r"[\"„“”](.+?)[\"“”]", name)
    text = quoted.group(1) if quoted else name
    words = [word for word in re.findall(r"[^\W\d_]+", text) if word.lower() not in _STOP_WORDS]
    return "".join(word[0].upper() for word in words[:2]) or "?"


def draw_logo(name: str, seed: str, size: int = 256) -> bytes:
    """PNG round badge with the entity's initials, on a transparent background.

    Why: PES pages and partner listings need a logo; a coloured monogram is recognisable
    and stays deterministic for a given `seed` (usually the PES slug).
    """
    s = size * SUPERSAMPLE
    pal = _Palette(seed)
    image = Image.new("RGBA", (s, s), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    fill = _hsv(pal.hue + 0.45 + pal.unit(3) * 0.10, 0.55, 0.52)  # dark enough for white text
    ring = _mix(fill, (255, 255, 255), 0.75)
    pad = round(s * 0.02)
    draw.ellipse((pad, pad, s - pad, s - pad), fill=fill)
    inset = round(s * 0.07)
    draw.ellipse((inset, inset, s - inset, s - inset), outline=ring, width=max(2, round(s * 0.018)))
    initials = _printable(_initials(name))
    font = _font(round(s * (0.40 if len(initials) < 2 else 0.34)))
    draw.text((s / 2, s / 2), initials, font=font, fill=(255, 255, 255), anchor="mm")
    image = image.resize((size, size), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


if __name__ == "__main__":
    out = Path("/tmp/demo-pictures")  # noqa: S108 - a preview for a developer, nothing read back
    out.mkdir(parents=True, exist_ok=True)
    samples = (
        ("Miód wielokwiatowy 400 g", "food", "SMP-MIOD-01"),
        ("Torba lniana haftowana", "textiles", "NIT-TORB-01"),
        ("Catering na spotkanie do 30 osób", "catering", "KSP-CATE-01"),
    )
    for title, category, seed in samples:
        (out / f"{seed}.jpg").write_bytes(draw_picture(title, category, seed))
    (out / "logo-smaki-ponidzia.png").write_bytes(
        draw_logo('Spółdzielnia Socjalna "Smaki Ponidzia"', "smaki-ponidzia")
    )
    print(f"wrote {len(samples)} pictures and a logo to {out}")
