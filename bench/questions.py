"""The benchmark's question mix, the same at every corpus size: five kinds, each timed and
reported on its own, because a title echo is the easiest question there is.

- alqac: real ALQAC 2022 questions whose gold article is in the Legal Code corpus;
- fact: a figure or a deadline inside an article ("… trong thời hạn bao nhiêu ngày …?");
- unaccented: ALQAC and fact questions typed without diacritics, lower case;
- abbreviation: a clause of an article with its phrase abbreviated ("UBND cấp tỉnh …");
- title: the old template, "Quy định về {article title} như thế nào?", kept for comparison.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from vntext.terms import fold

KINDS = ("alqac", "fact", "unaccented", "abbreviation", "title")
POOL = 1000  # questions come from the first articles, which every corpus size holds
_FIGURE = re.compile(
    r"(?<![\d/.,])(\d+(?:[.,]\d+)?)\s*(ngày làm việc|ngày|tháng|năm|tuổi|giờ|%|lần|triệu đồng)"
    r"(?=[\s,.;]|$)"
)
_SENTENCE = re.compile(r"(?<=[.;:])\s+")
_MARKER = re.compile(r"^(?:[a-zđ]\)|\d+\.)\s*")
_NOT_AMOUNT = frozenset(["ngay", "thang", "nam", "so", "dieu", "khoan", "muc", "chuong"])
ABBREVIATE = {  # phrase as the articles write it → the abbreviation officials type
    "Ủy ban nhân dân": "UBND",
    "Hội đồng nhân dân": "HĐND",
    "ngân sách nhà nước": "NSNN",
    "cán bộ, công chức": "CBCC",
    "kinh tế - xã hội": "KT-XH",
    "văn bản quy phạm pháp luật": "VBQPPL",
    "bảo hiểm xã hội": "BHXH",
    "bảo hiểm y tế": "BHYT",
    "phòng cháy, chữa cháy": "PCCC",
    "Mặt trận Tổ quốc": "MTTQ",
    "thủ tục hành chính": "TTHC",
}


@dataclass
class BenchQuestion:
    kind: str
    text: str
    gold: int | None = None  # index of the record that answers it, when known


def unaccented(text: str) -> str:
    return " ".join(fold(w) for w in text.split())


def _clause_before(sentence: str, end: int) -> list[str]:
    """The words of the clause that ends at `end`: from the last comma or the sentence start."""
    words = sentence[:end].split()
    clause = sentence[:end].rsplit(",", 1)[-1].split()
    return clause if len(clause) >= 4 else words


def fact_question(text: str) -> str | None:
    """A question about a figure with a unit in an article (not a date or a number): its
    clause up to the figure, "bao nhiêu <unit>", and up to 6 words after it."""
    for sentence in _SENTENCE.split(text):
        for m in _FIGURE.finditer(sentence):
            before = _clause_before(sentence, m.start())
            if not 4 <= len(before) <= 16 or fold(before[-1]) in _NOT_AMOUNT:
                continue
            after = re.split(r"[,;.:]", sentence[m.end() :], maxsplit=1)[0].split()[:6]
            unit = "phần trăm" if m.group(2) == "%" else m.group(2)
            text = _MARKER.sub("", " ".join([*before, "bao nhiêu", unit, *after]))
            return f"{text[0].upper()}{text[1:]}?"
    return None


def abbreviation_question(text: str) -> str | None:
    """The clause around an abbreviable phrase (5 to 18 words), the phrase abbreviated."""
    for clause in re.split(r"[.;:]\s+|,\s+(?=[^,]{20})", text):
        for phrase, abbr in ABBREVIATE.items():
            at = clause.lower().find(phrase.lower())
            if at < 0:
                continue
            short = _MARKER.sub("", clause[:at] + abbr + clause[at + len(phrase) :])
            if 6 <= len(short.split()) <= 16:
                return f"{short[0].upper()}{short[1:].rstrip(' .,;:')} như thế nào?"
    return None


def question_mix(records: list[dict], per_kind: int = 30) -> list[BenchQuestion]:
    """`per_kind` questions of each kind, deterministic. ALQAC questions ride on their gold
    records (`rec["alqac"]`, see bench.corpus)."""
    pool = records[:POOL]
    alqac = [
        BenchQuestion("alqac", q["question"], i)
        for i, r in enumerate(pool)
        for q in r.get("alqac", [])
    ]
    facts, abbrevs = [], []
    for i, rec in enumerate(pool):
        if (f := fact_question(rec["text"])) is not None:
            facts.append(BenchQuestion("fact", f, i))
        if (a := abbreviation_question(rec["text"])) is not None:
            abbrevs.append(BenchQuestion("abbreviation", a, i))
    rng = random.Random(16)
    alqac, facts = rng.sample(alqac, len(alqac)), rng.sample(facts, len(facts))
    n, half = per_kind, per_kind // 2
    plain = [*alqac[n : n + half], *facts[n : n + per_kind - half]]
    out = [
        *alqac[:n],
        *facts[:n],
        *(BenchQuestion("unaccented", unaccented(q.text), q.gold) for q in plain),
    ]
    out += rng.sample(abbrevs, min(n, len(abbrevs)))
    for i in rng.sample(range(len(pool)), n):
        title = pool[i]["title"].split(". ", 1)[-1]
        out.append(BenchQuestion("title", f"Quy định về {title.lower()} như thế nào?", i))
    return out
