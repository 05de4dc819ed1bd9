"""Text of PDF pages, rebuilt into paragraphs from the page geometry (text layer or OCR).

PDFium keeps Vietnamese syllables whole (pypdf's default extraction splits them: "K ế ho ạch").
Each line's left and right edge say where paragraphs start (first-line indent) and end (a short
line); small raised digits become superscripts, so footnote marks and the notes at the foot of a
page keep their numbers; running heads ("CÔNG BÁO/Số 711 + 712/Ngày 23-5-2023 27") and page
numbers are dropped; a paragraph cut by a page break is joined, its page's notes put after it.
"""

from __future__ import annotations

import re
import statistics
import threading
from dataclasses import dataclass

import pypdfium2 as pdfium

from ingest.line_kinds import (
    continues_with_lower_bullet,
    ends_sentence,
    is_footnote,
    is_structural,
    needs_number,
    starts_lower,
)
from ingest.ocr import OcrLine
from ingest.syllables import page_is_split, rejoin_inline, split_inside
from vntext.sentences import SUPERSCRIPTS

RUNNING_HEAD = re.compile(
    r"^(?:\d{1,4}\s+)?CÔNG BÁO\s*/\s*Số\s+[\d\s+]+/\s*Ngày\s+\d{1,2}-\d{1,2}-\d{4}(?:\s+\d{1,4})?$"
)
_PAGE_NUMBER = re.compile(r"^(?:[-–]\s*)?\d{1,4}(?:\s*[-–])?$")  # "12", "- 12 -"
_RULE = re.compile(r"^[-_=.…]{3,}$")
_TO_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPTS)
_INDENT = 8.0  # points: a first-line indent or a centred line
_SHORT = 0.12  # share of the text width left empty at the end of a paragraph's last line
PDFIUM_LOCK = threading.Lock()  # PDFium is not thread-safe; ingest jobs and the web app share it


class PdfTextError(Exception):
    """The PDF cannot be opened, or no page of it can be read."""


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    size: float = 0.0  # height of the font box: notes are set smaller than the body


def pages_to_text(pages: list[list[Line]]) -> str:
    """The pages' lines (text layer or OCR) rebuilt into paragraphs, one blank line apart."""
    return "\n\n".join(_paragraphs(pages))


def ocr_page(lines: list[OcrLine]) -> list[Line]:
    """An OCR'd page as lines, less its running head, rules and page number, like a text page."""
    kept = [
        Line(line.text, line.x0, line.x1, line.height)
        for line in lines
        if not RUNNING_HEAD.match(line.text) and not _RULE.match(line.text)
    ]
    return _drop_page_numbers(kept)


def page_lines(page: pdfium.PdfPage) -> list[Line]:
    """A page's text layer as lines; the caller holds PDFIUM_LOCK."""
    textpage = page.get_textpage()
    text = textpage.get_text_range()
    geometry = len(text) == textpage.count_chars()
    if geometry:
        text = _mark_superscripts(textpage, text)
    text = text.replace("\ufffe", "-")  # PDFium's code for a hyphen it could not place
    raw_lines = text.split("\r\n")
    repair = page_is_split(raw_lines)
    lines: list[Line] = []
    pos = 0
    glue = False  # the line before ended inside a syllable this line finishes
    for i, raw in enumerate(raw_lines):
        start, end = pos + len(raw) - len(raw.lstrip()), pos + len(raw.rstrip()) - 1
        pos += len(raw) + 2
        line = raw.strip()
        if not line or RUNNING_HEAD.match(line) or _RULE.match(line):
            glue = False
            continue
        x0, x1, size = 0.0, 0.0, 0.0
        if geometry:
            x0, x1 = textpage.get_charbox(start)[0], textpage.get_charbox(end)[2]
            size = _font_size(textpage, raw, start - (len(raw) - len(raw.lstrip())))
        if glue and lines:
            lines[-1] = Line(lines[-1].text + line, lines[-1].x0, x1, lines[-1].size)
        else:
            lines.append(Line(line, x0, x1, size))
        nxt = raw_lines[i + 1] if i + 1 < len(raw_lines) else ""
        glue = repair and split_inside(raw, nxt)
    textpage.close()
    if repair:
        lines = [Line(rejoin_inline(line.text), line.x0, line.x1, line.size) for line in lines]
    return _drop_page_numbers(lines)


def _font_size(textpage: pdfium.PdfTextPage, raw: str, begin: int) -> float:
    """Height of the font box of the line's first letter (the loose box: the same for any glyph)."""
    first = next((i for i, c in enumerate(raw) if c.isalpha()), None)
    if first is None:
        return 0.0
    box = textpage.get_charbox(begin + first, loose=True)
    return box[3] - box[1]


def _drop_page_numbers(lines: list[Line]) -> list[Line]:
    while lines and _PAGE_NUMBER.match(lines[0].text):
        lines = lines[1:]
    while lines and _PAGE_NUMBER.match(lines[-1].text):
        lines = lines[:-1]
    return lines


def _mark_superscripts(textpage: pdfium.PdfTextPage, text: str) -> str:
    """Digits set smaller and raised above their line ("tổ hợp tác.1") become "¹"."""
    digits = [i for i, c in enumerate(text) if c.isdigit()]
    if not digits:
        return text
    boxes = {i: textpage.get_charbox(i) for i in digits}
    usual = statistics.median(b[3] - b[1] for b in boxes.values())
    chars = list(text)
    for run in _digit_runs(digits):
        first, last = run[0], run[-1]
        height = max(boxes[i][3] - boxes[i][1] for i in run)
        if usual <= 0 or height >= 0.8 * usual:
            continue
        if text[first - 1 : first] == "(" and text[last + 1 : last + 2] == ")":
            continue  # "(1)" in a form is a small label, not a note mark
        bottom = min(boxes[i][1] for i in run)
        if bottom - _baseline(textpage, text, first, last) >= 0.35 * usual:
            for i in run:
                chars[i] = text[i].translate(_TO_SUPERSCRIPT)
    return "".join(chars)


def _digit_runs(digits: list[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for i in digits:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _baseline(textpage: pdfium.PdfTextPage, text: str, first: int, last: int) -> float:
    """Median bottom of the other characters on the same line."""
    start = text.rfind("\n", 0, first) + 1
    end = text.find("\r", last)
    end = len(text) if end < 0 else end
    bottoms = [
        textpage.get_charbox(i)[1]
        for i in range(start, end)
        if not (first <= i <= last) and text[i].isalpha()
    ]
    return statistics.median(bottoms) if bottoms else float("inf")


def _margins(lines: list[Line]) -> tuple[float, float]:
    """Left edge of the body text and right edge of full lines on this page."""
    long = sorted((line for line in lines if len(line.text) > 40), key=lambda line: line.x0)
    long = long or lines
    left = long[len(long) // 10].x0  # lines wrapped to the margin outnumber outdented ones
    right = statistics.median(line.x1 for line in long)
    return left, right


def _paragraphs(pages: list[list[Line]]) -> list[str]:
    sizes = [line.size for lines in pages for line in lines if line.size > 0]
    body_size = statistics.median(sizes) if sizes else 0.0
    out: list[str] = []
    current = ""  # the open paragraph: may go on across the page break
    notes: list[str] = []  # notes of pages the open paragraph started on, put after it
    in_notes = False  # the last page ended inside its notes
    for lines in pages:
        if not lines:
            continue
        left, right = _margins(lines)
        width = max(1.0, right - left)
        small_from = _small_tail(lines, body_size) if in_notes else len(lines)
        prev: Line | None = None
        page_notes: list[str] = []
        for i, line in enumerate(lines):
            if i >= small_from and not is_footnote(line.text) and not page_notes:
                _continue_note(notes or out, line.text)  # a long note goes on from the last page
                continue
            if page_notes or (is_footnote(line.text) and prev is not None):
                _add_note(page_notes, line.text)
                continue
            if current and _continues(prev, line, current, left, right, width):
                current = _join(current, line.text)
            else:
                if current:
                    out.append(current)
                    out.extend(notes)
                    notes = []
                current = line.text
            prev = line
        in_notes = bool(page_notes)
        notes.extend(page_notes)
    if current:
        out.append(current)
    out.extend(notes)
    return out


def _small_tail(lines: list[Line], body_size: float) -> int:
    """Where the run of lines set smaller than the body, down to the page foot, starts."""
    start = len(lines)
    while start > 0 and 0 < lines[start - 1].size < 0.9 * body_size:
        start -= 1
    return start


def _continue_note(paragraphs: list[str], text: str) -> None:
    for i in range(len(paragraphs) - 1, -1, -1):
        if is_footnote(paragraphs[i]):
            paragraphs[i] = _join(paragraphs[i], text)
            return


def _add_note(notes: list[str], text: str) -> None:
    if is_footnote(text) or not notes:
        notes.append(text)
    else:
        notes[-1] = _join(notes[-1], text)


def _continues(
    prev: Line | None, line: Line, current: str, left: float, right: float, width: float
) -> bool:
    """Does `line` go on with the open paragraph? `prev` is None at the top of a page."""
    text = current.rsplit("\n", 1)[-1]
    if line.text[:1].isdigit() and needs_number(text):
        return True
    if is_structural(line.text) and not continues_with_lower_bullet(text, line.text):
        return False
    if starts_lower(line.text) and not ends_sentence(text):
        return True
    if line.x0 - left > _INDENT:
        return False
    if prev is not None and prev.x1 < right - _SHORT * width:
        return False
    return not (prev is None and ends_sentence(text))


def _join(text: str, more: str) -> str:
    """Join a wrapped line; "Covid-" + "19" keeps its hyphen, "manage-" + "ment" loses it."""
    if re.search(r"\w-$", text) and not text.endswith(" -"):
        return text[:-1] + more if more[:1].islower() else text + more
    return f"{text} {more}"
