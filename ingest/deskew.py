"""Page images made ready for OCR: grey on white, and turned so text lines run level.

Tesseract reads a page turned by a degree or two much worse; a scanner or a phone turns most.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

_SEARCH_WIDTH = 1000  # the skew is searched on a copy this wide
_MAX_SKEW = 5.0  # degrees


def to_gray(image: Image.Image) -> Image.Image:
    """8-bit grey on white: transparency is flattened onto white first."""
    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(white, rgba)
    if image.mode.startswith("I;16") or image.mode in ("I", "F"):
        array = np.asarray(image, dtype=np.float64)
        top = array.max() or 1.0
        return Image.fromarray((array * (255.0 / top)).astype(np.uint8), "L")
    return image.convert("L")


def skew_angle(gray: Image.Image) -> float:
    """Degrees to rotate counter-clockwise so text lines run level: the angle whose horizontal
    projection of dark pixels is sharpest (text rows full, gaps between them empty)."""
    small = gray
    if gray.width > _SEARCH_WIDTH:
        height = max(1, round(gray.height * _SEARCH_WIDTH / gray.width))
        small = gray.resize((_SEARCH_WIDTH, height), Image.Resampling.BILINEAR)
    pixels = np.asarray(small)
    ys, xs = np.nonzero(pixels < 128)
    if len(ys) < 50:
        return 0.0
    across = xs - small.width / 2  # turn about the middle, so rows stay in place

    def sharpness(angle: float) -> float:
        rows = np.round(ys - across * np.tan(np.radians(angle))).astype(np.int64)
        counts = np.bincount(rows - rows.min())
        return float(np.square(counts.astype(np.float64)).sum())

    coarse = np.arange(-_MAX_SKEW, _MAX_SKEW + 0.01, 0.5)
    best = max(coarse, key=sharpness)
    fine = np.arange(best - 0.5, best + 0.51, 0.05)
    return float(max(fine, key=sharpness))


def deskew(gray: Image.Image) -> Image.Image:
    angle = skew_angle(gray)
    if abs(angle) < 0.1:
        return gray
    return gray.rotate(angle, Image.Resampling.BICUBIC, expand=True, fillcolor=255)
