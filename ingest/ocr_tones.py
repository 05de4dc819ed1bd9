"""Tone marks OCR commonly misreads, put right from the syllables around them.

Tesseract's Vietnamese model drops or swaps the tone mark over a circumflex ("cấp vốn" → "câp
vôn", "thẩm quyền" → "thâm quyên") and mixes up hỏi and sắc ("bảng" → "báng"). A syllable read
with a sibling that differs only in its tone mark is weighed against those siblings by how often
each follows the syllable before it and precedes the one after it, in Vietnamese legal and
administrative text (ingest/data/ocr_syllables.tsv.gz, fitted by bench/fit_ocr_tones.py on texts
the OCR benchmark does not read); the syllable as read keeps a strong head start, so only a
sibling the context clearly prefers replaces it. Letters and vowel shapes are never changed, nor
names (a capitalised word beside another: "Đình Lập", "Văn Tám").
"""

from __future__ import annotations

import functools
import gzip
import math
import re
import unicodedata
from pathlib import Path

MODEL = Path(__file__).with_name("data") / "ocr_syllables.tsv.gz"
_LETTERS = "a-zđàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
SYLLABLE = re.compile(f"[{_LETTERS}]{{1,7}}")
_WORD = re.compile(f"[{_LETTERS}]+", re.I)
_TONES = dict.fromkeys(map(ord, "\u0300\u0301\u0303\u0309\u0323"), None)
_MISREAD = 0.01  # chance that tesseract gave a syllable the wrong tone (its head start: ×100)
_SMOOTH = 5.0  # weight of a syllable's overall frequency beside the pairs it was seen in


def syllable_key(word: str) -> str:
    """The syllable without its tone mark (vowel shapes kept): "thẩm" → "thâm"."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", word).translate(_TONES))


class ToneModel:
    def __init__(self, singles: dict[str, int], pairs: dict[tuple[str, str], int]):
        self.singles = singles
        self.pairs = pairs
        self.total = sum(singles.values()) or 1
        self.siblings: dict[str, list[str]] = {}
        for word in singles:
            self.siblings.setdefault(syllable_key(word), []).append(word)

    def correct(self, text: str) -> str:
        """`text` with each syllable the context clearly reads with another tone mark rewritten.
        Twice: first the syllables that are no word ("câp vôn"), then every syllable, beside
        neighbours put right ("tái cấp vốn", not "tại cấp vốn")."""
        return self._pass(self._pass(text, unknown_only=True), unknown_only=False)

    def correct_lines(self, lines: list[str]) -> list[str]:
        """Lines of a page in reading order, each syllable seen beside the one that ends the line
        before or starts the line after ("huyện Đình" / "Lập có 7 xã")."""
        joined = self.correct(" ".join(lines))
        if len(joined) != sum(len(line) + 1 for line in lines) - 1:
            return [self.correct(line) for line in lines]  # NFC tone variants keep the length
        out, start = [], 0
        for line in lines:
            out.append(joined[start : start + len(line)])
            start += len(line) + 1
        return out

    def _pass(self, text: str, unknown_only: bool) -> str:
        words = list(_WORD.finditer(text))
        out, last, chosen = [], 0, ""  # chosen: the word before, as put right
        for i, match in enumerate(words):
            word = match.group()
            before = words[i - 1] if i and _adjacent(text, words[i - 1], match) else None
            after = words[i + 1] if i + 1 < len(words) else None
            after = after if after and _adjacent(text, match, after) else None
            best = word.lower()
            neighbours = [m.group() for m in (before, after) if m]
            if not (_is_name(word) and any(_is_name(n) for n in neighbours)):  # "Đình Lập"
                prev = chosen if before and chosen in self.singles else None
                best = self._best(best, prev, self._known(after), unknown_only)
            out.append(text[last : match.start()] + _cased(best, word))
            last, chosen = match.end(), best
        return "".join(out) + text[last:]

    def _known(self, match: re.Match[str] | None) -> str | None:
        """A neighbour as context, if it is a syllable the counts know."""
        word = match.group().lower() if match else None
        return word if word in self.singles else None

    def _best(self, word: str, prev: str | None, after: str | None, unknown_only: bool) -> str:
        if not SYLLABLE.fullmatch(word):
            return word
        siblings = self.siblings.get(syllable_key(word), [])
        if not siblings or siblings == [word]:
            return word
        kept = "" if _impossible(word) else word  # "câp" is no syllable: no head start
        if kept in self.singles and (unknown_only or prev is after is None):
            return word  # a known word is weighed only beside a known neighbour
        scores = {
            c: self._score(c, prev, after) + (0 if c == kept else math.log(_MISREAD))
            for c in siblings
        }
        if kept and kept not in scores:
            scores[kept] = self._score(kept, prev, after)
        return max(scores, key=lambda c: scores[c])

    def _score(self, word: str, prev: str | None, after: str | None) -> float:
        unigram = (self.singles.get(word, 0) + 0.1) / self.total
        score = math.log(unigram)
        if prev is not None:  # P(word | prev) relative to P(word): the pair's own evidence
            seen = self.singles.get(prev, 0)
            score += math.log(
                (self.pairs.get((prev, word), 0) + _SMOOTH * unigram) / (seen + _SMOOTH)
            ) - math.log(unigram)
        if after is not None:
            seen = self.singles.get(word, 0)
            p_after = (self.singles.get(after, 0) + 0.1) / self.total
            score += math.log(
                (self.pairs.get((word, after), 0) + _SMOOTH * p_after) / (seen + _SMOOTH)
            ) - math.log(p_after)
        return score


def _impossible(word: str) -> bool:
    """A syllable closed by p, t, c or ch takes only the sắc or nặng tone ("cấp", "cập")."""
    if not re.search("(?:p|t|c|ch)$", word):
        return False
    marks = unicodedata.normalize("NFD", word)
    return "\u0301" not in marks and "\u0323" not in marks


def _adjacent(text: str, a: re.Match[str], b: re.Match[str]) -> bool:
    """Two words of one phrase: only spaces between them."""
    return text[a.end() : b.start()].strip(" ") == ""


def _is_name(word: str) -> bool:
    return word[:1].isupper() and not word.isupper()


def _cased(word: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


@functools.cache
def tone_model() -> ToneModel | None:
    """The fitted counts, or None where the file is missing (tones are then left as read)."""
    try:
        with gzip.open(MODEL, "rt", encoding="utf-8") as rows:
            head, _, tail = rows.read().partition("\n\n")
    except OSError:
        return None
    singles = {w: int(n) for w, n in (row.split("\t") for row in head.splitlines())}
    pairs = {}
    for row in tail.splitlines():
        pair, n = row.split("\t")
        a, b = pair.split(" ")
        pairs[(a, b)] = int(n)
    return ToneModel(singles, pairs)
