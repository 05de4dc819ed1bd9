"""A table block of the document text as outline blocks: one per group of rows, each under the
heading path "… › Bảng: <caption>" (and the group row, when the table has them), so a quoted row
says which table it is from."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.document import TableInfo
from ingest.tables import BLOCK_HEAD, COLUMN_SEP, GROUP_HEAD, UNIT_HEAD, find_unit

_MARKER = re.compile(r"^(?:[IVX]{1,5}|\d{1,2}(?:\.\d{1,2}){0,2}|[a-zđ]|Điều \d+)[.):]\s+")
_HEADS = re.compile(r"^(?:PHỤ LỤC|Phụ lục|PHẦN|Phần|[A-ZĐ]\.|[IVX]{1,5}\.|\d{1,2}\.)(?:\s|$)")
_ANNEX_NOTE = re.compile(r"^\(.*\)\.?$", re.S)  # "(Kèm theo Quyết định số …)"
CAPTION_CHARS = 150
TITLE_CHARS = 300  # a title in capitals broken over lines, read whole
GROUP_PATH = " › "  # TableInfo.group of rows under nested group rows
_GROUP_RANKS = [
    re.compile(p)
    for p in (r"^[A-ZĐ][.)]\s", r"^[IVX]{1,5}[.)]\s", r"^\d{1,2}[.)]\s", r"^\d{1,2}\.\d")
]

TableRows = tuple[str, list[str], int, int, TableInfo]  # text, headings, start, end, info


def table_blocks(
    paragraph: str, start: int, before: list[str], headings: list[str]
) -> list[TableRows] | None:
    """The row groups of a table paragraph at `start`, or None when it is no table.
    `before`: the paragraphs just before it, nearest last."""
    block = read_block(paragraph)
    if block is None:
        return None
    caption = lead_in(before)
    out: list[TableRows] = []
    for group in block.groups:
        text = "\n".join(line for line, _ in group.lines)
        path = [*headings, f"Bảng: {caption}" if caption else "Bảng"]
        path += [_short(g) for g in group.group.split(GROUP_PATH) if g]
        first = start + group.lines[0][1]
        last = start + group.lines[-1][1] + len(group.lines[-1][0])
        info = TableInfo(caption, block.columns, block.unit, group.group)
        out.append((text, path, first, last, info))
    return out


def lead_in(before: list[str]) -> str:
    """The caption of a table: the nearest paragraph before it that is not its unit line, an
    annex note in brackets (also one split over paragraphs: "(Kèm theo Kế hoạch số:" then
    "/KH-UBND ngày … Hà Nội)"), or another table; a title in capitals broken over paragraphs
    is read whole."""
    unclosed = 0  # brackets closed below and not yet opened, reading upwards
    for k in range(len(before) - 1, -1, -1):
        para = before[k]
        line = para.split("\n", 1)[0].strip()
        if para.startswith(BLOCK_HEAD):
            continue  # another table
        text = _MARKER.sub("", para.strip().lstrip("“\"'"))  # "a) Mức thu" closes no bracket
        opens, closes = text.count("("), text.count(")")
        if unclosed or closes > opens:
            unclosed = max(unclosed + closes - opens, 0)
            continue
        if not line or _ANNEX_NOTE.match(line):
            continue
        if find_unit([line]) and line.lower().startswith(("đơn vị", "đvt")):
            continue
        title = _title_above(before[:k], line)
        return _short(_MARKER.sub("", title.strip("“”\"' ")).rstrip(":"), len(title) > len(line))
    return ""


def _title_above(before: list[str], line: str) -> str:
    """A line in capitals with the lines in capitals just above it that continue it
    ("NHIỆM VỤ CHỦ YẾU CỦA KẾ HOẠCH" / "5G, IoT TRONG CÁC KHU …" / "BÀN THÀNH PHỐ HÀ NỘI")."""
    while before and _capitals(line) and _capitals(before[-1]) and "\n" not in before[-1]:
        if any(_HEADS.match(t) for t in (before[-1], line)):
            break  # "PHỤ LỤC", "Phần I. …", "A. THỦ TỤC …" are headings of their own
        if len(before[-1]) + len(line) >= TITLE_CHARS:
            break
        line, before = f"{before[-1].strip()} {line}", before[:-1]
    return line


def _capitals(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 3 and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)


def _rank(label: str) -> int:
    """Nesting of group rows: "A." over "I." over "1." over "1.1." over "a)"."""
    if re.match(r"^[IVX]{1,5}[.)]\s", label):  # "I." is a Roman one before it is a letter
        return 1
    for rank, pattern in enumerate(_GROUP_RANKS):
        if pattern.match(label):
            return rank
    return len(_GROUP_RANKS)


def _numbered_rank(line: str) -> int | None:
    """The rank of a row whose label is numbered as group rows are ("4. Bồi dưỡng…"): such a
    row is the next item beside a group row of its rank, not a row inside it."""
    rank = _rank(line)
    return rank if rank < len(_GROUP_RANKS) else None


def _short(text: str, title: bool = False) -> str:
    """At most CAPTION_CHARS, or TITLE_CHARS for a title read from several lines: its head
    says what the table holds, its tail what sets it apart from the next table."""
    limit = TITLE_CHARS if title else CAPTION_CHARS
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


@dataclass
class RowGroup:
    """Consecutive row lines under one group row ("" before any), with their offsets."""

    group: str
    lines: list[tuple[str, int]] = field(default_factory=list)  # (line, offset in the block)


@dataclass
class TableBlock:
    columns: list[str]
    unit: str
    groups: list[RowGroup]


def read_block(paragraph: str) -> TableBlock | None:
    """The block `render` wrote, read back by the outline; None for any other paragraph."""
    if not paragraph.startswith(BLOCK_HEAD) or "\n" not in paragraph:
        return None
    lines = paragraph.split("\n")
    columns = lines[0][len(BLOCK_HEAD) :].split(COLUMN_SEP)
    unit = ""
    groups = [RowGroup("")]
    offset = len(lines[0]) + 1
    stack: list[tuple[int, str]] = []  # group rows above: "I. Cơ quan" › "1. Đơn vị cấp I"
    for line in lines[1:]:
        if line.startswith(UNIT_HEAD) and not unit and not groups[0].lines:
            unit = line[len(UNIT_HEAD) :]
        elif line.startswith(GROUP_HEAD):
            label = line[len(GROUP_HEAD) :]
            while stack and stack[-1][0] >= _rank(label):
                stack.pop()
            stack.append((_rank(label), label))
            groups.append(RowGroup(GROUP_PATH.join(g for _, g in stack)))
        else:
            rank = _numbered_rank(line)
            if stack and rank is not None and stack[-1][0] >= rank:
                while stack and stack[-1][0] >= rank:  # "4. Bồi dưỡng…" after group "3. Tiền ăn"
                    stack.pop()
                groups.append(RowGroup(GROUP_PATH.join(g for _, g in stack)))
            groups[-1].lines.append((line, offset))
        offset += len(line) + 1
    return TableBlock(columns, unit, [g for g in groups if g.lines])
