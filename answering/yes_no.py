"""Yes/no questions ("… có … không?", "… đã … chưa?", "… đúng hay sai?"): the answer opens with
Có/Không (Chưa, Đúng/Sai), read from whether the clause that answers says it with a negation,
then quotes that clause."""

from __future__ import annotations

import re

from vntext.terms import FOLDED_STOPWORDS, fold

# The question's closing frame, on folded text ("đúng" is checked accented: "xây dựng không?"
# folds to the same letters).
_RIGHT = re.compile(r"\b(?:đúng hay sai|đúng không)\s*\??\s*$")
_RIGHT_UNACCENTED = re.compile(r"\bdung hay sai\s*\??\s*$")
# The closing "không"/"chưa" may be followed by the case it is asked for: "… có được hưởng
# thù lao không nếu các bên có thỏa thuận?", "… không (trừ trường hợp có thỏa thuận khác)?".
_TAIL = (
    r"(?:\s*\(.*\)|\s*,?\s+(?:neu|khi|trong truong hop|truong hop|trong thoi han)\b.*)?"
    r"\s*\??\s*$"
)
_FRAMES = (
    ("da", re.compile(r"\b(?:da|duoc)\b.*\bchua" + _TAIL)),
    ("co", re.compile(r"\b(?:co|phai|duoc|can|bi)\b.*\bkhong" + _TAIL)),
    ("co", re.compile(r"\bphai khong\s*\??\s*$")),
)
# A question word makes "… không nếu …" an open question ("ai không được … nếu …?").
_OPEN = re.compile(r"\b(?:nao|gi|ai|bao nhieu|bao lau|dau|sao|the nao|muc nao)\b")
# "Mọi người đều có thể làm chứng …, trừ những người sau đây:": the items are the exceptions.
_EXCEPTS_LISTED = re.compile(r"\btru (?:nhung|cac) .*\bsau day\b")
# "X, trừ trường hợp Y": the case Y is the exception, where the clause says the opposite.
_EXCEPT = re.compile(r"\btru (?:truong hop|khi|)\s*(.+?)(?=[,;]| thi |$)")
# Negations that deny; bounds and names that only look like one ("không quá 15 ngày",
# "không sử dụng ngân sách nhà nước" in a procedure's name) are taken out first.
_NOT_DENIALS = re.compile(
    r"\bkhong (?:qua|vuot qua|duoi|thap hon|cao hon|it hon|nhieu hon|ke|gian|phan biet"
    r"|phu thuoc|thoi han|chuyen trach|su dung ngan sach)\b"
)
_DENIAL = re.compile(r"\b(?:khong|chua|chang|mien|cam|nghiem cam)\b")
FRAME_WORDS = frozenset(["khong", "chua", "hay", "sai"])
# "có được hưởng cả hai mức không?" — "chỉ được hưởng 01 mức" says no: only one, not both.
_ASKS_SEVERAL = re.compile(r"\bca (?:hai|ba|hai muc)\b|\bdong thoi\b|\bcung luc\b")
_ONLY_ONE = re.compile(r"\bchi (?:\w+ ){0,3}(?:01|1|mot)\b")


def yes_no_frame(question: str) -> str:
    """ "co", "da" or "dung" when the question asks yes or no; "" otherwise."""
    lowered = question.lower()
    if _RIGHT.search(lowered) or (lowered.isascii() and _RIGHT_UNACCENTED.search(lowered)):
        return "dung"
    folded = " ".join(fold(w) for w in question.split())
    for frame, pattern in _FRAMES:
        m = pattern.search(folded)
        if m and (m.group(0).rstrip(" ?").endswith(("khong", "chua")) or not _OPEN.search(folded)):
            return frame
    return ""


_GOVERNS = 4  # words after a negation that say what it denies


def denies(text: str, question: str = "") -> bool:
    """Does the clause deny what is asked? A negation the question itself says ("tàu bay không
    người lái", "nếu … không kết luận") is part of what is asked about, not the answer; one
    that denies none of the question's words ("… hoặc không xác định rõ chủ sở hữu: Kinh phí …
    do ngân sách Thành phố hỗ trợ") describes a case or another duty, not the answer."""
    folded = _NOT_DENIALS.sub(" ", " ".join(fold(w) for w in text.split()))
    asked = " ".join(fold(w) for w in question.split())
    asked_words = set(asked.split()) - FOLDED_STOPWORDS - FRAME_WORDS
    for m in _DENIAL.finditer(folded):
        following = folded[m.end() :].split()
        phrase = " ".join([m.group(0), *following[:1]])
        if following and phrase in asked:
            continue
        if not question or not following or asked_words & set(following[:_GOVERNS]):
            return True
    return False


def asks_exception(clause: str, question: str) -> bool:
    """Does the question ask about the case the clause excepts ("…, trừ trường hợp nạn nhân
    đã biết …" asked "… nếu nạn nhân đã biết …")? Not when the question excepts it too."""
    folded = " ".join(fold(w) for w in clause.split())
    asked = " ".join(fold(w) for w in question.split())
    asked_words = set(_EXCEPT.sub(" ", asked).split()) - FOLDED_STOPWORDS
    for m in _EXCEPT.finditer(folded):
        words = [w for w in m.group(1).split() if w not in FOLDED_STOPWORDS]
        if len(words) >= 3 and sum(w in asked_words for w in words) >= 0.7 * len(words):
            return True
    return False


def verdict(frame: str, clause: str, question: str = "", lead: str = "") -> str:
    """The opening word for a clause that answers a yes/no question of this frame. A list
    item answers under its lead-in: "Không áp dụng thời hiệu … đối với: a) Các tội …" says no
    for every item; a case the clause excepts gets the opposite answer."""
    lead_denies = bool(lead) and (
        denies(lead, question) or bool(_EXCEPTS_LISTED.search(fold(lead)))
    )
    negative = (denies(clause, question) != lead_denies) or (
        bool(_ASKS_SEVERAL.search(fold(question))) and bool(_ONLY_ONE.search(fold(clause)))
    )
    negative ^= asks_exception(clause, question)
    if frame == "dung":
        return "Sai" if negative else "Đúng"
    if frame == "da":
        return "Chưa" if negative else "Có"
    return "Không" if negative else "Có"
