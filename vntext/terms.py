"""Vietnamese text for matching: NFC, case-folded syllables, diacritic-free forms, bigrams.

Vietnamese words are one to four syllables; syllable bigrams stand in for word segmentation
("nông thôn" → "nông_thôn") and folding lets "tieu chi" match "tiêu chí".
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import lru_cache

from vntext.wordlists import words

LEXICAL_VERSION = 5  # bump when tokenisation changes: BM25 snapshots of older versions are rebuilt
_TOKEN = re.compile(r"\d+(?:[.,/]\d+)*%?|[^\W\d_]+", re.UNICODE)

STOPWORDS = words("stopwords")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """Strip tone and vowel marks: "Đạt" → "dat". Cached: the vocabulary is small."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    base = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return base.replace("đ", "d")


def has_diacritics(text: str) -> bool:
    return any(fold(ch) != ch.lower() for ch in text if ch.isalpha())


# Two spellings of one syllable: the tone mark on the second vowel ("hoà", "thoả", "uỷ") or on
# the first ("hòa", "thỏa", "ủy"). Notices use both; match them as one (first-vowel form).
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_OLD_STYLE = re.compile(r"(?<![qg])([oOuU])([aAeEyY])(?=\W|$)")


# "sỹ"/"sĩ", "kỹ"/"kĩ", "tỷ lệ"/"tỉ lệ": after a consonant, a final y is spelled i too.
_Y_AFTER_CONSONANT = re.compile(r"^((?:ngh|ch|gh|kh|ng|nh|ph|th|tr|[bcdđghklmnpstvx]))([yýỳỷỹỵ])$")
_Y_TO_I = str.maketrans("yýỳỷỹỵ", "iíìỉĩị")


@lru_cache(maxsize=200_000)
def normalize_tone(word: str) -> str:
    """One spelling of a syllable: "thoả" → "thỏa", "uỷ" → "ủy", "hoà" → "hòa" (the tone on
    the first vowel), "sỹ" → "sĩ", "tỷ" → "tỉ" (a final y after a consonant is i);
    "hoàn", "quý", "tuy" are left alone."""
    y = _Y_AFTER_CONSONANT.match(word)
    if y:
        return y.group(1) + y.group(2).translate(_Y_TO_I)
    decomposed = unicodedata.normalize("NFD", word)
    tone = next((c for c in decomposed if c in _TONES), None)
    if tone is None:
        return word
    bare = unicodedata.normalize("NFC", decomposed.replace(tone, ""))
    m = _OLD_STYLE.search(bare)
    if not m or m.end() != len(bare):
        return word
    moved = bare[: m.start(1) + 1] + tone + bare[m.start(1) + 1 :]
    return unicodedata.normalize("NFC", moved)


def syllables(text: str) -> list[str]:
    """Lower-cased syllables and numbers, in order ("10/19", "41,05%" stay whole); one tone
    placement for "hoà"/"hòa"."""
    return [normalize_tone(t.lower()) for t in _TOKEN.findall(nfc(text))]


def folded_syllables(text: str) -> list[str]:
    return [fold(s) for s in syllables(text)]


def content(sylls: list[str]) -> list[str]:
    return [s for s in sylls if s not in STOPWORDS]


def bigrams(sylls: list[str]) -> list[str]:
    return [f"{a}_{b}" for a, b in itertools.pairwise(sylls)]


def lexical_terms(text: str, accents: bool) -> list[str]:
    """Terms for the BM25 index and queries: folded syllables and bigrams, plus the accented
    syllables when the text has accents (they separate "bản"/"bán"/"ban" that folding merges).
    Index text always has accents; an unaccented query then matches on the folded terms."""
    sylls = syllables(text)
    folded = [fold(s) for s in sylls]
    if accents:
        kept = [s for s in sylls if s not in STOPWORDS]
        terms = [fold(s) for s in kept] + ["~" + s for s in kept]
    else:
        # Without accents "chi" may be "chí" (content) or "chỉ" (stopword): keep all; words the
        # index never holds score nothing.
        terms = list(folded)
    return terms + bigrams(folded)


FOLDED_STOPWORDS = frozenset(fold(w) for w in STOPWORDS)
