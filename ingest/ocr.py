"""OCR of page images with Tesseract's Vietnamese model (Debian tesseract-ocr, tesseract-ocr-vie).

Each page is deskewed and read by the `tesseract` program with its word boxes (TSV), so an OCR'd
line carries the same geometry the text-layer reader rebuilds paragraphs from. Pages are read
`workers` at a time, each by its own tesseract process limited to one thread: both cores busy,
none oversubscribed. What a page reads is cached under the file's content hash, so a re-ingest
or a restart never OCRs the same file twice.
"""

from __future__ import annotations

import functools
import io
import json
import os
import shutil
import subprocess
import threading
import uuid
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageSequence, UnidentifiedImageError

from core.settings import Settings
from ingest.deskew import deskew, to_gray

OCR_VERSION = 1  # bump when what a cached page holds changes
A4_WIDTH_PT = 595.0  # an image file's page is taken to be A4 wide, to measure indents in points
_SPECK_CONFIDENCE = 60.0  # a punctuation-only "word" read with less confidence is dust
Progress = Callable[[int, int], None]  # (pages done, pages to read) of the current file
Render = Callable[[int], "Page"]  # page index → the page's image and its scale


class OcrError(Exception):
    """A file cannot be OCR'd; the message (Vietnamese) says why and what to do."""


@dataclass(frozen=True)
class OcrConfig:
    enabled: bool = True
    max_pages: int = 200
    workers: int = 2
    cache_dir: Path | None = None
    dpi: int = 300
    lang: str = "vie"

    @classmethod
    def from_settings(cls, settings: Settings) -> OcrConfig:
        return cls(
            enabled=settings.ocr,
            max_pages=settings.ocr_max_pages,
            workers=settings.ocr_workers,
            cache_dir=settings.data_dir / "ocr_cache",
        )


@dataclass
class OcrLine:
    """One line as read: its text, left and right edge and height in points."""

    text: str
    x0: float
    x1: float
    height: float


@dataclass
class Page:
    image: Image.Image
    scale: float  # points per pixel
    dpi: int | None  # None: let tesseract estimate it (an image file of unknown resolution)


class Ocr:
    """Reads the pages of the files of one ingest run; counts pages read and pages cached."""

    def __init__(self, config: OcrConfig, progress: Progress | None = None):
        self.config = config
        self.progress = progress
        self.pages_read = 0
        self.pages_cached = 0

    def check(self, pages: int) -> None:
        """Raise OcrError when `pages` pages cannot be OCR'd here (before any work is done)."""
        if not self.config.enabled:
            raise OcrError("cần OCR nhưng OCR đang tắt (CHIDAO_OCR=0)")
        if pages > self.config.max_pages:
            raise OcrError(
                f"bản quét có {pages} trang cần OCR, quá giới hạn {self.config.max_pages} trang "
                "(CHIDAO_OCR_MAX_PAGES)"
            )
        check_tesseract(self.config.lang)

    def read(self, key: str, pages: list[int], render: Render) -> dict[int, list[OcrLine]]:
        """The lines of each of `pages` (0-based), from the cache or read now; `key` names the
        file's content (its SHA-256)."""
        self.check(len(pages))
        cache = _Cache(self.config, key)
        out: dict[int, list[OcrLine]] = {}
        for page in pages:
            lines = cache.get(page)
            if lines is not None:
                out[page] = lines
                self.pages_cached += 1
        todo = [p for p in pages if p not in out]
        self._report(len(out), len(pages))
        if not todo:
            return out
        with ThreadPoolExecutor(min(self.config.workers, len(todo))) as pool:
            futures = {pool.submit(self._read_page, render, p): p for p in todo}
            pending = set(futures)
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    if future.exception() is not None:
                        for other in pending:
                            other.cancel()
                        raise future.exception()  # type: ignore[misc]
                    page = futures[future]
                    out[page] = future.result()
                    cache.put(page, out[page])
                    self.pages_read += 1
                    self._report(len(out), len(pages))
        return out

    def _read_page(self, render: Render, index: int) -> list[OcrLine]:
        page = render(index)
        return read_image(page.image, page.scale, page.dpi, self.config.lang)

    def _report(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(done, total)


def read_image(image: Image.Image, scale: float, dpi: int | None, lang: str) -> list[OcrLine]:
    """The lines of one page image, top to bottom as tesseract reads them."""
    gray = deskew(to_gray(image))
    buf = io.BytesIO()
    gray.save(buf, "PPM")  # uncompressed: the cheapest format for tesseract to read from stdin
    cmd = ["tesseract", "stdin", "stdout", "-l", lang, "--psm", "3"]
    cmd += ["-c", "tessedit_do_invert=0"] + (["--dpi", str(dpi)] if dpi else []) + ["tsv"]
    try:
        proc = subprocess.run(
            cmd, input=buf.getvalue(), capture_output=True, timeout=600, env=_env()
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise OcrError(f"tesseract không chạy được ({exc})") from exc
    if proc.returncode != 0:
        message = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:]
        raise OcrError(f"tesseract lỗi: {' '.join(message) or proc.returncode}")
    return lines_from_tsv(proc.stdout.decode("utf-8", "replace"), scale)


def lines_from_tsv(tsv: str, scale: float) -> list[OcrLine]:
    """Words grouped into lines by tesseract's (block, paragraph, line) numbers. Specks read as
    punctuation ("_", "'" with low confidence) and lines without a letter or digit are dropped."""
    words: dict[tuple[str, str, str], list[tuple[int, int, int, int, str]]] = {}
    for row in tsv.splitlines()[1:]:
        f = row.split("\t")
        if len(f) < 12 or f[0] != "5" or not f[11].strip():
            continue
        if float(f[10]) < _SPECK_CONFIDENCE and not any(c.isalnum() for c in f[11]):
            continue
        left, top, width, height = (int(v) for v in f[6:10])
        words.setdefault((f[2], f[3], f[4]), []).append((left, top, width, height, f[11].strip()))
    lines = []
    for line in words.values():
        text = " ".join(w[4] for w in line)
        if not any(c.isalnum() for c in text):
            continue
        x0, x1 = min(w[0] for w in line), max(w[0] + w[2] for w in line)
        top, bottom = min(w[1] for w in line), max(w[1] + w[3] for w in line)
        lines.append(OcrLine(text, x0 * scale, x1 * scale, (bottom - top) * scale))
    return lines


def image_renderer(data: bytes) -> tuple[int, Render]:
    """Number of pages (frames) of an image file and a function giving each one."""
    try:
        image = Image.open(io.BytesIO(data))
        image.load()
        count = getattr(image, "n_frames", 1)
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise OcrError(f"không phải ảnh hoặc ảnh hỏng ({exc})") from exc
    lock = threading.Lock()  # seeking a frame changes the shared image object

    def render(index: int) -> Page:
        with lock:
            try:
                frame = ImageSequence.Iterator(image)[index].copy()
                frame.load()
            except (OSError, ValueError) as exc:
                raise OcrError(f"ảnh hỏng ở trang {index + 1} ({exc})") from exc
        dpi = frame.info.get("dpi", (0, 0))[0]
        usable = int(dpi) if 100 <= dpi <= 1200 else None  # 72 or 96 is a default, not a scan
        return Page(frame, A4_WIDTH_PT / max(1, frame.width), usable)

    return count, render


@functools.cache
def check_tesseract(lang: str) -> None:
    """Raise OcrError naming the Debian packages when tesseract or its model is missing."""
    if shutil.which("tesseract") is None:
        raise OcrError(
            "chưa cài Tesseract OCR: cài gói Debian tesseract-ocr và tesseract-ocr-vie "
            "(apt-get install tesseract-ocr tesseract-ocr-vie; `make install` làm việc này)"
        )
    proc = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, env=_env())
    if lang not in proc.stdout.split():
        raise OcrError(
            f"Tesseract thiếu mô hình ngôn ngữ '{lang}': cài gói Debian tesseract-ocr-{lang}"
        )


def _env() -> dict[str, str]:
    """The child's environment: one thread per tesseract, since pages run side by side."""
    return {**os.environ, "OMP_THREAD_LIMIT": "1"}


class _Cache:
    """Lines of each page of one file, one JSON file per page, written atomically."""

    def __init__(self, config: OcrConfig, key: str):
        self.dir = None
        if config.cache_dir is not None:
            self.dir = (
                config.cache_dir / key[:2] / f"{key}-{config.lang}-{config.dpi}-v{OCR_VERSION}"
            )

    def get(self, page: int) -> list[OcrLine] | None:
        if self.dir is None:
            return None
        try:
            rows = json.loads((self.dir / f"{page:04d}.json").read_text(encoding="utf-8"))
            return [OcrLine(*row) for row in rows]
        except (OSError, ValueError, TypeError):
            return None

    def put(self, page: int, lines: list[OcrLine]) -> None:
        if self.dir is None:
            return
        self.dir.mkdir(parents=True, exist_ok=True)
        rows = [[line.text, line.x0, line.x1, line.height] for line in lines]
        tmp = self.dir / f".{uuid.uuid4().hex}.tmp"
        tmp.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
        tmp.replace(self.dir / f"{page:04d}.json")
