"""Ruled tables on a page image, read cell by cell in the order a text layer holds them.

Tesseract reads a ruled table line by line straight across its columns, so the words of
neighbouring cells interleave ("Bộ Khoa học và Cơ quan, tổ chức Ban hành Bộ cẩm"); a PDF's text
layer, and a reader, go cell by cell, row by row. The ruling lines are found on the image (long
straight runs of ink), the cells are the blank areas they enclose, and the cells are stacked one
under the other in reading order, each at its own left edge, so one tesseract run reads them
whole and in that order. Merged cells come out once, in the row where they start.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image
from scipy import ndimage

from ingest.ocr_tesseract import TsvLine, run_tesseract, tsv_lines

_INK = 160  # grey level under which a pixel is ink
_RULE_INCH = 0.4  # a straight run of ink this long is a ruling line, not a letter's stroke
_JOIN_PX = 3  # ruling lines drawn this close are one (anti-aliasing, joints)
_MIN_CELL_INCH = 0.08  # a blank area narrower or lower than this is a gap between double rules
_MARGIN_PX = 4  # kept clear of a cell's rules when its ink is cut out
_GAP_PX = 40  # white space between stacked cells: more than a line gap, so none is joined
_ROW_TOLERANCE_PX = 12  # cells whose tops differ by less start the same row


@dataclass(frozen=True)
class Box:
    top: int
    left: int
    bottom: int
    right: int


@dataclass
class Table:
    box: Box
    cells: list[Box]  # in reading order: rows top to bottom, cells left to right


def find_tables(gray: np.ndarray, dpi: int) -> list[Table]:
    """Tables ruled with at least two horizontal and two vertical lines, top to bottom."""
    ink = gray < _INK
    run = max(20, round(_RULE_INCH * dpi))
    rules_h = _runs(ink, run, axis=1)
    rules_v = _runs(ink, run, axis=0)
    if not (rules_h.any() and rules_v.any()):
        return []  # most pages: no ruling lines both ways, so no table to look for
    rules = ndimage.binary_dilation(rules_h | rules_v, iterations=_JOIN_PX)
    labels, _ = ndimage.label(rules, structure=np.ones((3, 3), bool))
    tables = []
    for index, found in enumerate(ndimage.find_objects(labels), start=1):
        if found is None:
            continue
        rows, cols = found
        if _lines_across(rules_h[rows, cols], axis=1) < 2:
            continue
        if _lines_across(rules_v[rows, cols], axis=0) < 2:
            continue
        box = Box(rows.start, cols.start, rows.stop, cols.stop)
        cells = _cells(labels[rows, cols] == index, ink[rows, cols], box, dpi)
        if cells:
            tables.append(Table(box, cells))
    return sorted(tables, key=lambda t: t.box.top)


def _runs(ink: np.ndarray, length: int, axis: int) -> np.ndarray:
    """Pixels on a straight run of ink at least `length` long along `axis` (an opening)."""
    eroded = ndimage.minimum_filter1d(ink.view(np.uint8), length, axis=axis)
    return ndimage.maximum_filter1d(eroded, length, axis=axis).astype(bool)


def _lines_across(rules: np.ndarray, axis: int) -> int:
    """How many separate ruling lines (along `axis`) a table region holds."""
    present = rules.any(axis=axis)
    return int(ndimage.label(present)[1])


def _cells(rules: np.ndarray, ink: np.ndarray, box: Box, dpi: int) -> list[Box]:
    """The ink of each blank area the rules enclose, in reading order, in page pixels."""
    labels, _ = ndimage.label(~rules)
    least = max(8, round(_MIN_CELL_INCH * dpi))
    cells = []  # (the area between the rules, the ink inside it)
    for found in ndimage.find_objects(labels):
        if found is None:
            continue
        rows, cols = found
        if rows.stop - rows.start < least or cols.stop - cols.start < least:
            continue
        inner = _ink_box(ink[rows, cols])
        if inner is None:
            continue
        top, left, bottom, right = inner
        y, x = box.top + rows.start, box.left + cols.start
        area = Box(y, x, box.top + rows.stop, box.left + cols.stop)
        cells.append((area, Box(y + top, x + left, y + bottom, x + right)))
    return [text for _, text in _reading_order(cells)]


def _ink_box(ink: np.ndarray) -> tuple[int, int, int, int] | None:
    """The box of the ink inside a cell, clear of its rules; None for an empty cell."""
    m = _MARGIN_PX
    inside = ink[m:-m, m:-m] if min(ink.shape) > 2 * m + 2 else ink[:0, :0]
    ys, xs = np.nonzero(inside)
    if len(ys) < 10:  # a speck or two is no text
        return None
    return m + ys.min(), m + xs.min(), m + ys.max() + 1, m + xs.max() + 1


def _reading_order(cells: list[tuple[Box, Box]]) -> list[tuple[Box, Box]]:
    """Rows by the top rule of their cells (not their ink: text is often centred down a tall
    cell), cells left to right in a row."""
    ordered = sorted(cells, key=lambda c: (c[0].top, c[0].left))
    rows: list[list[tuple[Box, Box]]] = []
    for cell in ordered:
        if rows and cell[0].top - rows[-1][0][0].top < _ROW_TOLERANCE_PX:
            rows[-1].append(cell)
        else:
            rows.append([cell])
    return [cell for row in rows for cell in sorted(row, key=lambda c: c[0].left)]


def read_cells(
    gray: Image.Image, cells: list[Box], lang: str, dpi: int | None
) -> list[list[TsvLine]]:
    """The lines of each cell (page pixels), read in one tesseract run over the stacked cells."""
    if not cells:
        return []
    height = sum(c.bottom - c.top + _GAP_PX for c in cells) + _GAP_PX
    sheet = Image.new("L", (gray.width, height), 255)
    offsets = []
    y = _GAP_PX
    for cell in cells:
        sheet.paste(gray.crop((cell.left, cell.top, cell.right, cell.bottom)), (cell.left, y))
        offsets.append(y)
        y += cell.bottom - cell.top + _GAP_PX
    out: list[list[TsvLine]] = [[] for _ in cells]
    for line in tsv_lines(run_tesseract(sheet, lang, 6, dpi)):
        middle = (line.top + line.bottom) // 2
        index = max(0, int(np.searchsorted(offsets, middle, side="right")) - 1)
        shift = cells[index].top - offsets[index]
        line.top, line.bottom = line.top + shift, line.bottom + shift
        out[index].append(line)
    return out


def blank_out(gray: Image.Image, boxes: list[Box]) -> Image.Image:
    """The page with the given areas painted white (the tables, read apart)."""
    page = gray.copy()
    for box in boxes:
        page.paste(255, (box.left, box.top, box.right, box.bottom))
    return page
