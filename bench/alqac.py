"""ALQAC 2022 questions mapped to the same articles in the Legal Code corpus (phapdien), so the
benchmark can ask real officials' questions whose answer is in the scale corpus.

A question names its law file and article number; a phapdien article names its origin in
`source` ("Điều 418 Bộ luật số 100/2015/QH13 …"). The pair (law number, article number) maps
one to the other, and the article titles must agree, which rejects a renumbered article.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from vntext.terms import STOPWORDS, fold, syllables

SHARED = Path(__file__).resolve().parents[2] / "shared" / "datasets"
ALQAC = SHARED / "alqac2022"
# 01/VBHN-VPQH is the consolidated Criminal Code: Law 100/2015/QH13 as amended by 12/2017/QH14.
LAWS = {
    "01-VBHN-VPQH.txt": "100/2015/QH13",
    "24-2018-QH14.txt": "24/2018/QH14",
    "45-2019-QH14.txt": "45/2019/QH14",
    "91-2015-QH13.txt": "91/2015/QH13",
}
_ORIGIN = re.compile(r"^Điều (\d+[a-z]?) (?:Bộ )?luật số (\d+/\d{4}/QH\d+)", re.I)
_HEADING = re.compile(r"^Điều (\d+[a-z]?)\.\s*(.*)$", re.M)
_CODE_TITLE = re.compile(r"^Điều [\d.]+[A-Z]+\.[\d.]*?(\d+[a-z]?)\.\s*(.*)$")


def _words(title: str) -> set[str]:
    return {fold(s) for s in syllables(title) if s not in STOPWORDS and not s[0].isdigit()}


def _agree(a: str, b: str) -> bool:
    wa, wb = _words(a), _words(b)
    return bool(wa and wb) and len(wa & wb) / len(wa | wb) >= 0.5


def origin(record: dict) -> tuple[str, str] | None:
    """(law number, article number) a Legal Code article was taken from."""
    m = _ORIGIN.match(record.get("source") or "")
    return (m.group(2).upper(), m.group(1)) if m else None


def law_titles(folder: Path = ALQAC / "corpus") -> dict[tuple[str, str], str]:
    """(law number, article number) → the article's title in the ALQAC law texts."""
    out: dict[tuple[str, str], str] = {}
    for name, law in LAWS.items():
        for m in _HEADING.finditer((folder / name).read_text(encoding="utf-8")):
            out.setdefault((law, m.group(1)), m.group(2))
    return out


def mapped_questions(records: list[dict]) -> list[tuple[dict, int]]:
    """(ALQAC question, index of its gold article in `records`) for every question whose
    article is in the Legal Code under an agreeing title."""
    titles = law_titles()
    where: dict[tuple[str, str], int] = {}
    for i, rec in enumerate(records):
        key = origin(rec)
        code = _CODE_TITLE.match(rec["title"])
        if key and key in titles and code and _agree(code.group(2), titles[key]):
            where.setdefault(key, i)
    out = []
    for line in (ALQAC / "questions.jsonl").read_text(encoding="utf-8").splitlines():
        q = json.loads(line)
        key = (LAWS.get(q["sources"][0], ""), q["articles"][0])
        if key in where:
            out.append((q, where[key]))
    return out
