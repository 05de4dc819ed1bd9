"""Which column of a table row a question asks for: the header it names in full, the words it
says again after naming the row, the unit a header brackets, the columns that only number rows."""

from __future__ import annotations

import re
from collections import Counter

from answering.question import Question
from vntext.terms import STOPWORDS, fold, syllables

_HEADER_UNIT = re.compile(r"\(([^()]{1,30})\)")  # "Mức thu (đồng)", "Tỷ lệ (%) – Xã"
_INDEX_COLUMNS = {"stt", "tt", "so tt", "so thu tu"}


def said_again(question: str, label: str) -> frozenset[str]:
    """Words the question says more often than the row's label does: "xã" of "ngân sách xã"
    still names a column after "xã Hưng Lộc" named the row."""
    said = Counter(fold(w.lower()) for w in syllables(question))
    said.subtract(fold(w.lower()) for w in syllables(label))
    again = {w for w, n in said.items() if n > 0}
    return frozenset(again | {w.lower() for w in syllables(question) if fold(w.lower()) in again})


def names_whole(column: str, q: Question) -> bool:
    """The question says every word of a column's header: "Mã TTHC", "Cơ quan thực hiện"."""
    words = {w.lower() for w in syllables(column)}
    said = {w.lower() for w in syllables(q.text)}
    if not q.accented:
        words, said = {fold(w) for w in words}, {fold(w) for w in said}
    return bool(words - STOPWORDS) and words <= said


def header_unit(column: str) -> str:
    """The last bracketed words of a header, the unit of its figures ("(%)", "(1.000đ)")."""
    found = _HEADER_UNIT.findall(column)
    return found[-1].strip() if found else ""


def is_index(column: str) -> bool:
    """STT, TT, "Số thứ tự tại Quyết định …": columns that only number the rows."""
    name = fold(column).strip(" .")
    return name in _INDEX_COLUMNS or name.startswith("so thu tu")
