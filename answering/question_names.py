"""The named things a question is about: places ("xã Tam Gia"), people and other capitalised
names, document numbers, years, and a document named by its title ("Bộ luật Hình sự")."""

from __future__ import annotations

import re

from vntext.terms import fold
from vntext.wordlists import entries, words

_NAME_BOUNDARY = words("name_boundaries")
# longest first: "thi xa" before "xa"
_FOLDED_MARKERS = tuple(sorted((fold(m) for m in entries("place_markers")), key=len, reverse=True))
_GENERIC = words("generic_name_words")
_NOT_PLACES = words("not_after_place_marker")
DOC_NUMBER = re.compile(
    r"\b\d+[A-Za-z]?(?:/\d{4})?[/-][A-ZĐ][A-ZĐa-zđ0-9/-]*[A-ZĐ0-9]\b", re.IGNORECASE
)
YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def _is_capitalised(word: str) -> bool:
    return len(word) > 1 and word[0].isupper() and word[1:].islower() and word.isalpha()


def place_names(text: str, accented: bool) -> list[str]:
    """Names after a place marker: "xã Tam Gia" → "tam gia"; unaccented: the next two syllables."""
    words = text.split()
    folded_words = [fold(w.strip(",.?!;:()")) for w in words]
    names: list[str] = []
    # unaccented, a question that capitalises a name after one marker capitalises them all: a
    # lowercase word after "tinh" is then tính ("bang tinh diem phan bo"), not a province
    styled = not accented and _capitalises_names(words, folded_words)
    i = 0
    while i < len(words):
        marker_len = _marker_length(folded_words, i)
        if not marker_len:
            i += 1
            continue
        j = i + marker_len
        if not accented and " ".join(folded_words[j - 1 : j + 1]) in _NOT_PLACES:
            i = j
            continue
        if styled and j < len(words) and not words[j][:1].isupper():
            i = j
            continue
        name: list[str] = []
        if words[j - 1][-1:] in ",.?!;:":  # "UBND tỉnh, Chủ tịch": the marker ends the phrase
            i = j
            continue
        while j < len(words) and len(name) < 4:
            if name and words[j][:1] in "([“\"'":  # an opening bracket starts something else
                break
            raw = words[j].strip(",.?!;:()")
            if accented and (not _is_capitalised(raw) or (not name and raw.lower() in _GENERIC)):
                break
            if not accented and (len(name) == 2 or fold(raw) in _NAME_BOUNDARY):
                break
            name.append(fold(raw))
            if raw != words[j]:  # punctuation ends the name
                break
            j += 1
        if name:
            names.append(" ".join(name))
        i = j
    return names


def _marker_length(folded_words: list[str], i: int) -> int:
    """How many words the place marker starting at word i has ("thanh pho" → 2), the longest
    that matches; 0 when none starts there."""
    for m in _FOLDED_MARKERS:
        n = len(m.split())
        if " ".join(folded_words[i : i + n]) == m:
            return n
    return 0


def _capitalises_names(words: list[str], folded_words: list[str]) -> bool:
    """Some place marker of the text is followed by a capitalised word ("tinh Bac Ninh")."""
    return any(
        (n := _marker_length(folded_words, i)) and i + n < len(words) and words[i + n][:1].isupper()
        for i in range(len(words))
    )


def capitalised_runs(text: str) -> list[str]:
    """Runs of two or more capitalised syllables that are not generic institution words:
    names of places and people ("Lộc Bình", "Hồ Tiến Thiệu"), folded."""
    words = [w.strip(',.?!;:()"“”') for w in text.split()]
    runs: list[str] = []
    current: list[str] = []
    for w in [*words, ""]:
        if _is_capitalised(w) and w.lower() not in _GENERIC:
            current.append(fold(w))
            continue
        if len(current) >= 2:
            runs.append(" ".join(current))
        current = []
    return runs


_NAMED_BY_YEAR = re.compile(
    r"\b(?:bộ luật|luật|nghị định|nghị quyết|thông tư|quyết định|pháp lệnh|hiến pháp)\b"
    r"[^,.?;]{0,60}?\b(?:năm\s+)?((?:19|20)\d{2})\b",
    re.I,
)


def asked_years(text: str) -> list[str]:
    """Years the answer must be about; "Bộ luật Hình sự năm 2017" names a law, not a period."""
    naming = set(_NAMED_BY_YEAR.findall(text))
    return [y for y in YEAR.findall(text) if y not in naming]


_NAMED_DOC = re.compile(
    r"\b((?:bộ luật|luật|pháp lệnh|nghị định|thông tư|quyết định|nghị quyết|kế hoạch|chỉ thị)"
    r"(?:\s+[A-ZĐ][\wà-ỹđ]*)(?:\s+[\wà-ỹđ]+){0,3}?)(?=\s+(?:năm|số|\d)|[,?.;]|\s+(?:của|về|thì|quy))",
    re.I,
)


def named_doc(text: str) -> str:
    """A document named by its title ("Bộ luật Hình sự", "Luật An ninh mạng"), folded."""
    m = _NAMED_DOC.search(text)
    if not m:
        return ""
    words = m.group(1).split()
    type_len = 2 if fold(words[0]) in ("bo", "phap", "nghi", "thong", "quyet", "ke", "chi") else 1
    name = words[type_len:]
    if len(name) < 1 or (not name[0][0].isupper() and text != text.lower()):
        return ""
    return " ".join(fold(w) for w in words)
