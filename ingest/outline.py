"""Read a notice's own outline: headings (I., 1., 1.1., a), (1), Chương/Mục/Điều), footnotes,
and the closing blocks (Nơi nhận, signature) that are not body text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.document import TableInfo
from ingest.table_blocks import table_blocks
from vntext.sentences import SUPERSCRIPTS

_ROMAN = r"(?:X{0,3})(?:IX|IV|V?I{0,3})"
# (rank, pattern, label kind). A lower rank is a higher level. Legal and administrative outlines
# share the same ranks: Chương > Mục > I. > Điều > 1. > 1.1. > a) > (1). An appendix ("PHỤ LỤC
# II" on a line of its own) is none of the articles before it: it starts the outline anew.
_MARKERS: list[tuple[int, re.Pattern[str], str]] = [
    (
        -1,
        re.compile(r"^(?:PHỤ LỤC|Phụ lục)(?:\s+(?:số\s+)?[IVXLC\d]{1,6}[A-Za-z]?)?[ \t]*(?:\n|$)"),
        "appendix",
    ),
    (0, re.compile(r"^(?:PHẦN|Phần)\s+(?:thứ\s+\w+|[IVXLC\d]+)\b"), "part"),
    (1, re.compile(r"^(?:CHƯƠNG|Chương)\s+[IVXLC\d]+\b"), "chapter"),
    (2, re.compile(r"^(?:MỤC|Mục)\s+\d+\b"), "section"),
    (3, re.compile(rf"^(?=[IVX])({_ROMAN})[.)]\s+\S"), "roman"),
    (4, re.compile(r"^Điều\s+\d+[a-z]?\s*[.:]"), "article"),
    (5, re.compile(r"^\d{1,2}[.)]\s+\S"), "num"),
    (6, re.compile(r"^\d{1,2}\.\d{1,2}\.?\s+\S"), "num2"),
    (7, re.compile(r"^\d{1,2}\.\d{1,2}\.\d{1,2}\.?\s+\S"), "num3"),
    (8, re.compile(r"^[a-zđ][)]\s+\S"), "letter"),
    (9, re.compile(r"^\(\d{1,2}\)\s+\S"), "paren"),
]
_MARKER_PREFIX = re.compile(
    r"^(?:Điều\s+\d+[a-z]?\s*[.:]|\d{1,2}(?:\.\d{1,2}){0,2}[.)]?|[a-zđ]\)|\(\d{1,2}\)|[IVX]+[.)])\s+"
)
_FOOTNOTE = re.compile(rf"^([{SUPERSCRIPTS}]+)\s*(.+)", re.S)
_FOOTNOTE_MARK = re.compile(rf"[{SUPERSCRIPTS}]+")
_CLOSING = re.compile(r"^(?:\*\*)?Nơi nhận\s*:?", re.I)
_SIGN_LINE = re.compile(
    r"^(?:TM\.|TL\.|KT\.|Q\.|T/M|K/T|KT\s|CHỦ TỊCH|PHÓ CHỦ TỊCH|TỔ TRƯỞNG|CHÁNH VĂN PHÒNG"
    r"|GIÁM ĐỐC|BỘ TRƯỞNG|THỦ TƯỚNG|PHÓ THỦ TƯỚNG)"
)
_SUPERSCRIPT_DIGITS = str.maketrans(SUPERSCRIPTS, "0123456789")


@dataclass
class Block:
    """One body paragraph with the heading path it sits under and the footnotes it cites."""

    text: str
    headings: list[str]
    start: int
    end: int
    footnotes: list[str] = field(default_factory=list)
    table: TableInfo | None = None  # rows of a table: one row per line of `text`


@dataclass
class Outline:
    blocks: list[Block]
    signature: Block | None


def heading_rank(paragraph: str) -> tuple[int, str] | None:
    for rank, pattern, kind in _MARKERS:
        if pattern.match(paragraph):
            return rank, kind
    return None


def _is_pure_heading(paragraph: str, kind: str) -> bool:
    """A short line with no sentence after it ("1. Đối với huyện Bình Gia", "Điều 5. Tên")."""
    if "\n" in paragraph or len(paragraph) > 160:
        return False
    if kind == "article" and _states(paragraph):
        return False  # "Điều 2. Quyết định này có hiệu lực kể từ ngày 07/12/2025." is content
    if kind in ("article", "chapter", "section", "part", "appendix"):
        return len(paragraph) <= 160
    return not paragraph.rstrip().endswith((".", ";", "./."))


def _states(paragraph: str) -> bool:
    """An article whose one line is a whole sentence, not a title: it ends like a sentence and
    runs past the length of a title."""
    return paragraph.rstrip().endswith((".", "./.", ";")) and len(paragraph.split()) > 8


# a label whose colon opens a quoted name, which may run long: the procedure a process is for
_QUOTED_NAME = re.compile(r"[^:“”\"]{3,80}:\s*[“\"][^”\";]{3,240}(?<![.])[”\"]")


# "1. Thủ tục", "2. Tên thủ tục": a numbered item's label that names no item by itself
_GENERIC_LABEL = re.compile(r"(?:Tên )?(?:thủ tục|Thủ tục|TTHC)(?: hành chính)?:?")


def _names_item(paragraph: str) -> bool:
    """A short unpunctuated line that names what a generic heading above it stands for: the
    crawl put "1. Thủ tục" and "Cho phép nhập khẩu thuốc …" in cells of their own."""
    return (
        "\n" not in paragraph
        and len(paragraph) <= 220
        and not paragraph.rstrip().endswith((".", ";", ":", ","))
    )


def _label(paragraph: str, kind: str) -> str:
    """A short name for an item that has its own text: "2. Đối với UBND xã Hoa Thám"."""
    first_line = paragraph.split("\n", 1)[0]
    marker = _MARKER_PREFIX.match(first_line)
    prefix = marker.group(0) if marker else ""
    rest = first_line[len(prefix) :]
    named = _QUOTED_NAME.match(rest)
    if named:  # "6. Quy trình nội bộ giải quyết TTHC: “Thành lập … cấp tỉnh”": the name is the head
        return (prefix + named.group(0)).strip()
    head = re.split(r"(?<=[:.;])(?:\s|$)", rest, maxsplit=1)[0].rstrip(":;.")
    if len(head) > 90 and kind != "article":
        head = " ".join(head.split()[:10]) + "…"
    return (prefix + head).strip()


def _legal(label: str, kind: str, in_article: bool) -> str:
    """Inside an article, "2. …" is khoản 2 and "a) …" is điểm a, as a citation names them."""
    if not in_article:
        return label
    m = re.match(r"^(\d{1,2})[.)]\s+(.*)$", label) if kind == "num" else None
    if m:
        return f"Khoản {m.group(1)} – {m.group(2)}"
    m = re.match(r"^([a-zđ])\)\s+(.*)$", label) if kind == "letter" else None
    if m:
        return f"Điểm {m.group(1)} – {m.group(2)}"
    return label


def _paragraphs(text: str) -> list[tuple[str, int, int]]:
    out = []
    for m in re.finditer(r"[^\n](?:.|\n(?!\s*\n))*", text):
        para = m.group(0).strip()
        if para:
            out.append((para, m.start(), m.end()))
    return out


def _footnote_number(marks: str) -> str:
    return marks.translate(_SUPERSCRIPT_DIGITS)


def _is_person(paragraph: str) -> bool:
    words = paragraph.split()
    return 2 <= len(words) <= 5 and all(
        w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words
    )


def _closing_range(paragraphs: list[tuple[str, int, int]]) -> tuple[int, int]:
    """[start, end) of the closing blocks: the Nơi nhận list and the signature (role lines and
    the signer's name). Annexes after a signature stay body text."""
    n = len(paragraphs)
    for i in range(n - 1, -1, -1):
        lines = paragraphs[i][0].split("\n")
        if not _is_person(lines[-1].strip()):
            continue
        j = i
        if len(lines) == 1:  # role lines in the paragraphs above the name
            while j > 0 and i - j < 5 and _SIGN_LINE.match(paragraphs[j - 1][0].lstrip("*")):
                j -= 1
            if j == i:
                continue
        elif not _SIGN_LINE.match(lines[0].lstrip("*")):
            continue
        while j > 0 and i - j < 5 and _SIGN_LINE.match(paragraphs[j - 1][0].lstrip("*")):
            j -= 1
        k = j
        while k > 0 and (
            paragraphs[k - 1][0].lstrip().startswith(("-", "+", "•"))
            or _CLOSING.match(paragraphs[k - 1][0])
        ):
            k -= 1
        return k, i + 1
    # No signer's name found: everything from the last Nơi nhận / role line near the end.
    start = n
    for i in range(n - 1, max(0, n - 25) - 1, -1):
        para = paragraphs[i][0]
        if _CLOSING.match(para) or _SIGN_LINE.match(para):
            start = i
    return start, n


def parse_outline(text: str) -> Outline:
    paragraphs = _paragraphs(text)
    lo, hi = _closing_range(paragraphs)
    body, closing = paragraphs[:lo] + paragraphs[hi:], paragraphs[lo:hi]

    footnotes: dict[str, str] = {}
    stack: list[tuple[int, str, str]] = []  # (rank, label, kind)
    blocks: list[Block] = []
    before: list[str] = []  # body paragraphs so far: a table's lead-in is among the last
    generic = False  # the last paragraph was a heading with a generic label ("1. Thủ tục")
    for para, start, end in body:
        before.append(para)
        rows = table_blocks(para, start, before[-7:-1], [h for _, h, _ in stack])
        if rows is not None:
            blocks.extend(Block(text, path, a, b, table=info) for text, path, a, b, info in rows)
            continue
        note = _FOOTNOTE.match(para)
        if note:
            footnotes[_footnote_number(note.group(1))] = para
            continue
        marker = heading_rank(para)
        if marker:
            rank, kind = marker
            while stack and stack[-1][0] >= rank:
                stack.pop()
            in_article = any(k == "article" for _, _, k in stack)
            if _is_pure_heading(para, kind):
                stack.append((rank, _legal(para.replace("\n", " "), kind, in_article), kind))
                generic = kind == "num" and bool(
                    _GENERIC_LABEL.fullmatch(_MARKER_PREFIX.sub("", para))
                )
                continue
            stack.append((rank, _legal(_label(para, kind), kind, in_article), kind))
        elif generic and stack and _names_item(para):
            rank, label, kind = stack[-1]
            stack[-1] = (rank, f"{label}: {para}", kind)  # "1. Thủ tục: Cho phép nhập khẩu …"
        generic = False
        blocks.append(Block(para, [h for _, h, _ in stack], start, end))

    for block in blocks:
        for mark in _FOOTNOTE_MARK.findall(block.text):
            cited = footnotes.get(_footnote_number(mark))
            if cited and cited not in block.footnotes:
                block.footnotes.append(cited)

    signature = _signature_block(closing)
    return Outline(blocks, signature)


def _signature_block(closing: list[tuple[str, int, int]]) -> Block | None:
    """The signature lines (who signs, for whom, the name), without the Nơi nhận list."""
    lines = [
        (para, start, end)
        for para, start, end in closing
        if not _CLOSING.match(para) and not para.lstrip().startswith(("-", "+", "•"))
    ]
    if not lines:
        return None
    text = "\n".join(p for p, _, _ in lines)
    return Block(text, ["Chữ ký"], lines[0][1], lines[-1][2])
