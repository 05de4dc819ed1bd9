"""Total rows of a table ("Tổng cộng | 100"): bold like the rows that head a group, but a
total closes the rows above it instead of heading the rows below."""

from __future__ import annotations

import re

from vntext.terms import fold

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
