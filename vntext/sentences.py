"""Sentence and clause splitting for Vietnamese administrative prose.

Used when chunking (sentences are the unit of packing) and when answering (the quoted unit).
"""

from __future__ import annotations

import re

_UPPER = "A-ZĐÀ-ỸÂĂÊÔƠƯ"
# A sentence ends at . ! ? … (optionally followed by a closing quote/paren or a footnote mark)
# when the next thing starts like a sentence: capital, digit, quote, dash, bracket.
_BOUNDARY = re.compile(rf"(?<=[.!?…])([”\"’)\]]?[⁰¹²³⁴⁵⁶⁷⁸⁹]*)\s+(?=[{_UPPER}0-9“\"(\[\-–•])")
# "TP." "TL." "KT." "ThS." "Q." and list markers "1." "1.1." "a." must not end a sentence; a
# year or a figure at the end of a sentence ("tháng 3 năm 2022.") does.
_NO_END = re.compile(r"(?:\b[A-ZĐ][A-Za-zĐđ]{0,3}|^\d+(?:\.\d+)*|\b[a-zđ])\.$")
_CLAUSE = re.compile(r"(?<=[;:])\s+|(?<=,)\s+(?=\S)")
SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences; lines inside it (a list, a signature) stay separate."""
    out: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        start = 0
        for m in _BOUNDARY.finditer(line):
            end = m.start() + len(m.group(1))
            piece = line[start:end]
            if _NO_END.search(piece) and not piece.endswith(("...", "…")):
                continue
            out.append(piece.strip())
            start = m.end()
        rest = line[start:].strip()
        if rest:
            out.append(rest)
    return out


def split_clauses(sentence: str) -> list[str]:
    """Semicolon and colon parts first; a long part is cut further at commas."""
    parts: list[str] = []
    for part in re.split(r"(?<=[;:])\s+", sentence):
        if len(part) > 220:
            parts.extend(p for p in _CLAUSE.split(part) if p)
        else:
            parts.append(part)
    return [p.strip() for p in parts if p.strip()]
