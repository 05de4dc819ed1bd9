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
import shutil
import subprocess
import threading
import uuid
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageSequence, UnidentifiedImageError

from core.settings import Settings
from ingest.deskew import deskew, to_gray
from ingest.ocr_leaders import erase, find_leaders, put_back
from ingest.ocr_tables import blank_out, find_tables, read_cells
from ingest.ocr_tesseract import (
    OcrError,
    OcrLine,
    TsvLine,
    env,
    mean_confidence,
    orientation,
    run_tesseract,
    tsv_lines,
)
from ingest.ocr_tones import tone_model

OCR_VERSION = 4  # bump when what a cached page holds changes
A4_WIDTH_PT = 595.0  # an image file's page is taken to be A4 wide, to measure indents in points
_UPRIGHT_CONFIDENCE = 60.0  # mean word confidence under which a page may be turned
_OSD_CONFIDENCE = 2.0  # tesseract's orientation confidence needed to turn a page
Progress = Callable[[int, int], None]  # (pages done, pages to read) of the current file
Render = Callable[[int], "Page"]  # page index → the page's image and its scale


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
    """The lines of one page image in reading order. A page read with little confidence is
    checked for being turned sideways or upside down (tesseract's OSD) and read again upright."""
    gray = deskew(to_gray(image))
    lines = _read_upright(gray, dpi, lang)
    if mean_confidence(lines) < _UPRIGHT_CONFIDENCE:
        turn, sure = orientation(gray, dpi)
        if turn and sure >= _OSD_CONFIDENCE:
            again = _read_upright(deskew(gray.rotate(turn, expand=True, fillcolor=255)), dpi, lang)
            if mean_confidence(again) > mean_confidence(lines):
                lines = again
    out = [line.scaled(scale) for line in lines]
    model = tone_model()  # tone marks put right from their neighbours (ingest/ocr_tones.py)
    if model is not None:
        for line, text in zip(out, model.correct_lines([line.text for line in out]), strict=True):
            line.text = text
    return out


def _read_upright(gray: Image.Image, dpi: int | None, lang: str) -> list[TsvLine]:
    """Ruled tables cell by cell (ingest/ocr_tables.py), the rest of the page as tesseract
    lays it out (--psm 3); each table's lines go where the table stands on the page. Dot
    leaders are counted on the image, not read (ingest/ocr_leaders.py)."""
    leaders = find_leaders(gray, dpi or 300)
    gray = erase(gray, leaders)
    tables = find_tables(np.asarray(gray), dpi or 300)
    rest = tsv_lines(run_tesseract(blank_out(gray, [t.box for t in tables]), lang, 3, dpi))
    cells = iter(read_cells(gray, [c for t in tables for c in t.cells], lang, dpi))
    out: list[TsvLine] = []
    for table in tables:
        while rest and rest[0].top < table.box.top:
            out.append(rest.pop(0))
        for _ in table.cells:
            out.extend(next(cells))
    return put_back(out + rest, leaders, dpi or 300)


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
    proc = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, env=env())
    if lang not in proc.stdout.split():
        raise OcrError(
            f"Tesseract thiếu mô hình ngôn ngữ '{lang}': cài gói Debian tesseract-ocr-{lang}"
        )


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
