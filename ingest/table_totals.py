"""Total rows of a table ("Tổng cộng | 100"): bold like the rows that head a group, but a
total closes the rows above it instead of heading the rows below."""

from __future__ import annotations

import re
from itertools import takewhile

from vntext.terms import fold

_FIGURE = re.compile(r"\d{1,3}(?:\.\d{3})*(?:,\d+)?")
_BARE_TOTAL = re.compile(r"^(?:tong cong|tong so|tong|cong)[\s:.]*$")
# "Tổng cộng", "Tổng: 18,800", "Cộng (I+II)", "Tổng thời gian giải quyết TTHC"; not "Tổng hợp …",
# "Tổng cục …" or "Công tác …"
_TOTAL = re.compile(
    r"^(?:tong|cong)\s*(?:$|[:(\d])"
    r"|^tong (?:cong|so|thoi gian|kinh phi|muc|gia tri|dien tich|chieu dai|von|du toan)\b"
)


def is_total_row(row: list[str]) -> bool:
    """The row's first filled cell, emphasis aside, names a total."""
    first = next((c for c in (re.sub(r"[*\s]+", " ", c).strip() for c in row) if c), "")
    return bool(_TOTAL.match(fold(first)))


def total_named(row: list[str], col: int, since: list[list[str]]) -> list[str]:
    """A bare total ("Tổng | 18,800") whose figures sum the last rows above it, two or more
    rows of one label merged down, says whose total it is: "Tổng (Xã Đan Thượng)" under that
    commune's two dikes of 16,500 and 2,300 km."""
    label = row[col] if col < len(row) else ""
    run = list(takewhile(lambda r: r[col] == since[-1][col], reversed(since))) if since else []
    if len(run) >= 2 and run[0][col] and _BARE_TOTAL.match(fold(label)) and _sums(row, run):
        return [*row[:col], f"{label} ({run[0][col]})", *row[col + 1 :]]
    return row


def _sums(total: list[str], rows: list[list[str]]) -> bool:
    """Every figure of the total is the sum of the rows' figures in its column."""
    checked = 0
    for i, cell in enumerate(total):
        value = _number(cell)
        if value is None:
            continue
        parts = [_number(r[i]) for r in rows]
        if any(p is None for p in parts) or abs(sum(p or 0.0 for p in parts) - value) > 1e-6:
            return False
        checked += 1
    return checked > 0


def _number(cell: str) -> float | None:
    """ "18,800" (a decimal comma), "1.500.000" (dots between thousands) as a number."""
    if not _FIGURE.fullmatch(cell.strip()):
        return None
    return float(cell.strip().replace(".", "").replace(",", "."))
