"""The slot a question asks to fill: what is counted ("bao nhiêu tiêu chí" → "tieu chi"), the
words just before "bao nhiêu" ("phạt tù từ bao nhiêu" → "phat tu"), the term to define
("X là gì"), and the article it opens by naming ("Theo Điều 32, …")."""

from __future__ import annotations

import itertools
import re

from vntext.terms import STOPWORDS, fold
from vntext.wordlists import words

_FOLDED_STOPWORDS = frozenset(fold(w) for w in STOPWORDS)
_SLOT_LINKS = words("slot_links")
_FOLDED_SLOT_LINKS = frozenset(fold(w) for w in _SLOT_LINKS)
# "có hiệu lực từ ngày nào", "khi nào": the words before name what happens then.
_WHEN_HEADS = frozenset(["ngay", "khi", "luc", "thoi diem"])
# Units of time and people are stopwords elsewhere, but after "bao nhiêu" they are what is
# counted: "bao nhiêu ngày làm việc" keeps "ngay" (alone: "10 ngày" answers it too).
_COUNTED = frozenset(["ngay", "nam", "thang", "nguoi"])
DEFINITION_FRAME = frozenset(["quy", "dinh", "nghia", "khai", "niem", "hieu"])
LIST_FRAME = frozenset(["mo", "ta", "liet", "ke", "neu"])
_OPENS_WITH_ARTICLE = re.compile(r"^(?:(?:theo|trong|tại|căn cứ|ở)\s+)?điều\s+(\d+[a-z]?)\b", re.I)
_DEFINITION = re.compile(
    r"^(?:theo [^,]+,\s*|.{0,60}?\bquy định\s+)?"
    r"(?:(?:định nghĩa|khái niệm)(?:\s+(?:của|về))?\s+(?P<a>.{3,60}?)"
    r"|thế nào là\s+(?P<b>.{3,60}?)"
    r"|(?P<c>.{3,60}?)\s+(?:là|được hiểu là)\s+(?:gì|ai|người\s+(?:như\s+)?thế\s+nào))"
    r"\s*[?.]?$",
    re.I,
)


def _asks_how_many(syllable: str) -> bool:
    """ "mấy" (how many), not "máy" (a machine); unaccented "may" may be either."""
    return syllable in ("mấy", "may")


def unit_of(sylls: list[str], accented: bool) -> str:
    """ "bao nhiêu tiêu chí" → "tieu chi"; a rate or a percentage → "%"."""
    folded = [fold(s) for s in sylls]
    joined = " ".join(folded)
    if re.search(r"\b(?:t[yi] le|phan tram)\b", joined):
        return "%"
    for i, word in enumerate(folded):
        if _asks_how_many(sylls[i]) or (word == "nhieu" and i > 0 and folded[i - 1] == "bao"):
            stop = STOPWORDS if accented else _FOLDED_STOPWORDS
            source = sylls if accented else folded
            unit: list[str] = []
            for nxt in source[i + 1 : i + 3]:
                if fold(nxt) in _COUNTED and not unit:
                    return fold(nxt)
                if nxt in stop or nxt[0].isdigit():
                    break
                unit.append(fold(nxt))
            return " ".join(unit)
    return ""


def content_pairs(sylls: list[str]) -> list[str]:
    return [
        f"{fold(a)}_{fold(b)}"
        for a, b in itertools.pairwise(sylls)
        if a not in STOPWORDS and b not in STOPWORDS and not a.isdigit() and not b.isdigit()
    ]


def subject_of(text: str) -> str:
    """What "X là gì?", "Định nghĩa của X?", "Thế nào là X?" ask to define, folded."""
    m = _DEFINITION.match(text.strip())
    if not m:
        return ""
    subject = next(g for g in m.group("a", "b", "c") if g).split(",")[-1]
    return " ".join(fold(w) for w in subject.strip("\"“”'‘’ ").split())


# "… thì bị phạt như thế nào?", "hình phạt cao nhất là gì?": the penalty is the slot; not in
# "mục đích của hình phạt là gì?", where the penalty owns what is asked.
_PENALTY_ASKED = re.compile(
    r"(?<!cua hinh )\bphat\b.*\b(?:nhu the nao|ra sao|the nao|la gi|muc nao)\b"
)


# "còn hiệu lực đến ngày nào", "có thời hạn đến hết ngày nào": a period's end is asked, and the
# text states it as "đến (hết) ngày 28/02/2027" whatever it calls the period ("Thời gian ủy
# quyền: … đến hết ngày …"), so the slot is "đến", not the words before it.
UNTIL_ASKED = re.compile(
    r"\b(?:hieu luc|thoi han|thoi gian|keo dai|ap dung|duy tri|con han|het han) (?:den|toi)"
    r"(?: het)? (?:ngay|thoi diem|khi|luc|thang|nam) nao\b"
    r"|\b(?:den|toi) het (?:ngay|thoi diem|thang|nam) nao\b"
    r"|\b(?:hieu luc|thoi han|keo dai) (?:den|toi) (?:khi nao|bao gio)\b"
)


# The kind of penalty named ("bị phạt tiền ở mức nào"): a sentence that gives another kind
# ("phạt tù từ 03 tháng") does not fill the slot.
_PENALTY_KIND = re.compile(r"\bphat (tien|tu|cai tao|canh cao)\b")


def _penalty_kind(folded: str) -> str:
    kinds = _PENALTY_KIND.findall(folded)
    return f"phat {kinds[-1]}" if kinds else "phat"


def anchor_of(sylls: list[str], names: frozenset[str] = frozenset()) -> str:
    """The one or two topic syllables right before the first "bao nhiêu/bao lâu/mấy": the
    answer is the figure that follows them in the text ("phạt tù từ 03 năm"). A question
    about a penalty is anchored on "phạt"."""
    folded = [fold(s) for s in sylls]
    if UNTIL_ASKED.search(" ".join(folded)):
        return "den"
    if _PENALTY_ASKED.search(" ".join(folded)) and not any(w in ("nhieu", "lau") for w in folded):
        return _penalty_kind(" ".join(folded))
    at = next(
        (
            i
            for i, w in enumerate(folded)
            if _asks_how_many(sylls[i])
            or (w == "bao" and folded[i + 1 : i + 2] in (["nhieu"], ["lau"], ["gio"]))
            or (w in _WHEN_HEADS and folded[i + 1 : i + 2] == ["nao"])
        ),
        None,
    )
    if at is None:
        return ""
    i = at - 1
    links = _FOLDED_SLOT_LINKS if sylls == folded else _SLOT_LINKS
    while i >= 0 and sylls[i] in links:
        i -= 1
    # "còn (lại) bao nhiêu": what remains, the figure after "còn" ("còn 4.100 triệu đồng");
    # unaccented, "con" alone may be a child ("con nuôi")
    if i >= 0 and ((folded[i] == "con" != sylls[i]) or folded[i - 1 : i + 1] == ["con", "lai"]):
        return "con"
    words: list[str] = []
    while i >= 0 and len(words) < 2 and sylls[i] not in STOPWORDS and not sylls[i][0].isdigit():
        words.insert(0, folded[i])
        i -= 1
    return "" if names & set(words) else " ".join(words)


def opening_article(text: str) -> str:
    """ "Theo Điều 32, …" → "32"."""
    m = _OPENS_WITH_ARTICLE.match(text.strip())
    return m.group(1) if m else ""


_ABOUT = re.compile(r"\bve ((?:\w+ ){1,5}\w+)\s*[?.]?$")


def whole_topic(folded: str) -> str:
    """What "… quy định như thế nào về tài sản hiện có?" asks about, every syllable kept
    ("tai san hien co": "hiện có" is common words, yet part of the term), at least two."""
    m = _ABOUT.search(folded.strip())
    return m.group(1) if m else ""
