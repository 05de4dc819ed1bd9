"""Make scanned notices for tests: text laid out on A4 page images (justified paragraphs with a
first-line indent, a centred header, page numbers from page 2), then slightly skewed and speckled
like a scanner's output, saved as an image-only PDF or as image files."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont

DPI = 300
PAGE = (2480, 3508)  # A4 at 300 dpi
MARGIN = (236, 177, 177, 177)  # left 2 cm, top, right, bottom 1.5 cm
FONTS = [  # (regular, bold) with Vietnamese glyphs: Debian fonts-dejavu-core
    ("dejavu/DejaVuSerif.ttf", "dejavu/DejaVuSerif-Bold.ttf"),
]
FONT_DIR = Path("/usr/share/fonts/truetype")


def font(size_pt: float, bold: bool = False) -> ImageFont.FreeTypeFont:
    """A Vietnamese-capable serif at `size_pt` points on a 300 dpi page."""
    for regular, heavy in FONTS:
        path = FONT_DIR / (heavy if bold else regular)
        if path.exists():
            return ImageFont.truetype(str(path), round(size_pt * DPI / 72))
    pytest.skip("no Vietnamese TTF font: install fonts-dejavu-core (make install-dev does)")


def layout(text: str, size_pt: float = 10.0, centred: int = 4) -> list[Image.Image]:
    """Clean page images of `text` (paragraphs a blank line apart; lines inside a paragraph
    kept, as in a signature block); the first `centred` short paragraphs are the header. Each
    image's info["text"] is the text drawn on it."""
    regular, bold = font(size_pt), font(size_pt, bold=True)
    line_height = round(size_pt * DPI / 72 * 1.35)
    width = PAGE[0] - MARGIN[0] - MARGIN[2]
    pages: list[Image.Image] = []
    draw: ImageDraw.ImageDraw | None = None
    y = PAGE[1]
    for n, para in enumerate(p for p in text.split("\n\n") if p.strip()):
        heading = (n < centred and len(para) < 200) or para.isupper()
        face = bold if heading and n >= 2 else regular
        for source_line in para.split("\n"):
            lines = _wrap(source_line, face, width, indent=0 if heading else 118)
            for i, (words, last) in enumerate(lines):
                if draw is None or y + line_height > PAGE[1] - MARGIN[3]:
                    pages.append(Image.new("L", PAGE, 255))
                    draw = ImageDraw.Draw(pages[-1])
                    y = MARGIN[1]
                    if len(pages) > 1:
                        _centre(draw, str(len(pages)), regular, y, width)
                        y += 2 * line_height
                pages[-1].info["text"] = pages[-1].info.get("text", "") + " " + " ".join(words)
                if heading:
                    _centre(draw, " ".join(words), face, y, width)
                else:
                    x0 = MARGIN[0] + (118 if i == 0 and "\n" not in para else 0)
                    _justify(draw, words, face, x0, y, MARGIN[0] + width, last)
                y += line_height
        y += line_height // 3
    return pages


def _wrap(
    line: str, face: ImageFont.FreeTypeFont, width: int, indent: int
) -> list[tuple[list[str], bool]]:
    out: list[tuple[list[str], bool]] = []
    words: list[str] = []
    room = width - indent
    for word in line.split():
        if words and face.getlength(" ".join([*words, word])) > room:
            out.append((words, False))
            words, room = [], width
        words.append(word)
    if words:
        out.append((words, True))
    return out


def _centre(draw: ImageDraw.ImageDraw, text: str, face, y: int, width: int) -> None:
    x = MARGIN[0] + (width - face.getlength(text)) / 2
    draw.text((x, y), text, font=face, fill=0)


def _justify(draw, words: list[str], face, x0: float, y: int, right: int, last: bool) -> None:
    if last or len(words) == 1:
        draw.text((x0, y), " ".join(words), font=face, fill=0)
        return
    gap = (right - x0 - sum(face.getlength(w) for w in words)) / (len(words) - 1)
    x = x0
    for word in words:
        draw.text((x, y), word, font=face, fill=0)
        x += face.getlength(word) + gap


def scanned(pages: list[Image.Image], seed: int = 0, skew: float = 0.8) -> list[Image.Image]:
    """Each page turned a little (alternating directions), softened and speckled."""
    rng = np.random.default_rng(seed)
    out = []
    for i, page in enumerate(pages):
        angle = skew * (1 if i % 2 == 0 else -0.7)
        page = page.rotate(angle, Image.Resampling.BICUBIC, fillcolor=255)
        pixels = np.array(page.filter(ImageFilter.GaussianBlur(0.6)))
        pixels[pixels > 200] -= 14  # grey paper
        ys, xs = (
            rng.integers(0, pixels.shape[0] - 1, 2000),
            rng.integers(0, pixels.shape[1] - 1, 2000),
        )
        pixels[ys, xs] = rng.integers(40, 120, len(ys))  # dust
        pixels[ys[::2] + 1, xs[::2]] = 90
        out.append(Image.fromarray(pixels))
    return out


def save_pdf(pages: list[Image.Image], path: Path) -> Path:
    """An image-only PDF: no text layer at all."""
    pages[0].save(path, "PDF", resolution=DPI, save_all=True, append_images=pages[1:])
    return path
