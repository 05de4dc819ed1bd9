"""One run of the `tesseract` program on an image, and its word boxes (TSV) grouped into lines.

Kept apart from the page logic (ingest/ocr.py) so the table reader (ingest/ocr_tables.py) can run
tesseract on its own images without importing the page reader.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
from dataclasses import dataclass

from PIL import Image

_SPECK_CONFIDENCE = 60.0  # a punctuation-only "word" read with less confidence is dust


class OcrError(Exception):
    """A file cannot be OCR'd; the message (Vietnamese) says why and what to do."""


@dataclass
class OcrLine:
    """One line as read: its text, left and right edge and height in points."""

    text: str
    x0: float
    x1: float
    height: float


@dataclass
class Word:
    left: int
    right: int
    text: str
    glued: bool = False  # written without a space before it (a dot leader after "tên:")


@dataclass
class TsvLine:
    """A line in pixels of the image read, with its words' mean confidence."""

    words: list[Word]
    top: int
    bottom: int
    confidence: float

    @property
    def text(self) -> str:
        return "".join(
            ("" if w.glued or i == 0 else " ") + w.text for i, w in enumerate(self.words)
        )

    @property
    def left(self) -> int:
        return min(w.left for w in self.words)

    @property
    def right(self) -> int:
        return max(w.right for w in self.words)

    def scaled(self, scale: float) -> OcrLine:
        height = (self.bottom - self.top) * scale
        return OcrLine(self.text, self.left * scale, self.right * scale, height)


def run_tesseract(image: Image.Image, lang: str, psm: int, dpi: int | None) -> str:
    """Tesseract's TSV for `image` (grey), read with page segmentation mode `psm`."""
    buf = io.BytesIO()
    image.save(buf, "PPM")  # uncompressed: the cheapest format for tesseract to read from stdin
    cmd = ["tesseract", "stdin", "stdout", "-l", lang, "--psm", str(psm)]
    cmd += ["-c", "tessedit_do_invert=0"] + (["--dpi", str(dpi)] if dpi else []) + ["tsv"]
    return _run(cmd, buf.getvalue())


def orientation(image: Image.Image, dpi: int | None) -> tuple[int, float]:
    """Degrees (0, 90, 180, 270) to turn the page counter-clockwise so its text stands upright,
    and tesseract's confidence in that (its OSD model, osd.traineddata)."""
    buf = io.BytesIO()
    image.save(buf, "PPM")
    cmd = ["tesseract", "stdin", "stdout", "--psm", "0"] + (["--dpi", str(dpi)] if dpi else [])
    try:
        out = _run(cmd, buf.getvalue())
    except OcrError:
        return 0, 0.0  # too little text to tell, or no OSD model: read the page as it stands
    rotate = re.search(r"Rotate:\s*(\d+)", out)
    confidence = re.search(r"Orientation confidence:\s*([\d.]+)", out)
    if rotate is None or confidence is None:
        return 0, 0.0
    return (360 - int(rotate.group(1))) % 360, float(confidence.group(1))


def _run(cmd: list[str], data: bytes) -> str:
    try:
        proc = subprocess.run(cmd, input=data, capture_output=True, timeout=600, env=env())
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise OcrError(f"tesseract không chạy được ({exc})") from exc
    if proc.returncode != 0:
        message = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:]
        raise OcrError(f"tesseract lỗi: {' '.join(message) or proc.returncode}")
    return proc.stdout.decode("utf-8", "replace")


def tsv_lines(tsv: str) -> list[TsvLine]:
    """Words grouped into lines by tesseract's (block, paragraph, line) numbers, in its reading
    order. Specks read as punctuation ("_", "'" with low confidence) and lines without a letter or
    digit are dropped."""
    words: dict[tuple[str, str, str], list[tuple[int, int, int, int, float, str]]] = {}
    for row in tsv.splitlines()[1:]:
        f = row.split("\t")
        if len(f) < 12 or f[0] != "5" or not f[11].strip():
            continue
        conf = float(f[10])
        if conf < _SPECK_CONFIDENCE and not any(c.isalnum() for c in f[11]):
            continue
        left, top, width, height = (int(v) for v in f[6:10])
        key = (f[2], f[3], f[4])
        words.setdefault(key, []).append((left, top, width, height, conf, f[11].strip()))
    lines = []
    for line in words.values():
        if not any(c.isalnum() for w in line for c in w[5]):
            continue
        lines.append(
            TsvLine(
                [Word(w[0], w[0] + w[2], w[5]) for w in line],
                min(w[1] for w in line),
                max(w[1] + w[3] for w in line),
                sum(w[4] for w in line) / len(line),
            )
        )
    return lines


def lines_from_tsv(tsv: str, scale: float) -> list[OcrLine]:
    """The lines of a TSV in points (`scale` points per pixel)."""
    return [line.scaled(scale) for line in tsv_lines(tsv)]


def mean_confidence(lines: list[TsvLine]) -> float:
    """Tesseract's confidence over the page's words (0 for a page with none)."""
    words = sum(len(line.words) for line in lines)
    return sum(line.confidence * len(line.words) for line in lines) / words if words else 0.0


def env() -> dict[str, str]:
    """The child's environment: one thread per tesseract, since pages run side by side."""
    return {**os.environ, "OMP_THREAD_LIMIT": "1"}
