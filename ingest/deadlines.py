"""Deadlines as notices write them, resolved to an ISO date when the words allow it.

"trước ngày 05/4/2022" → 2022-04-05; "trong tháng 3/2022" → the month's last day; "Quý II/2026"
→ the quarter's last day; "năm 2025 - 2026" → 2026-12-31; a day and month without a year take the
notice's year. Recurring deadlines ("hằng năm trước 25/12", "Thường xuyên", "định kỳ") keep their
words and no date. An impossible date ("31/02/2024") keeps its words and no date: nothing is
invented.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from vntext.terms import fold

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_YEAR = r"((?:19|20)\d{2})"
_DAY_MONTH = r"(\d{1,2})\s*[/.-]\s*(\d{1,2})"
# Each shape: (pattern on folded text, resolver name). Folded: lower case, no accents.
_SHAPES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"\b(?<!thang )(?<!thang){_DAY_MONTH}\s*[/.-]\s*{_YEAR}\b"), "dmy"),
    (re.compile(rf"\bngay\s+(\d{{1,2}})\s+thang\s+(\d{{1,2}})\s+nam\s+{_YEAR}\b"), "dmy"),
    (re.compile(r"\bngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\b(?!\s*(?:[/-]|nam)\s*\d)"), "dm"),
    # "Quý III/2026"; "Quý II, III/2026" and "quý II và quý III năm 2026": the last one listed
    (
        re.compile(
            r"\bqu[yi]\s+(?:(?:iv|iii|ii|i|[1-4])\s*(?:,|va|-|–|den)\s*(?:qu[yi]\s+)?)*"
            rf"(iv|iii|ii|i|[1-4])\b(?:\s*(?:[/-]|nam)\s*{_YEAR})?"
        ),
        "quarter",
    ),
    (re.compile(rf"\b(6|sau)\s+thang\s+(dau|cuoi)\s+nam(?:\s+{_YEAR})?"), "half"),
    (re.compile(rf"\bthang\s+(\d{{1,2}})(?:\s*(?:[/-]|nam)\s*{_YEAR})?(?![/\d])"), "month"),
    (re.compile(rf"(?<![\d/.])(\d{{1,2}})\s*/\s*{_YEAR}(?![/\-\w])"), "month"),
    (re.compile(rf"\b(?:ngay\s+)?{_DAY_MONTH}(?![/\-\d])(?!\.\d)"), "dm"),  # "trước 15/5."
    (re.compile(rf"\bnam\s+{_YEAR}(?:\s*[-–]\s*{_YEAR})?"), "year"),
    (re.compile(rf"\b{_YEAR}\s*[-–]\s*{_YEAR}\b"), "years"),
]
_RECURRING = re.compile(
    r"\b(?:hang|moi)\s+(?:nam|quy|thang|tuan|ngay)\b|\bdinh\s+ky\b"
    r"|(?<!chi )(?<!phi )(?<!von )\bthuong\s+xuyen\b"  # not "chi thường xuyên": spending
    r"|\btro\s+di\b|\bcac\s+nam\s+tiep\s+theo\b|\blien\s+tuc\b|\bthuong\s+nien\b"  # ongoing
)
# Words that make a date in running prose a deadline rather than a reference ("Nghị quyết số 12
# ngày 10/12/2018"). Matched on folded text just before the date.
_CUE = re.compile(
    r"(?:truoc(?:\s+ngay)?|cham\s+nhat(?:\s+la)?(?:\s+(?:ngay|truoc\s+ngay|vao))?|han\s+chot"
    r"|thoi\s+han(?:\s+(?:hoan\s+thanh|thuc\s+hien|nop))?\s*:?|xong\s+trong|hoan\s+thanh\s+trong"
    r"|(?:thoi\s+gian|tien\s+do)(?:\s+(?:hoan\s+thanh|thuc\s+hien))?\s*:(?:\s*(?:trong|truoc))?"
    r"|hoan\s+thanh(?:\s+truoc)?|trong(?:\s+(?:thang|quy|nam))?|(?:den\s+)?het(?:\s+nam)?"
    r"|cuoi|(?:tai|vao)\s+(?:phien|ky|cuoc)\s+hop(?:\s+thuong\s+ky)?"  # "… tại phiên họp"
    r"|(?:den|toi)(?:\s+(?:ngay|truoc\s+ngay))?)\s*$"
)

# An opening phrase that says what the work rests on, not when it is due.
_GROUNDS = re.compile(
    r"\W*(?:[a-z]\)|\d{1,2}(?:\.\d{1,2})*[.)])?\s*(?:can cu|tren co so)\b[^,;:]*,"
)
# "từ tháng 3 " before "đến tháng 6/2026": a span of time, whose end is the deadline.
_RANGE_START = re.compile(r"\btu\s+(?:ngay|thang|quy|nam)\b[^,;.]{1,30}$")

# "không quá 05 ngày làm việc kể từ ngày ban hành": a deadline with no calendar date.
_RELATIVE = re.compile(
    r"(?:khong\s+qua|trong\s+(?:vong|thoi\s+han)?|cham\s+nhat(?:\s+la)?|truoc)\s*\d+\s+"
    r"(?:ngay|thang|tuan)(?:\s+lam\s+viec)?\s+(?:ke\s+tu|sau|truoc)[^,;.]{0,40}"
)


@dataclass(frozen=True)
class Deadline:
    """A deadline: the words as written, the date they name (None when they name none or an
    impossible one), whether it recurs, and where the words sit in the text they came from."""

    text: str
    due: date | None
    recurring: bool
    start: int = 0
    end: int = 0

    @property
    def iso(self) -> str | None:
        return self.due.isoformat() if self.due else None


def _month_end(year: int, month: int) -> date | None:
    if not 1 <= month <= 12:
        return None
    return date(year, month, calendar.monthrange(year, month)[1])


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _resolve(kind: str, groups: tuple[str | None, ...], year: int | None) -> date | None:
    """The date a matched shape names; None when it names none (or an impossible one)."""
    g = [x for x in groups]
    match kind:
        case "dmy":
            return _safe_date(int(g[2] or 0), int(g[1] or 0), int(g[0] or 0))
        case "dm":
            return _safe_date(year, int(g[1] or 0), int(g[0] or 0)) if year else None
        case "month":
            y = int(g[1]) if g[1] else year
            return _month_end(y, int(g[0] or 0)) if y else None
        case "quarter":
            y = int(g[1]) if g[1] else year
            return _month_end(y, 3 * _ROMAN[g[0] or "i"]) if y else None
        case "half":
            y = int(g[2]) if g[2] else year
            return _month_end(y, 6 if g[1] == "dau" else 12) if y else None
        case "year":
            return date(int(g[1] or g[0] or 0), 12, 31)
        case "years":
            return date(int(g[1] or 0), 12, 31)
    return None


def _matches(folded: str) -> list[tuple[int, int, str, re.Match[str]]]:
    """Every dated shape in the text, earliest first, overlaps resolved to the first shape."""
    found: list[tuple[int, int, str, re.Match[str]]] = []
    for pattern, kind in _SHAPES:
        for m in pattern.finditer(folded):
            if not any(s < m.end() and m.start() < e for s, e, _, _ in found):
                found.append((m.start(), m.end(), kind, m))
    return sorted(found, key=lambda f: f[0])


def parse_due(text: str, year: int | None = None) -> Deadline | None:
    """A whole deadline cell or line ("Quý IV/2025", "Thường xuyên", "Trước ngày 31/3/2026",
    "Khi có phát sinh"): the last date it names (the end of a range), or none; the words are
    kept whatever they say. None only for an empty cell."""
    words = " ".join(text.split()).strip(" .;:")
    if not words:
        return None
    folded = fold(words)
    dated = _matches(folded)
    recurring = bool(_RECURRING.search(folded))
    year_only = re.fullmatch(rf"(?:nam\s+)?{_YEAR}", folded)
    if year_only and not recurring:  # a cell that says only "2025": by the end of that year
        return Deadline(words, date(int(year_only.group(1)), 12, 31), False)
    if not dated or recurring:
        return Deadline(words, None, recurring)
    start, end, kind, m = dated[-1]
    if re.search(r"\btu\b", folded[:start]) and re.search(r"\bden\b", folded[end:]):
        return Deadline(words, None, False)  # "từ tháng 11/2025 đến khi kết thúc": no end date
    return Deadline(words, _resolve(kind, m.groups(), year), False)


def find_deadline(sentence: str, year: int | None = None) -> Deadline | None:
    """The deadline a sentence sets, if any: a date right after a deadline word ("trước ngày",
    "trong tháng", "hoàn thành", "hết năm"), or a recurring schedule ("hằng năm", "định kỳ")."""
    folded = fold(sentence)
    best: Deadline | None = None
    matches = _matches(folded)
    intro = _GROUNDS.match(folded)
    for n, (start, end, kind, m) in enumerate(matches):
        if intro and end <= intro.end():
            continue  # "Căn cứ kết quả thực hiện trong năm 2026, …": what the work starts from
        cue = _CUE.search(folded[max(0, start - 60) : start])
        if cue is None or (kind == "dm" and not _strong(cue.group(0))):
            continue
        cue_start = max(0, start - 60) + cue.start()
        until = re.fullmatch(r"\s*(?:den|toi)\s*", cue.group(0))
        ranged = (
            _RANGE_START.search(folded[:cue_start])
            if cue.group(0).startswith(("den", "toi"))
            else None
        )
        if until and kind not in ("dmy", "dm") and not ranged:
            continue  # "đến năm 2030": a horizon; "đến 31/12/2024" or "từ … đến …": an end
        if re.search(r"(?:tính|lũy kế|luỹ kế)\s*$", sentence[:cue_start].lower()):
            continue  # "tính đến ngày 30/9/2024": figures as of a date
        later = matches[n + 1] if n + 1 < len(matches) else None
        if later and re.fullmatch(r"\s*(?:[-–]|den)\s*", folded[end : later[0]]):
            end, kind, m = later[1], later[2], later[3]  # "trong tháng 10-11/2025": its end
        end = _extend(folded, end)
        words = sentence[ranged.start() if ranged else cue_start : end].strip(" ,;:")
        around = folded[max(0, cue_start - 30) : cue_start] + " " + folded[cue_start : end + 12]
        recurring = bool(_RECURRING.search(around))  # "định kỳ hằng năm (trước ngày 30/10)"
        if kind == "dm" and _RECURRING.search(folded):
            recurring = True  # "Định kỳ hằng năm, …, báo cáo trước ngày 15/12": every year
        due = None if recurring else _resolve(kind, m.groups(), year)
        if due and year and due.year < (year if kind in ("year", "years") else year - 2):
            continue  # "đất sử dụng trước ngày 01/7/2004"; "chưa đạt trong năm 2022" in 2023
        best = Deadline(words, due, recurring, ranged.start() if ranged else cue_start, end)
        break
    if best is None:
        rec = _RECURRING.search(folded)
        if rec:
            tail = re.match(r"[^,;.]*", folded[rec.end() :])
            end = rec.end() + (len(tail.group(0)) if tail and len(tail.group(0)) < 30 else 0)
            best = Deadline(sentence[rec.start() : end].strip(" ,;:"), None, True, rec.start(), end)
    relative = None if best else _RELATIVE.search(folded)
    if relative:
        start, end = relative.span()
        best = Deadline(sentence[start:end], None, False, start, end)
    return best


def _strong(cue: str) -> bool:
    """A bare day/month needs a clear deadline word; "trong" or "cuối" alone is too weak."""
    return not re.fullmatch(r"\s*(?:trong|cuoi)\s*", cue)


def _extend(folded: str, end: int) -> int:
    """Take a trailing recurrence along: "trước ngày 25/12 hàng năm"."""
    m = re.match(r"\s*(?:va\s+[\d/]+\s*)?(?:hang|moi)\s+(?:nam|quy|thang|tuan)\b", folded[end:])
    return end + m.end() if m else end
