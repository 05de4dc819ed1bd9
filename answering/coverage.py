"""How much of a question a piece of text covers: IDF-weighted share of its words, accents
compared when the question has them, abbreviations read in their long forms."""

from __future__ import annotations

import re
from functools import lru_cache

from answering.detectors import has_kind, is_target
from answering.question import Question
from answering.weights import WEIGHTS, Weights
from index.state import IndexState
from vntext.abbreviations import expand
from vntext.quantities import numbers
from vntext.sentences import split_clauses
from vntext.terms import FOLDED_STOPWORDS, bigrams, fold, folded_syllables, syllables

# A bound is written many ways: "không quá 9 tháng" answers "tối đa bao nhiêu tháng".
_BOUNDS = (
    (re.compile(r"\bkhông (?:được )?(?:vượt )?quá\b|\btrở xuống\b", re.I), ("tối", "đa")),
    (
        re.compile(r"\bít nhất\b|\bkhông (?:thấp hơn|ít hơn|dưới)\b|\btrở lên\b", re.I),
        ("tối", "thiểu"),
    ),
)


@lru_cache(maxsize=50_000)
def term_set(text: str) -> frozenset[str]:
    """Syllables (accented and folded) and folded bigrams of a text and of the long forms of
    its abbreviations; "%" also reads as "phần trăm", "không quá" as "tối đa"."""
    accented = syllables(text)
    for phrase in expand(text):
        accented += ["|", *syllables(phrase)]
    if "%" in text:
        accented += ["|", "phần", "trăm"]
    for bound, words in _BOUNDS:
        if bound.search(text):
            accented += ["|", *words]
    folded = [fold(s) for s in accented]
    return frozenset(accented) | frozenset(folded) | frozenset(bigrams(folded))


_HALF = re.compile(r"\bnua\s+(?:nam|thang|tuan|ngay|gio|phut)\b")


def quantity_pairs(text: str) -> list[str]:
    """Folded syllable pairs of the quantities a text states in words ("một tháng" →
    "mot_thang", "nửa năm" → "nua_nam"): stopwords one by one, a topic together."""
    phrases = [n for n in numbers(text) if not any(ch.isdigit() for ch in n)]
    phrases += _HALF.findall(" ".join(folded_syllables(text)))
    return list(dict.fromkeys(p for n in phrases for p in bigrams(folded_syllables(n))))


def unit_named(text: str, q: Question) -> bool:
    """The text names what the question counts somewhere, if not beside the figure ("54 TTHC"
    names "thủ tục" through its long form)."""
    if not q.unit or q.unit == "%":
        return True
    return all(word in term_set(text) for word in q.unit.split())


class Scorer:
    """IDF-weighted share of the question's words that a piece of text contains."""

    def __init__(
        self,
        q: Question,
        state: IndexState,
        named_doc_found: bool = False,
        weights: Weights = WEIGHTS,
    ):
        self.q = q
        self.w = weights
        self.state = state
        skip = {"ai", "ky", "ký"} if q.kind == "signer" else set()
        named = set(q.named_doc.split())
        if named_doc_found and set(q.terms) - named:
            skip |= named  # "Bộ luật Dân sự" picks the document; its words are not the topic
        self.weights: dict[str, float] = {}
        if q.accented:  # compare accented syllables: "thu" (collect) is not "thủ" (procedure)
            for s in dict.fromkeys(q.accented_terms):
                if s in skip or fold(s) in skip:
                    continue
                if state.bm25.knows("~" + s) or not state.bm25.knows(fold(s)):
                    self.weights[s] = state.bm25.idf("~" + s)
                else:  # a mistyped accent ("bênh", "đièu"): the unaccented form still matches
                    self.weights[fold(s)] = state.bm25.idf(fold(s))
        else:  # "nhieu" may be "nhiều", a stopword: such terms count little
            for t in dict.fromkeys(q.terms):
                if t not in skip and (t not in FOLDED_STOPWORDS or state.bm25.knows(t)):
                    ambiguous = weights.ambiguous_stopword if t in FOLDED_STOPWORDS else 1.0
                    self.weights[t] = state.bm25.idf(t) * ambiguous
        for pair in dict.fromkeys(q.pairs):
            if skip & set(pair.split("_")):
                continue
            if state.bm25.knows(pair):  # a pair the notices never write spans two phrases
                self.weights[pair] = state.bm25.idf(pair) * weights.pair
        for pair in quantity_pairs(q.text):
            # "một tháng", "nửa năm": every word of it is a stopword, yet it is what is asked
            if pair not in self.weights and state.bm25.knows(pair):
                self.weights[pair] = state.bm25.idf(pair) * weights.pair
        self.total = sum(self.weights.values()) or 1.0
        self.wants_target = is_target(q.text)

    def coverage(
        self, terms: frozenset[str] | set[str], context: frozenset[str] | set[str] = frozenset()
    ) -> float:
        covered = sum(
            w if t in terms else (w * self.w.context_share if t in context else 0.0)
            for t, w in self.weights.items()
        )
        return covered / self.total

    def qualifier_value(self, text: str) -> float:
        """Coverage of the question's words other than the names it is about ("huyện Chi
        Lăng"): what tells two figures of one sentence apart ("thu được" vs "giải ngân")."""
        named = {w for e in self.q.entities for w in e.split()}
        weights = {t: w for t, w in self.weights.items() if fold(t) not in named and "_" not in t}
        total = sum(weights.values())
        if not total:
            return 0.0
        terms = term_set(text)
        value = sum(w for t, w in weights.items() if t in terms) / total
        if self._target_figure(text):
            value -= self.w.target_penalty
        return value

    def clause_value(self, clause: str) -> float:
        """Coverage of one clause; a target figure counts less when the question asks what was
        achieved."""
        value = self.coverage(term_set(clause))
        if self._target_figure(clause):
            value -= self.w.target_penalty
        return value

    def _target_figure(self, text: str) -> bool:
        """A figure set as a goal ("phấn đấu đạt 100%") when the question asks what was
        achieved. Without a figure the words only describe ("An ninh mạng là sự bảo đảm …")."""
        return not self.wants_target and is_target(text) and bool(numbers(text))

    def focus(self, sentence: str) -> float:
        """Value of the best clause that holds the asked-for kind of fact."""
        values = [self.clause_value(c) for c in split_clauses(sentence) if has_kind(c, self.q)]
        return max(values, default=0.0)

    def unsaid(self, doc_id: str, skip: frozenset[str] = frozenset()) -> float:
        """IDF-weighted share of the question's words that the document never says anywhere
        (title, headings, text, table rows). Numbers, abbreviations (no vowel: "KH&CN"),
        stopwords, "mỗi" (per) and `skip` are left out: they name no row, or are checked
        elsewhere, or are written otherwise."""
        said = self.state.memo(
            f"document words {doc_id}", lambda: _document_words(self.state, doc_id)
        )
        capitals = set(re.findall(r"\b[A-ZĐ]{2,}\b", self.q.text))
        abbreviated = {fold(a.lower()) for a in capitals}  # "UBND": the notice may spell it out
        words = {t: w for t, w in self.weights.items() if "_" not in t and fold(t) not in skip}
        words = {t: w for t, w in words.items() if _spelled_word(t) and t not in _PER_WORDS}
        words = {t: w for t, w in words.items() if fold(t) not in abbreviated}
        unsaid = sum(
            w for t, w in words.items() if t not in said and fold(t) not in FOLDED_STOPWORDS
        )
        return unsaid / self.total

    def unsaid_names(self, doc_id: str) -> list[str]:
        """Words of the question written as names ("cửa sông Hồng", "xã Tân Lập") that the
        document never says: a place or body it does not list."""
        said = self.state.memo(
            f"document words {doc_id}", lambda: _document_words(self.state, doc_id)
        )
        words = re.findall(r"[^\W\d_]+", self.q.text)[1:]  # the first is capitalised anyway
        names = [w for w in words if w[0].isupper() and w[1:].islower()]  # not "HĐND"
        return [w for w in names if not set(syllables(w)) <= said]


_PER_WORDS = frozenset({"mỗi", "mọi", "từng"})  # "mỗi buổi": per what, not which row


def _document_words(state: IndexState, doc_id: str) -> frozenset[str]:
    """Every syllable the document writes, accented and folded, with the long forms of its
    abbreviations and "phần trăm" for "%", as term_set reads them (no pairs: read once per
    document, fast)."""
    chunks = state.chunks_of(doc_id)
    text = "\n".join(
        [chunks[0].context if chunks else "", *(f"{c.section}\n{c.text}" for c in chunks)]
    )
    said = set(syllables(text))
    capitals = " ".join(set(re.findall(r"\b[A-ZĐ][A-ZĐ&./-]+\b", text)))
    for phrase in expand(capitals):  # "UBND" also says "ủy ban nhân dân"
        said.update(syllables(phrase))
    if "%" in text:
        said.update(("phần", "trăm"))
    return frozenset(said | {fold(s) for s in said})


def _spelled_word(term: str) -> bool:
    """A word spelled out, as Vietnamese syllables are: a vowel and no digit."""
    folded = fold(term)
    return any(v in folded for v in "aeiouy") and not any(ch.isdigit() for ch in folded)
