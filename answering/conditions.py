"""Conditions a question states that a sentence must state the same way: its figures with
their bounds ("từ 500.000.000 đồng trở lên" is not "đến dưới 500.000.000 đồng") and what it
says is not so, or only so ("nếu không thể trả vật", "chỉ có thỏa thuận")."""

from __future__ import annotations

import re
from functools import lru_cache

from vntext.quantities import quantity_text
from vntext.terms import (
    FOLDED_STOPWORDS,
    STOPWORDS,
    fold,
    folded_syllables,
    has_diacritics,
    syllables,
)

_FIGURE = re.compile(r"\d")
_YEAR = re.compile(r"(?:19|20)\d{2}")
_FIGURE_SPAN = 5  # syllables of a figure's phrase beyond the figure itself


@lru_cache(maxsize=1024)
def _stated_figures(question: str) -> tuple[tuple[tuple[str, ...], int], ...]:
    """The figures a question states, each with the syllables around it and its place among
    them: a condition is the figure with its bounds ("từ 500.000.000 đồng trở lên")."""
    words = folded_syllables(quantity_text(question))
    return tuple(
        (tuple(words[max(0, i - 2) : i + 4]), min(i, 2))
        for i, w in enumerate(words)
        if _FIGURE.match(w) and not _YEAR.fullmatch(w)  # a year names the law, not a case
    )


def stated_figures_match(question: str, own: str) -> float:
    """How much of the conditions the question states with figures the sentence states the same
    way: per figure, the longest run of the question's syllables around it that the sentence
    writes too, beyond the figure itself ("từ 500.000.000 đồng trở lên" is not "đến dưới
    500.000.000 đồng"); the mean over the figures, 0 when the question states none."""
    figures = _stated_figures(question)
    if not figures:
        return 0.0
    text = f" {' '.join(folded_syllables(quantity_text(own)))} "
    total = 0.0
    for words, at in figures:
        best = -1
        for a in range(at + 1):
            for b in range(at + 1, len(words) + 1):
                if b - a - 1 > best and f" {' '.join(words[a:b])} " in text:
                    best = b - a - 1
        total += max(0, best) / _FIGURE_SPAN
    return total / len(figures)


# A case bounded by a figure: "Làm chết 02 người trở lên", "tỷ lệ tổn thương từ 31% đến 60%"
_BOUNDED_CASE = re.compile(r"\d[\d.,]*\s*%?(?:\s+\w+){0,3}\s+tro (?:len|xuong)\b|\btu \d.*\bden\b")
_UNASKED_CASE = 0.5


def unasked_case(question: str, anchor: str, text: str, own: str) -> float:
    """-0.5 for an item of a penalty's cases that is bounded by a figure the question does not
    state: "… phạt tù bao lâu" for "làm chết người" is "b) Làm chết người", not "b) Làm chết 02
    người trở lên" of the next khoản."""
    if own == text or not anchor.startswith("phat") or _stated_figures(question):
        return 0.0
    return -_UNASKED_CASE if _BOUNDED_CASE.search(" ".join(folded_syllables(own))) else 0.0


_NEGATION = frozenset({"không", "chưa", "chẳng", "chỉ"})
# "chỉ" (only) limits as "không" denies; not in "chỉ đạo", "chỉ định", "chỉ tiêu" …
_NOT_LIMITS = frozenset({"đạo", "định", "tiêu", "thị", "số", "huy", "ra", "rõ", "dẫn", "cần"})


@lru_cache(maxsize=1024)
def _negated(question: str) -> tuple[re.Pattern[str], ...]:
    """What the question says is not so (or only so): the negation and the two content words
    after it ("không thể trả", "không được tạm ứng" → không … tạm … ứng; "chỉ thỏa thuận về thời
    hạn" → chỉ … thỏa … thuận), as a pattern over folded text that lets a function word or two
    stand between them ("chỉ có thỏa thuận"). A closing "… không?" asks, it does not deny.
    Accents are compared when the question has them: "chứa chấp" is no "chưa"."""
    words = syllables(question)
    accented = has_diacritics(question)
    negations = _NEGATION if accented else {fold(n) for n in _NEGATION}
    limits = _NOT_LIMITS if accented else {fold(n) for n in _NOT_LIMITS}
    out = []
    for i, w in enumerate(words):
        if w not in negations or (i + 1 < len(words) and words[i + 1] in negations | limits):
            continue
        after = [fold(x) for x in words[i + 1 : i + 6] if fold(x) not in FOLDED_STOPWORDS][:2]
        if len(after) < 2:
            continue
        gap = r"(?: \w+){0,2}"
        out.append(re.compile(rf"\b{fold(w)}{gap} {after[0]}{gap} {after[1]}\b"))
    return tuple(out)


def negations_match(question: str, sentence_f: str) -> float:
    """Share of the question's negated phrases the sentence states too: "nếu không thể trả
    vật" is the case of "Trường hợp bên vay không thể trả vật", not of "phải trả vật"; -1 when
    it states the contrary case instead (`contrary_case`)."""
    negated = _negated(question)
    if not negated and not _contraries(question):
        return 0.0  # most questions state no case: no sentence needs reading
    text = " ".join(folded_syllables(sentence_f))
    if contrary_case(question, text):
        return -1.0
    if not negated:
        return 0.0
    return sum(bool(n.search(text)) for n in negated) / len(negated)


_DENIES = frozenset({"khong", "chua", "chang"})
# after which "không" closes a yes/no question instead of denying: "… có bị xử lý không nếu …"
_ASKS = frozenset({"neu", "khi", "thi", "hay", "vay", "a"})
# a modal between a denial and what it denies: "không thể trả vật" is the case of "trả vật"
_MODALS = frozenset({"thể"})


@lru_cache(maxsize=1024)
def _contraries(question: str) -> tuple[tuple[re.Pattern[str], re.Pattern[str], bool], ...]:
    """(the case the question states, its contrary, whether the contrary must not follow a
    denial) as patterns over folded text: "không phải đăng ký" against "đăng ký" said without
    a denial just before it; "cùng một nơi cư trú" against "nơi cư trú khác nhau", and back."""
    accented = has_diacritics(question)
    plain = [w.lower() for w in syllables(question)]
    words = [fold(w) for w in plain]
    out = []
    for i, w in enumerate(words):
        after = [
            fold(x)
            for x in plain[i + 1 : i + 5]
            if (x not in STOPWORDS | _MODALS if accented else fold(x) not in FOLDED_STOPWORDS)
        ][:2]
        if len(after) < 2:
            continue
        a, b = after
        if w in _DENIES and words[i + 1] not in _DENIES | _ASKS:
            stated = re.compile(rf"\b{w}(?: \w+){{0,2}} {a}(?: \w+){{0,2}} {b}\b")
            out.append((stated, re.compile(rf"\b{a} {b}\b"), True))
        elif w == "cung":
            stated = re.compile(rf"\bcung(?: mot)? {a} {b}\b")
            out.append((stated, re.compile(rf"\b{a} {b}(?: \w+){{0,2}} khac nhau\b"), False))
    for i in range(len(words) - 3):
        if words[i + 2 : i + 4] == ["khac", "nhau"]:
            a, b = words[i : i + 2]
            stated = re.compile(rf"\b{a} {b} khac nhau\b")
            out.append((stated, re.compile(rf"\bcung(?: mot)? {a} {b}\b"), False))
    return tuple(out)


def _undenied(pattern: re.Pattern[str], text: str) -> bool:
    """A match with no denial among the three words before it."""
    return any(not _DENIES & set(text[: m.start()].split()[-3:]) for m in pattern.finditer(text))


def contrary_case(question: str, text: str) -> bool:
    """The sentence (folded syllables, space-joined) states the contrary of a case the question
    states, and not the case itself: "Đối với động sản mà luật có quy định đăng ký …" for
    "tặng cho động sản (không phải đăng ký quyền sở hữu)"."""
    for stated, contrary, denied in _contraries(question):
        if stated.search(text):
            continue
        if _undenied(contrary, text) if denied else contrary.search(text):
            return True
    return False


# Who holds a right or a duty: the party named just before "có quyền", "có nghĩa vụ", "phải"
# ("bên cung ứng dịch vụ có quyền …" is not "bên sử dụng dịch vụ có quyền …"), from the word
# that heads a party's name ("bên", "người", "chủ") on, folded.
_HOLDS = re.compile(r"\b(?:co quyen|co nghia vu|co trach nhiem|phai)\b")
_PARTY_HEADS = frozenset({"ben", "nguoi", "chu"})
_PARTY_WORDS = 5


def _holders(words: str) -> list[tuple[str, ...]]:
    """The party before each right or duty a folded text states."""
    out = []
    for m in _HOLDS.finditer(words):
        before = words[: m.start()].split()[-_PARTY_WORDS:]
        heads = [i for i, w in enumerate(before) if w in _PARTY_HEADS]
        if heads and len(before) - heads[-1] >= 2:
            out.append(tuple(before[heads[-1] :]))
    return out


@lru_cache(maxsize=1024)
def _asked_holder(question: str) -> tuple[str, ...]:
    found = _holders(" ".join(folded_syllables(question)))
    return found[0] if found else ()


def holder_match(question: str, own: str) -> float:
    """+1 when the sentence gives the right or duty to the party the question names, -1 when
    it gives it to another while naming the question's party too (the roles swapped: "Trường
    hợp bên cung ứng dịch vụ vi phạm … thì bên sử dụng dịch vụ có quyền …"), else 0."""
    asked = _asked_holder(question)
    if not asked:
        return 0.0
    words = " ".join(folded_syllables(own))
    holders = _holders(words)
    if asked in holders:
        return 1.0
    return -1.0 if holders and f" {' '.join(asked)} " in f" {words} " else 0.0


# Titles whose deputy ("Phó …") is another office: "Trưởng Bộ môn" is not "Phó Trưởng Bộ môn".
_TITLE = re.compile(
    r"\b(?:Chủ tịch|Giám đốc|Trưởng|Chánh|Cục trưởng|Bí thư|Hiệu trưởng|Thủ trưởng)\b", re.I
)


def deputy_only(question: str, own: str) -> float:
    """1 when the sentence names a title the question asks about only as its deputy ("Đối
    với Phó Trưởng Bộ môn: 700.000 đồng" for the head, "Trưởng Bộ môn"), and the question
    does not ask about a deputy; compared with accents, so unaccented questions are left out."""
    if not has_diacritics(question) or re.search(r"\bphó\b", question, re.I):
        return 0.0
    for title in {m.group(0).lower() for m in _TITLE.finditer(question)}:
        found = list(re.finditer(rf"\b{title}\b", own, re.I))
        if found and all(own[: m.start()].lower().endswith("phó ") for m in found):
            return 1.0
    return 0.0


# "bất động sản" is not "động sản", "đất phi nông nghiệp" not "đất nông nghiệp", "vô hiệu" not
# "hiệu lực": a prefix that turns a word into its opposite.
_OPPOSING = frozenset({"bất", "phi", "vô"})


def _pairs(words: list[str]) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """(plain, prefixed) syllable pairs: ("động", "sản") is prefixed in "bất động sản"."""
    plain: set[tuple[str, str]] = set()
    prefixed: set[tuple[str, str]] = set()
    for i in range(len(words) - 1):
        (prefixed if i and words[i - 1] in _OPPOSING else plain).add((words[i], words[i + 1]))
    return plain, prefixed


@lru_cache(maxsize=1024)
def _asked_pairs(question: str) -> tuple[frozenset[tuple[str, str]], frozenset[tuple[str, str]]]:
    """The question's plain pairs that are never prefixed in it, and the reverse; once per
    question, not once per candidate sentence."""
    plain, prefixed = _pairs([w.lower() for w in syllables(question)])
    return frozenset(plain - prefixed), frozenset(prefixed - plain)


def opposite_only(question: str, own: str) -> float:
    """-1 when the sentence names only the opposite of a compound the question names ("hợp
    đồng tặng cho bất động sản" for "tặng cho động sản"); accented text only."""
    q_plain, q_prefixed = _asked_pairs(question)
    low = own.lower()
    # most sentences hold neither a prefix nor a pair the question prefixes: nothing to read
    if not any(f"{p} " in low for p in _OPPOSING) and not any(
        f"{a} {b}" in low for a, b in q_prefixed
    ):
        return 0.0
    s_plain, s_prefixed = _pairs([w.lower() for w in syllables(own)])
    if any(p in s_prefixed and p not in s_plain for p in q_plain):
        return -1.0
    if any(p in s_plain and p not in s_prefixed for p in q_prefixed):
        return -1.0
    return 0.0
