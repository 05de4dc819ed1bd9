"""A PDF's pages as lines: from the text layer where it is usable, by OCR where it is not.

Decided page by page, since a typed notice often ends with a scanned signature page, and a
scan may carry a line of real text (a digital-signature caption) over its image.
"""

from __future__ import annotations

import hashlib
import logging

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ingest.ocr import Ocr, OcrError, Page
from ingest.pdf_text import PDFIUM_LOCK, Line, PdfTextError, ocr_page, page_lines, pages_to_text

log = logging.getLogger(__name__)

_CAPTION_CHARS = 200  # a page with fewer letters, mostly covered by an image, is a scan
_IMAGE_COVER = 0.5  # share of the page an image must cover to make it a scan
_ODD_SHARE = 0.1  # more characters than this outside Vietnamese text: a broken font encoding
_MAX_SIDE_PX = 7000  # a poster-sized page is rendered smaller than the usual dpi
_VIETNAMESE = set(
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệfghiìíỉĩịjklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvwxyỳýỷỹỵz"
)
_USUAL = (
    _VIETNAMESE
    | {c.upper() for c in _VIETNAMESE}
    | set("0123456789⁰¹²³⁴⁵⁶⁷⁸⁹!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~“”‘’–—…•·°§№€")
)


def pdf_to_text(data: bytes, ocr: Ocr | None = None) -> str:
    return pages_to_text(read_pdf(data, ocr))


def read_pdf(data: bytes, ocr: Ocr | None = None) -> list[list[Line]]:
    """Each page's lines. Pages without a usable text layer are OCR'd when `ocr` is given and
    on; otherwise they are left empty (and the PDF fails when no page has text)."""
    document = open_pdf(data)
    try:
        with PDFIUM_LOCK:
            pages: list[list[Line]] = []
            scanned: list[int] = []
            for i in range(len(document)):
                page = document[i]
                lines = page_lines(page)
                if needs_ocr(page, lines):
                    scanned.append(i)
                    lines = []
                pages.append(lines)
        if scanned:
            _read_scanned(document, pages, scanned, ocr, data)
    finally:
        with PDFIUM_LOCK:
            document.close()
    if not any(pages):
        raise PdfTextError("không có chữ nào đọc được trong PDF, kể cả bằng OCR")
    return pages


def scanned_pages(data: bytes) -> tuple[int, list[int]]:
    """The number of pages and the pages that need OCR: a cheap check before an upload."""
    document = open_pdf(data)
    try:
        with PDFIUM_LOCK:
            pages = [document[i] for i in range(len(document))]
            return len(pages), [i for i, p in enumerate(pages) if needs_ocr(p, page_lines(p))]
    finally:
        with PDFIUM_LOCK:
            document.close()


def open_pdf(data: bytes) -> pdfium.PdfDocument:
    with PDFIUM_LOCK:
        try:
            return pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            if "password" in str(exc).lower():
                raise PdfTextError("PDF có mật khẩu; hãy gỡ mật khẩu rồi nạp lại") from exc
            reason = str(exc).rstrip(".")
            raise PdfTextError(f"tệp hỏng hoặc không phải PDF: {reason}") from exc


def needs_ocr(page: pdfium.PdfPage, lines: list[Line]) -> bool:
    """No text layer over something visible, a caption over a full-page image, or a text layer
    in a broken font encoding (mojibake). The caller holds PDFIUM_LOCK."""
    chars = [c for line in lines for c in line.text if not c.isspace()]
    letters = sum(c.isalnum() for c in chars)
    if letters and sum(c not in _USUAL for c in chars) > _ODD_SHARE * len(chars):
        return True
    if letters >= _CAPTION_CHARS:
        return False
    if letters == 0:
        return any(True for _ in page.get_objects(max_depth=2))
    return _image_cover(page) >= _IMAGE_COVER


def _image_cover(page: pdfium.PdfPage) -> float:
    width, height = page.get_size()
    area = 0.0
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        left, bottom, right, top = obj.get_bounds()
        area += max(0.0, min(right, width) - max(left, 0.0)) * max(
            0.0, min(top, height) - max(bottom, 0.0)
        )
    return min(1.0, area / max(1.0, width * height))


def _read_scanned(
    document: pdfium.PdfDocument,
    pages: list[list[Line]],
    scanned: list[int],
    ocr: Ocr | None,
    data: bytes,
) -> None:
    if ocr is None or not ocr.config.enabled:
        if not any(pages):
            raise PdfTextError("không có lớp chữ (bản quét) mà OCR đang tắt (CHIDAO_OCR=0)")
        log.warning("%d scanned pages left out: OCR is off", len(scanned))
        return
    dpi = ocr.config.dpi

    def render(index: int) -> Page:
        with PDFIUM_LOCK:
            page = document[index]
            width, height = page.get_size()
            scale = min(dpi / 72, _MAX_SIDE_PX / max(width, height, 1.0))
            try:
                image = page.render(scale=scale, grayscale=True).to_pil().copy()
            except pdfium.PdfiumError as exc:
                raise OcrError(f"không dựng được ảnh trang {index + 1} ({exc})") from exc
        return Page(image, 1 / scale, round(72 * scale))

    try:
        read = ocr.read(hashlib.sha256(data).hexdigest(), scanned, render)
    except OcrError as exc:
        raise PdfTextError(str(exc)) from exc
    for index, lines in read.items():
        pages[index] = ocr_page(lines)
