"""Questions about a bound ("phạt tù tối đa bao nhiêu năm?", "phạt tiền tối thiểu bao nhiêu?"):
the answer is the largest or smallest figure the passages of one article give for the asked-for
slot, which is often not in the passage that matches the question best."""

from __future__ import annotations

import re

from answering.detectors import has_anchor
from answering.question import Question
from answering.scoring import Evidence
from index.state import family_key
from vntext.terms import fold

_MAX = re.compile(r"\b(?:toi da|cao nhat|len den|nhieu nhat|lon nhat|dai nhat)\b")
_MIN = re.compile(r"\b(?:toi thieu|thap nhat|ngan nhat|nho nhat)\b")
# A figure with a unit we can compare: durations in months, money in đồng.
_FIGURE = re.compile(r"(\d[\d.]*)\s*(năm|tháng|ngày|đồng)\b")
_MONTHS = {"năm": 12.0, "tháng": 1.0, "ngày": 1 / 30}


def bound_asked(q: Question) -> str:
    """ "max", "min" or "" for a question about a figure."""
    if q.kind != "number":
        return ""
    folded = " ".join(fold(w) for w in q.text.split())
    return "max" if _MAX.search(folded) else "min" if _MIN.search(folded) else ""


def _figures(text: str) -> list[tuple[str, float]]:
    out = []
    for number, unit in _FIGURE.findall(text):
        value = float(number.replace(".", ""))
        if unit == "đồng":
            out.append(("money", value))
        else:
            out.append(("time", value * _MONTHS[unit]))
    return out


def _slot_text(text: str, q: Question) -> str:
    """The part of the text after the asked-for slot ("phạt tù …"), up to the next clause."""
    if not q.anchor:
        return text
    words = text.split()
    folded = [fold(w.strip(",.;:")) for w in words]
    anchor = q.anchor.split()
    for i in range(len(words) - len(anchor) + 1):
        if folded[i : i + len(anchor)] == anchor:
            return re.split(r"[;]| hoặc ", " ".join(words[i:]), maxsplit=1)[0]
    return ""


def at_bound(q: Question, best: Evidence, evidence: list[Evidence]) -> Evidence:
    """Among the evidence from best's article that fills the asked-for slot, the one with the
    largest (or smallest) figure; best itself when none does, or when best is a case of a list
    (the question then asks for the bound of that case's own frame)."""
    bound = bound_asked(q)
    if not bound or not _dimension(q) or (best.own and best.own != best.sentence):
        return best
    family = family_key(best.hit.chunk.headings)
    pick, pick_value = best, None
    for ev in evidence:
        if (
            ev.hit.chunk.doc_id != best.hit.chunk.doc_id
            or family_key(ev.hit.chunk.headings) != family
        ):
            continue
        if q.anchor and not has_anchor(ev.sentence, q):
            continue
        for dimension, value in _figures(_slot_text(ev.sentence, q)):
            if dimension != _dimension(q):
                continue
            better = pick_value is None or (
                value > pick_value if bound == "max" else value < pick_value
            )
            if better:
                pick, pick_value = ev, value
    return pick


_TIME_ASKED = re.compile(r"\bbao lau\b|^(?:nam|thang|tuan|ngay|gio)\b")


def _dimension(q: Question) -> str:
    """What the bound is of: money, a duration, or neither ("mục tiêu tối thiểu … là bao
    nhiêu" of a share: no figure of a month or a sum answers it)."""
    if q.unit.startswith("dong") or "tien" in q.anchor:
        return "money"
    asked = " ".join(fold(w) for w in q.text.split())
    return "time" if _TIME_ASKED.search(q.unit) or _TIME_ASKED.search(asked) else ""
