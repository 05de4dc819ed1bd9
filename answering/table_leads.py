"""A table's group rows head the rows below them, as a list's lead-in heads its items: "Có 30
đảng viên trở xuống — Chế độ chi đặc thù: 15.000.000 đồng/chi bộ/năm" says whom it is for only
through "2. Chi hỗ trợ kinh phí hoạt động …" and "a. Đối với các tổ chức cơ sở đảng … trong
doanh nghiệp ngoài khu vực nhà nước" above it."""

from __future__ import annotations

import re

from vntext.sentences import split_sentences

# "I. …", "2. …", "a) …": the level is the kind of label, as in the document's own outline
_LABEL = re.compile(r"^(?:(?P<roman>[IVX]+)|(?P<number>\d{1,2})|(?P<letter>[a-zđ]))[.)]\s")
_CELLS = " — "  # a row with values: "<label cell> — <column>: <value>"
_LEAD_CHARS = 160
_NAMING_WORDS = 4


def _level(match: re.Match[str]) -> int:
    return 0 if match.group("roman") else 1 if match.group("number") else 2


def _short(row: str) -> str:
    """The group row's first sentence, cut to a line: it names the group, the rest explains."""
    first = next(iter(split_sentences(row)), row)
    return first if len(first) <= _LEAD_CHARS else first[:_LEAD_CHARS].rsplit(" ", 1)[0] + "…"


class RowLeads:
    """What heads each row of a table passage: the group rows above it, outermost first. A
    group row is a labelled row with no other cell; a labelled row ends the groups of its
    level. Read sentence by sentence in order, as candidates() does: the same cell text may
    stand in several rows ("Nộp trực tuyến tại Cổng dịch vụ công …")."""

    def __init__(self, table_text: str):
        self.rows: list[tuple[int, str, str]] = []  # (where the row ends, row, its groups)
        groups: list[tuple[int, str]] = []
        at = 0
        for raw in table_text.split("\n"):
            line, at = raw.strip(), at + len(raw) + 1
            label = _LABEL.match(line)
            if label:
                while groups and groups[-1][0] >= _level(label):
                    groups.pop()
            self.rows.append((at, line, " … ".join(text for _, text in groups)))
            if label and _CELLS not in line:
                groups.append((_level(label), _short(line)))
        self._text = table_text
        self._cursor = 0

    def lead(self, sentence: str) -> str:
        """The groups above the row that holds the sentence and, for a sentence inside the row
        ("Thời hạn giải quyết: 03 ngày làm việc" of a procedure's row), the row's first cell:
        the row is one record, and its first cell names what the rest is about."""
        found = self._text.find(sentence[:40], self._cursor)
        if found < 0:
            return ""
        self._cursor = found + 1
        _, row, groups = next(r for r in self.rows if r[0] > found)
        inside = not row.startswith(sentence[:40]) and _CELLS in row
        label = _short(row.split(_CELLS)[0]) if inside else ""
        if len(label.split()) < _NAMING_WORDS:  # "Bước 1", "2": a place in the table, no name
            label = ""
        return " … ".join(p for p in (groups, label) if p)
