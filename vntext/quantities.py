"""Quantities in Vietnamese text: figures with their units, not dates, document numbers, outline
markers or article references ("Điều 12" is no twelve)."""

from __future__ import annotations

import re

_DIGIT_WORD = r"(?:một|hai|ba|bốn|tư|năm|lăm|sáu|bảy|tám|chín|mười|mươi|trăm|nghìn|mốt)"
# Figures in digits, and in words before what they count: "một phần hai", "mười lăm ngày",
# "đủ sáu tuổi" (the civil code writes ages in words), "một nửa".
_NUMBER = re.compile(
    r"\d+(?:[.,/]\d+)*\s*%?"
    rf"|\b{_DIGIT_WORD}(?:\s+{_DIGIT_WORD}){{0,4}}\s+"
    r"(?:phần\s+\w+|lần|ngày|tháng|năm|giờ|phút|tuần|tuổi|người|nửa)\b"
    r"|\bmột\s+nửa\b",
    re.I,
)
# Not quantities: dates, document numbers ("711/BC-UBND", "số 04/CT-UBND"), outline markers,
# section references ("Mục 2", but "danh mục 03 thủ tục" is a list of three).
_NOT_QUANTITY = re.compile(
    r"\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b\d+(?:/\d{4})?/[A-ZĐ][\w-]*|\b\d+-[A-ZĐ]{1,4}/[\w-]+"
    r"|\bsố\s+\d+\b|\bngày\s+\d{1,2}(?:/\d{1,2})?\b|\b(?:Điều|khoản|Chương|(?<!danh )Mục)\s+\d+\b"
    r"|\b(?:tháng|quý|năm)\s+\d{1,4}\b",
    re.I,
)
_OUTLINE_MARK = re.compile(
    r"^\s*(?:[-–•+]\s*)?(?:\d{1,2}(?:\.\d{1,2}){0,2}[.)]|[a-zđ]\)|\(\d{1,2}\))\s+"
)
_FOOTNOTE_MARK = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_YEAR_ONLY = re.compile(r"(?:19|20)\d{2}")


def quantity_text(text: str) -> str:
    """The text with outline markers, dates, document numbers and month names blanked out."""
    return _NOT_QUANTITY.sub(" ", _FOOTNOTE_MARK.sub("", _OUTLINE_MARK.sub("", text)))


def numbers(text: str) -> list[str]:
    """Quantities in the text: not outline markers, dates, document numbers or bare years."""
    found = _NUMBER.findall(quantity_text(text))
    return [m.strip() for m in found if not _YEAR_ONLY.fullmatch(m.strip())]


def same_number(figure: str) -> str:
    """One spelling of a figure: "02" = "2", "31 %" = "31%"."""
    return figure.replace(" ", "").lstrip("0") or "0"
