"""Read one input file of any supported format into clean NFC text.

Each format has a small reader that gives raw text in reading order; `clean_text` then does the
format-independent work. A file we cannot read raises `LoadError`, naming the file and the reason,
so an ingest run can skip it and go on.
"""

from __future__ import annotations

import codecs
import unicodedata
import zipfile
from pathlib import Path

from core.errors import LoadError
from ingest.cleanup import clean_text
from ingest.html_text import html_to_text
from ingest.pdf_text import PdfTextError, pdf_to_text

SUPPORTED_SUFFIXES: frozenset[str] = frozenset({".txt", ".md", ".docx", ".pdf", ".html", ".htm"})


def load_text(path: Path) -> str:
    path = Path(path)
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
    raw = _read(path, suffix, data)
    text = clean_text(raw)
    if not text.strip():
        raise LoadError(f"{path.name}: không tìm thấy văn bản nào trong tệp.")
    return text


def _read(path: Path, suffix: str, data: bytes) -> str:
    if suffix == ".pdf":
        try:
            return pdf_to_text(data)
        except PdfTextError as exc:
            raise LoadError(f"{path.name}: không đọc được PDF ({exc}).") from exc
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
    cells: list[str] = []
    seen: list = []  # a merged cell repeats in every row and column it spans
    for row in table.rows:
        for cell in row.cells:
            if any(cell._tc is tc for tc in seen):
                continue
            seen.append(cell._tc)
            cells.append("\n\n".join(p.text for p in cell.paragraphs if p.text.strip()))
    return "|\n" + "\n|\n".join(cells) + "\n|"
