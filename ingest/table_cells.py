"""The crawl's cell-per-line layout read as slots: every cell sits between "|" lines, and an
empty slot (two "|" in a row) is a row boundary or an empty cell alike."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.tables import clean_cell


@dataclass
class Seg:
    cells: list[str]  # raw cell texts, emphasis kept
    empties: int = 0  # empty slots after it


def cell_regions(lines: list[str]) -> list[tuple[int, int, list[str]]]:
    """(first line, last line, slots) of each run of "|"-separated cells. A cell never holds a
    blank line: one after a "|" ends the region unless another "|" follows it."""
    regions = []
    i, n = 0, len(lines)
    while i < n:
        if lines[i].strip() != "|":
            i += 1
            continue
        start, last = i, i
        slots: list[str] = []
        cell: list[str] = []
        j = i + 1
        while j < n:
            line = lines[j].strip()
            if line == "|":
                slots.append("\n".join(cell))
                cell, last = [], j
            elif not line:
                k = j
                while k < n and not lines[k].strip():
                    k += 1
                if k < n and lines[k].strip() == "|":
                    j = k
                    continue
                break
            else:
                cell.append(line)
            j += 1
        regions.append((start, last, slots))
        i = last + 1
    return regions


_EMPH_SPAN = re.compile(r"\*+[^*]*\*+")
PLAIN_INSIDE = 20  # "**Tên thủ tục** (Mã thủ tục)**" is a header cell, a plain title line is not


def emph(cell: str) -> bool:
    """Bold or italic as a whole: not a caption that opens "**PHỤ LỤC**" and goes on plain."""
    cell = cell.strip().replace("****", "")  # bold closed and reopened mid-cell
    whole = len(cell) > 2 and cell.startswith("*") and cell.endswith("*")
    return whole and len(_EMPH_SPAN.sub("", cell).strip()) <= PLAIN_INSIDE


def segments(slots: list[str]) -> list[Seg]:
    segs: list[Seg] = []
    for slot in slots:
        if not clean_cell(slot):
            if segs:
                segs[-1].empties += 1
            continue
        if segs and segs[-1].empties == 0:
            segs[-1].cells.append(slot)
        else:
            segs.append(Seg([slot]))
    return segs
