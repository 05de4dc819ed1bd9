"""Dot leaders of forms ("Họ và tên: ..........") and bullets ("•") found on the image instead of
read by tesseract.

Tesseract reads a long run of small dots as noise ("5c Scccsscsesrsess", "1222111133211"), which
fills a form's text with nonsense words. A leader is a run of at least four dots of like size, on
one baseline, evenly close, with blank paper above them (so a letter's dot below, as in "ạ", is
never one). Runs are painted out before tesseract reads the page, and put back afterwards as one
"." per dot counted (or "…" per three, where the dots stand as far apart as an ellipsis sets
them), in the line and at the place where they stood. A bullet (a filled round dot larger than a
period, standing apart) is read as "°", "e" or nothing; it is put back as "•" the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image
from scipy import ndimage

from ingest.ocr_tesseract import TsvLine, Word

_INK = 160
_DOT_INCH = (0.01, 0.035)  # a period's width and height at body sizes (a dotted rule's are less)
_PITCH = 1.8  # leader dots stand at least this many dot widths apart (a dotted rule: closer)
# "……" sets its dots further apart than "......" does, in Times New Roman, the face of Vietnamese
# administrative documents (Decree 30/2020/NĐ-CP); in other faces the guess may go either way.
_ELLIPSIS_PITCH = 2.6
_GAP_INCH = 0.06  # at most this much paper between dots of one leader
_BASELINE_INCH = 0.012  # dots of one leader sit this close to one baseline
_ABOVE_INCH = 0.07  # blank paper needed above a leader (a letter's x-height)
_MIN_DOTS = 4
_GLUE_INCH = 0.05  # a leader this close to the word before it is written without a space
_BULLET_INCH = (0.04, 0.08)  # a bullet's width and height (a period is smaller)
_BULLET_FILL = 0.65  # share of its box a bullet's ink fills (a disc: 0.79; an "o": far less)
_BULLET_CLEAR_INCH = 0.02  # paper around a bullet


@dataclass
class Leader:
    top: int
    bottom: int
    left: int
    right: int
    dots: int
    pitch: float  # dot widths from one dot to the next; 0 for a bullet

    @property
    def text(self) -> str:
        if self.pitch == 0:
            return "•"
        if self.pitch >= _ELLIPSIS_PITCH:
            return "…" * max(1, round(self.dots / 3))
        return "." * self.dots


def find_leaders(gray: Image.Image, dpi: int) -> list[Leader]:
    """Dot leaders and bullets of a page."""
    ink = np.asarray(gray) < _INK
    labels, _ = ndimage.label(ink)
    small, large = (max(1, round(v * dpi)) for v in _DOT_INCH)
    above = round(_ABOVE_INCH * dpi)
    dots, bullets = [], []
    for index, found in enumerate(ndimage.find_objects(labels), start=1):
        if found is None:
            continue
        rows, cols = found
        h, w = rows.stop - rows.start, cols.stop - cols.start
        if _is_bullet(labels, index, rows, cols, dpi):
            bullets.append(Leader(rows.start, rows.stop, cols.start, cols.stop, 1, 0.0))
            continue
        if not (small <= h <= large and small <= w <= large and 0.5 <= w / h <= 2.0):
            continue
        if ink[max(0, rows.start - above) : rows.start, cols].any():
            continue  # a colon's lower dot, a letter's dot below ("ạ")
        dots.append((rows.stop, cols.start, rows.start, cols.stop))  # bottom, left, top, right
    leaders = []
    for run in _runs(sorted(dots), dpi):
        width = sum(d[3] - d[1] for d in run) / len(run)
        pitch = (run[-1][1] - run[0][1]) / (len(run) - 1)
        if pitch >= _PITCH * width:
            top, bottom = min(d[2] for d in run), max(d[0] for d in run)
            leaders.append(Leader(top, bottom, run[0][1], run[-1][3], len(run), pitch / width))
    return leaders + bullets


def _is_bullet(labels: np.ndarray, index: int, rows: slice, cols: slice, dpi: int) -> bool:
    small, large = (round(v * dpi) for v in _BULLET_INCH)
    h, w = rows.stop - rows.start, cols.stop - cols.start
    if not (small <= h <= large and small <= w <= large and 0.8 <= w / h <= 1.25):
        return False
    if (labels[rows, cols] == index).mean() < _BULLET_FILL:
        return False
    m = round(_BULLET_CLEAR_INCH * dpi)
    around = labels[max(0, rows.start - m) : rows.stop + m, max(0, cols.start - m) : cols.stop + m]
    return not np.any((around != 0) & (around != index))


def _runs(dots: list[tuple[int, int, int, int]], dpi: int) -> list[list[tuple[int, int, int, int]]]:
    """Dots on one baseline (sorted by bottom), split where the paper between them is wide."""
    tolerance, gap = round(_BASELINE_INCH * dpi), round(_GAP_INCH * dpi)
    rows: list[list[tuple[int, int, int, int]]] = []
    for dot in dots:
        if rows and dot[0] - rows[-1][0][0] <= tolerance:
            rows[-1].append(dot)
        else:
            rows.append([dot])
    runs = []
    for row in rows:
        row.sort(key=lambda d: d[1])
        run = [row[0]]
        for dot in row[1:]:
            if dot[1] - run[-1][3] <= gap:
                run.append(dot)
                continue
            runs.append(run)
            run = [dot]
        runs.append(run)
    return [run for run in runs if len(run) >= _MIN_DOTS]


def erase(gray: Image.Image, leaders: list[Leader]) -> Image.Image:
    page = gray.copy()
    for leader in leaders:
        page.paste(255, (leader.left, leader.top, leader.right, leader.bottom))
    return page


def put_back(lines: list[TsvLine], leaders: list[Leader], dpi: int) -> list[TsvLine]:
    """The lines with each leader's dots where they stood; a leader on a line of its own is
    a line of its own, after the last line that starts above it."""
    glue = round(_GLUE_INCH * dpi)
    for leader in leaders:
        word = Word(leader.left, leader.right, leader.text)
        line = _line_of(lines, leader)
        if line is None:
            at = sum(1 for other in lines if other.top < leader.top)
            lines.insert(
                at,
                TsvLine(
                    [word], leader.top - 2 * (leader.bottom - leader.top), leader.bottom, 100.0
                ),
            )
            continue
        at = sum(1 for w in line.words if w.left < leader.left)
        dots = leader.pitch > 0  # a bullet stands apart from its words
        word.glued = dots and at > 0 and leader.left - line.words[at - 1].right < glue
        line.words.insert(at, word)
        if at < len(line.words) - 1:
            after = line.words[at + 1]
            after.glued = dots and after.left - leader.right < glue
    return lines


def _line_of(lines: list[TsvLine], leader: Leader) -> TsvLine | None:
    """The line whose baseline band holds the leader's dots, nearest it across the page."""
    best, distance = None, None
    for line in lines:
        if not line.top <= leader.bottom <= line.bottom + (leader.bottom - leader.top):
            continue
        gap = max(0, line.left - leader.right, leader.left - line.right)
        if gap > (line.bottom - line.top) * 6:
            continue
        if distance is None or gap < distance:
            best, distance = line, gap
    return best
