"""Read one input file of any supported format into clean NFC text.

Each format has a small reader that gives raw text in reading order; `clean_text` then does the
format-independent work. Scanned PDF pages and images are read by OCR when an `Ocr` is given.
A file we cannot read raises `LoadError`, naming the file and the reason, so an ingest run can
skip it and go on.
"""

from __future__ import annotations

import codecs
import hashlib
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from core.errors import LoadError
from ingest.cleanup import clean_text
from ingest.doc_text import DocTextError, doc_kind, doc_to_text
from ingest.html_text import html_to_text
from ingest.ocr import Ocr, OcrConfig, OcrError, image_renderer
from ingest.pages import page_starts
from ingest.pdf_pages import read_pdf, scanned_pages
from ingest.pdf_text import Line, PdfTextError, ocr_page, pages_to_text
from ingest.table_grids import docx_grid, grid_text

IMAGE_SUFFIXES: frozenset[str] = frozenset({".png", ".jpg", ".jpeg", ".tif", ".tiff"})
SUPPORTED_SUFFIXES: frozenset[str] = (
    frozenset({".txt", ".md", ".docx", ".doc", ".pdf", ".html", ".htm"}) | IMAGE_SUFFIXES
)


@dataclass
class Loaded:
    text: str
    page_starts: list[int] = field(default_factory=list)  # offsets of pages 1..n; [] if unpaged


def load_text(path: Path, ocr: Ocr | None = None) -> str:
    return load_document(path, ocr).text


def load_document(path: Path, ocr: Ocr | None = None) -> Loaded:
    """The file's clean text and, for PDFs and images, where each page starts in it."""
    path = Path(path)
    data = _read_bytes(path)
    pages = _pages(path, data, ocr) if _is_paged(path) else None
    raw = pages_to_text(pages) if pages is not None else _read(path, path.suffix.lower(), data)
    text = clean_text(raw)
    if not text.strip():
        raise LoadError(f"{path.name}: không tìm thấy văn bản nào trong tệp.")
    if pages is None:
        return Loaded(text)
    return Loaded(text, page_starts(text, [" ".join(x.text for x in p) for p in pages]))


def check_file(path: Path, config: OcrConfig) -> None:
    """What loading checks, short of OCR itself (an upload is answered at once; OCR runs in
    the job, with its progress shown)."""
    path = Path(path)
    data = _read_bytes(path)
    try:
        if path.suffix.lower() in IMAGE_SUFFIXES:
            count, _ = image_renderer(data)
            Ocr(config).check(count)
            return
        if path.suffix.lower() == ".pdf":
            total, scanned = scanned_pages(data)
            if scanned and (config.enabled or len(scanned) == total):
                Ocr(config).check(len(scanned))
            if scanned:
                return
    except (OcrError, PdfTextError) as exc:
        raise LoadError(f"{path.name}: {exc}.") from exc
    load_document(path)


def _is_paged(path: Path) -> bool:
    return path.suffix.lower() == ".pdf" or path.suffix.lower() in IMAGE_SUFFIXES


def _read_bytes(path: Path) -> bytes:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        allowed = ", ".join(sorted(SUPPORTED_SUFFIXES))
        kind = suffix or "(không có đuôi)"
        raise LoadError(f"{path.name}: định dạng {kind} không được hỗ trợ; dùng {allowed}.")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LoadError(f"{path.name}: không đọc được tệp ({exc.strerror or exc}).") from exc
    if not data.strip():
        raise LoadError(f"{path.name}: tệp rỗng, không có nội dung để nạp.")
    return data


def _pages(path: Path, data: bytes, ocr: Ocr | None) -> list[list[Line]]:
    """Lines of each page of a PDF (text layer, OCR where needed) or an image file (OCR)."""
    if path.suffix.lower() == ".pdf":
        try:
            return read_pdf(data, ocr)
        except PdfTextError as exc:
            raise LoadError(f"{path.name}: không đọc được PDF ({exc}).") from exc
    if ocr is None or not ocr.config.enabled:
        raise LoadError(f"{path.name}: ảnh chỉ đọc được bằng OCR, mà OCR đang tắt (CHIDAO_OCR=0).")
    try:
        count, render = image_renderer(data)
        read = ocr.read(hashlib.sha256(data).hexdigest(), list(range(count)), render)
    except OcrError as exc:
        raise LoadError(f"{path.name}: {exc}.") from exc
    pages = [ocr_page(read[i]) for i in range(count)]
    if not any(pages):
        raise LoadError(f"{path.name}: không nhận dạng được chữ nào trong ảnh (OCR).")
    return pages


def _read(path: Path, suffix: str, data: bytes) -> str:
    if suffix == ".doc":
        return _doc_text(path, data)
    if suffix == ".docx":
        return _docx_text(path, data)
    text = _decode(path, data)
    if suffix in (".html", ".htm"):
        return html_to_text(text)
    return text


def _decode(path: Path, data: bytes) -> str:
    try:
        return decode_bytes(data)
    except ValueError as exc:
        raise LoadError(f"{path.name}: {exc}") from exc


def decode_bytes(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with a BOM, or Windows-1258; returned as NFC.

    Raises ValueError for binary data (NUL or control bytes) and for bytes no encoding fits.
    """
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding))
            except UnicodeDecodeError as exc:
                raise ValueError(f"không giải mã được theo {encoding} ({exc.reason}).") from exc
    if b"\x00" in data:
        raise ValueError("tệp nhị phân, không phải văn bản (có byte NUL).")
    try:
        return _checked(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    try:  # Windows-1258 writes tones as combining marks; NFC composes them
        return _checked(data.decode("cp1258"))
    except UnicodeDecodeError as exc:
        raise ValueError("không giải mã được: không phải UTF-8, UTF-16 hay Windows-1258.") from exc


def _control_share(text: str) -> float:
    control = sum(
        1 for c in text if unicodedata.category(c) in ("Cc", "Co", "Cn") and c not in "\n\r\t\f"
    )
    return control / max(1, len(text))


def _checked(text: str) -> str:
    if _control_share(text) > 0.05:
        raise ValueError("tệp nhị phân, không phải văn bản (nhiều ký tự điều khiển).")
    return unicodedata.normalize("NFC", text)


def _docx_text(path: Path, data: bytes) -> str:
    """Paragraphs and table cells in document order; each cell is a block of its own."""
    import io

    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise LoadError(f"{path.name}: tệp .docx hỏng hoặc không phải Word ({exc}).") from exc
    except Exception as exc:  # python-docx raises bare lxml/opc errors for damaged parts
        raise LoadError(f"{path.name}: tệp .docx hỏng ({type(exc).__name__}: {exc}).") from exc
    parts: list[str] = []
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            parts.append(item.text)
        elif isinstance(item, Table):
            parts.append(_docx_table(item))
    return "\n\n".join(parts)


def _docx_table(table) -> str:
    data = grid_text(docx_grid(table))  # a data table: its rows with their column headers
    if data is not None:
        return data
    cells: list[str] = []
    seen: list = []  # a merged cell repeats in every row and column it spans
    for row in table.rows:
        for cell in row.cells:
            if any(cell._tc is tc for tc in seen):
                continue
            seen.append(cell._tc)
            cells.append("\n\n".join(p.text for p in cell.paragraphs if p.text.strip()))
    return "|\n" + "\n|\n".join(cells) + "\n|"


def _doc_text(path: Path, data: bytes) -> str:
    """Word 97–2003 through antiword; a .docx or web page saved as .doc is read as what it is."""
    kind = doc_kind(data)
    if kind == "docx":
        return _docx_text(path, data)
    if kind == "html":
        return html_to_text(_decode(path, data))
    if kind != "word97":
        what = "RTF" if kind == "rtf" else "không phải Word 97–2003"
        raise LoadError(f"{path.name}: tệp .doc {what}; hãy lưu thành .docx rồi nạp lại.")
    try:
        return doc_to_text(data)
    except DocTextError as exc:
        raise LoadError(f"{path.name}: {exc}.") from exc
