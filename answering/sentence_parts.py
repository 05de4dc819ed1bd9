"""Which part of a sentence answers when the whole says more than is asked: a bracketed aside
that states the asked fact of the place the question names, or what follows the condition the
question restates ("Khi … thì <this>")."""

from __future__ import annotations

import re

from answering.coverage import Scorer
from answering.detectors import STRICT_KINDS, has_kind, has_unit
from answering.question import Question
from answering.question_names import place_names
from answering.segments import clean
from vntext.terms import fold


def holds(text: str, q: Question) -> bool:
    """The text states a fact of the asked kind, with what the question counts if it says."""
    if q.kind not in STRICT_KINDS or not has_kind(text, q):
        return False
    return not q.unit or has_unit(text, q)


_ASIDE = re.compile(r"\(([^()]{12,250})\)")
_CONNECTIVE = re.compile(r"^(?:trong đó|cụ thể|riêng)[:,]?\s+", re.I)


def named_asides(text: str, q: Question) -> list[str]:
    """Bracketed asides that state the asked fact of a place the question names, when the
    words outside them do not name it: "… số tiêu chí đạt thấp (xã Tam Gia đạt 10/19 tiêu chí
    xã nông thôn mới)" answers for Tam Gia in the aside's own words."""
    if q.kind not in STRICT_KINDS or not q.entities:
        return []
    asked = set(q.entities)
    out = []
    for match in _ASIDE.finditer(text):
        aside = match.group(1).strip()
        named = set(place_names(aside, True)) & asked
        outside = text[: match.start()] + text[match.end() :]
        if named and not named & set(place_names(outside, True)) and holds(aside, q):
            out.append(clean(_CONNECTIVE.sub("", aside)))
    return out


_THEN = re.compile(r"(?:,\s*|\s)thì\s+")


_ASKED = re.compile(r"\b(?:bao nhieu|bao lau|nao|gi|ai|may|sao)\b")


def consequence(text: str, q: Question, scorer: Scorer) -> str:
    """What follows the "thì" that closes a condition the question restates ("Khi chủ sở hữu
    chuyển giao … thì quyền sở hữu được chuyển cho …"): what the question asks is what follows,
    so a stretch that only repeats the condition answers nothing. "" when there is none."""
    said = fold(q.text).partition(" thi ")
    if said[1] and not _ASKED.search(said[2]):
        return ""  # "… gây thiệt hại bao nhiêu thì bị phạt?" asks the condition
    m = _THEN.search(text)
    if not m or ";" in text[: m.start()]:
        return ""  # no "thì", or it closes a later clause's condition ("…; nếu … thì …")
    before, after = text[: m.start()], text[m.end() :]
    if scorer.clause_value(before) <= scorer.clause_value(after):
        return ""  # the question restates the consequence: it asks for the condition
    return after
