"""The bilingual glossary (data/glossary_en_vi.tsv) and its lookup: the longest English phrase
at a position, exact words first, then with plural and verb endings tolerated."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from vntext.terms import nfc


@dataclass(frozen=True)
class Entry:
    english: str
    vietnamese: str
    alternatives: tuple[str, ...] = ()
    kind: str = "n"  # n, q, m, d, l, t, u, p, v: see the glossary's header


TOKEN = re.compile(
    r"«[^»]*»"  # words a question frame already put in Vietnamese
    r"|(?:số\s+)?\d+[A-Za-z]?(?:/\d{4})?[/-][^\W\d_][\w/-]*[^\W_]"  # 2820/QĐ-UBND
    r"|\d+[A-Z]\b"  # 5G, 4G
    r"|(?:số\s+)?\d+(?:[.,/:-]\d+)*%?"
    r"|[^\W\d_]+(?:['-]\w+)*'?"
    r"|[,;]"
)
# "chairmen" → "chairman"
_SUFFIXES = (
    ("men", "man"), ("ies", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("xes", "x"),
    ("s", ""),
)  # fmt: skip
_VERB_SUFFIXES = (("ied", "y"), ("ing", ""), ("ed", ""))


def _stem(word: str) -> str:
    """ "issued", "issues", "issuing" → "issu": tolerate plural and verb endings."""
    w = word.lower().removesuffix("'s").rstrip("'")
    for suffixes in (_SUFFIXES, _VERB_SUFFIXES):
        if len(w) > 3 and not w.endswith(("ss", "us", "is")):
            for suffix, repl in suffixes:
                if w.endswith(suffix) and len(w) - len(suffix) >= 2:
                    w = w[: -len(suffix)] + repl
                    break
    w = w.removesuffix("e") if len(w) > 3 else w
    return w[:-1] if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeioulsf" else w


@cache
def glossary() -> tuple[Entry, ...]:
    text = (files("vntext") / "data" / "glossary_en_vi.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in nfc(text).splitlines() if line and line[0] != "#"]
    return tuple(
        Entry(row[0].strip(), *_forms(row[1]), kind=(row[2].strip() if len(row) > 2 else "n"))
        for row in rows
    )


def _forms(cell: str) -> tuple[str, tuple[str, ...]]:
    first, *rest = (form.strip() for form in cell.split("|"))
    return first, tuple(rest)


@cache
def _index() -> tuple[dict[tuple[str, ...], Entry], dict[tuple[str, ...], Entry], int]:
    exact: dict[tuple[str, ...], Entry] = {}
    stemmed: dict[tuple[str, ...], Entry] = {}
    for entry in glossary():
        key = tuple(t.lower() for t in TOKEN.findall(entry.english))
        exact[key] = entry
        stemmed.setdefault(tuple(_stem(t) for t in key), entry)
    return exact, stemmed, max(len(k) for k in exact)


def lookup(tokens: list[str], i: int) -> tuple[Entry | None, int]:
    """The longest glossary entry at tokens[i]: the exact words first, then their stems."""
    exact, stemmed, longest = _index()
    for n in range(min(longest, len(tokens) - i), 0, -1):
        words = [w.lower() for w in tokens[i : i + n]]
        bare = (*words[:-1], words[-1].removesuffix("'s"))  # "the Fund's capital": "fund"
        entry = exact.get(tuple(words)) or exact.get(bare) or stemmed.get(tuple(map(_stem, words)))
        if entry:
            return entry, n
    return None, 0
