"""Repair Vietnamese syllables a PDF text layer split apart ("Ph" + "ụ l" + "ục").

A Vietnamese syllable always has a vowel, so a token made only of an initial consonant cluster
("Ph", "l", "nh", "Th") cannot stand alone: when the next fragment starts with a vowel, the two
are one syllable. Single letters are legitimate words in legal text ("điểm a, b, c"), so a page
is repaired only when it shows the pattern several times.
"""

from __future__ import annotations

import itertools
import re
import unicodedata

_ONSETS = "ngh|ch|gh|gi|kh|ng|nh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|q|r|s|t|v|x"
_VOWEL_BASES = set("aeiouy")
# The head of a broken syllable: an initial cluster, maybe a glide ("Ph", "l", "Vi", "cu", "QUY").
_HEAD = rf"(?:{_ONSETS})(?:[iuyo])?|(?:{_ONSETS})?[iuyo]"
_ONSET_END = re.compile(rf"(?:^|(?<=[\s(“\"/]))(?:{_ONSETS})$", re.I)
_HEAD_END = re.compile(rf"(?:^|(?<=[\s(“\"/]))(?:{_HEAD})$", re.I)
_INLINE = re.compile(rf"(?<![\w/.-])({_HEAD})[ ]+(?=\w)", re.I)
_MIN_SPLITS = 3


def is_vowel(char: str) -> bool:
    return unicodedata.normalize("NFD", char)[:1].lower() in _VOWEL_BASES


def split_inside(line: str, nxt: str) -> bool:
    """`line` (as extracted, trailing space kept) ends inside the syllable `nxt` goes on with."""
    if line != line.rstrip() or not nxt[:1].isalpha():
        return False
    if _ONSET_END.search(line):
        return True
    return bool(_HEAD_END.search(line)) and is_vowel(nxt[:1])


def page_is_split(lines: list[str]) -> bool:
    """The page breaks syllables repeatedly: a lone initial cluster before a vowel."""
    pairs = sum(
        bool(_ONSET_END.search(a)) and a == a.rstrip() and is_vowel(b[:1])
        for a, b in itertools.pairwise(lines)
    )
    inline = sum(1 for line in lines for m in _INLINE.finditer(line) if _vowel_after(line, m))
    return pairs + inline >= _MIN_SPLITS


def rejoin_inline(line: str) -> str:
    """ "Th ống đốc" -> "Thống đốc"."""
    return _INLINE.sub(lambda m: m.group(1) if _vowel_after(line, m) else m.group(0), line)


def _vowel_after(line: str, m: re.Match[str]) -> bool:
    """The fragment after the space starts with a marked vowel: "ệt", "ải", "ống"."""
    if m.end() >= len(line) or not is_vowel(line[m.end()]):
        return False
    head_is_onset = bool(re.fullmatch(_ONSETS, m.group(1), re.I))
    return head_is_onset or len(unicodedata.normalize("NFD", line[m.end()])) > 1
