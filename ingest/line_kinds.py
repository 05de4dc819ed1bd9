"""What a line of a notice is: an outline marker, a bullet, a footnote, a signature line, or prose
that may end mid-sentence. Shared by the text clean-up and the PDF reader."""

from __future__ import annotations

import re

from vntext.sentences import SUPERSCRIPTS

_ROMAN = r"(?=[IVXL])(?:L?X{0,3})(?:IX|IV|V?I{0,3})"
# Lines that open a unit of the outline: they always start their own paragraph.
_OUTLINE = re.compile(
    r"^(?:"
    r"(?:PHẦN|Phần)\s+(?:thứ\s+\w+|[IVXLC\d]+)\b"
    r"|(?:CHƯƠNG|Chương)\s+[IVXLC\d]+\b"
    r"|(?:MỤC|Mục)\s+\d+\b"
    r"|(?:ĐIỀU|Điều)\s+\d+[a-z]?\s*[.:]"
    r"|(?:PHỤ LỤC|Phụ lục)(?:\s+[IVXLC\d]+[A-Z]?)?\s*$"
    rf"|{_ROMAN}[.)]\s+\S"
    r"|\d{1,2}[.)]\s*[^\W\d]"
    r"|\d{1,2}(?:\.\d{1,2}){1,3}\.?\s+\S"
    rf"|[a-zđ][.)][{SUPERSCRIPTS}]*\s+\S"
    r"|\((?:\d{1,2}|[a-zđ])\)\s*\S"
    r")"
)
_BULLET = re.compile(r"^[-+•–—]\s*(?=\S)")
FOOTNOTE = re.compile(rf"^[{SUPERSCRIPTS}]+\s*\S")
CLOSING = re.compile(r"^Nơi nhận\s*:?", re.I)
# Who signs: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "CHÁNH VĂN PHÒNG UBND TỈNH".
_TITLES = (
    r"CHỦ TỊCH|GIÁM ĐỐC|TỔNG GIÁM ĐỐC|CHÁNH VĂN PHÒNG|CHÁNH THANH TRA|TRƯỞNG BAN|TRƯỞNG PHÒNG"
    r"|TRƯỞNG ĐOÀN|BỘ TRƯỞNG|THỨ TRƯỞNG|THỦ TƯỚNG|TỔ TRƯỞNG|CHỦ NHIỆM|VIỆN TRƯỞNG|CỤC TRƯỞNG"
    r"|THỐNG ĐỐC|BÍ THƯ|CHÁNH ÁN|VIỆN TRƯỞNG"
)
_SIGN = re.compile(rf"^(?:(?:TM|TL|KT|TUQ|Q|T/M|K/T)\.?(?:\s+\S|$)|(?:PHÓ\s+)?(?:{_TITLES})\b)")
_TERMINAL = ".;:!?…"
_CLOSERS = '"”’)]»*' + SUPERSCRIPTS
# "TP." "TL." "Q." "ThS." end a word, not a sentence.
_ABBREVIATION = re.compile(r"(?:^|[\s(*“\"])(?:[A-ZĐ][A-Za-zĐđ]?|ThS|TS|Tp|TT)\.$")
# Words that need a number after them: "theo Điều\n15." is one phrase, not a new article.
_NEEDS_NUMBER = re.compile(
    r"(?:^|\s)(?:Điều|điều|Chương|chương|Mục|mục|khoản|Khoản|điểm|Điểm|số|Số|tiết|năm|ngày|bước"
    r"|tháng|Phần|phần|Phụ lục|phụ lục)$"
)


def bare(line: str) -> str:
    """The line without markdown heading marks, emphasis and opening quotes around its start."""
    return re.sub(r"^[#\s*_“\"']+", "", line).strip()


def is_outline(line: str) -> bool:
    return bool(_OUTLINE.match(bare(line)))


def is_bullet(line: str) -> bool:
    return bool(_BULLET.match(bare(line))) and not re.match(r"^[-–—]{2,}", bare(line))


def is_footnote(line: str) -> bool:
    return bool(FOOTNOTE.match(bare(line)))


def is_closing(line: str) -> bool:
    return bool(CLOSING.match(bare(line)))


def is_sign(line: str) -> bool:
    """A signature-block line: who signs on whose behalf. Short and in capitals."""
    text = bare(line).rstrip("*").strip()
    if len(text) > 70 or not _SIGN.match(text):
        return False
    return not any(c.islower() for c in text)


def is_structural(line: str) -> bool:
    """Starts its own paragraph whatever the line before it says."""
    return is_outline(line) or is_bullet(line) or is_footnote(line) or is_closing(line)


def ends_sentence(text: str) -> bool:
    """True when the text ends with terminal punctuation (a closing quote or mark may follow)."""
    tail = text.rstrip().rstrip(_CLOSERS + " ")
    if not tail or tail[-1] not in _TERMINAL:
        return False
    return not (tail.endswith(".") and _ABBREVIATION.search(tail))


def starts_lower(text: str) -> bool:
    """Starts with a lowercase letter, past emphasis, quotes and an opening bracket."""
    head = re.sub(r"^[\s*_“\"'(\[]+", "", text)
    return bool(head) and head[0].islower()


def needs_number(text: str) -> bool:
    """Ends with a word that is always followed by a number ("Điều", "khoản", "số")."""
    return bool(_NEEDS_NUMBER.search(text.rstrip(" *")))


def continues_with_lower_bullet(prev: str, line: str) -> bool:
    """ "kinh tế\n- xã hội": a dash that wrapped to the next line, not a bullet."""
    body = _BULLET.sub("", bare(line))
    return is_bullet(line) and starts_lower(body) and not ends_sentence(prev)
