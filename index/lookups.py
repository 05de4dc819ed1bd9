"""Exact lookups beside ranked retrieval: where a term is defined ("Người lao động là …") and
where an article is ("Điều 32"). Ranked retrieval finds these poorly: a definition shares its
words with every use of the term, and an article number is no word at all."""

from __future__ import annotations

import re

from core.document import Chunk
from vntext.terms import STOPWORDS, fold, syllables

_DEFINED = re.compile(
    r"^(?:\d{1,2}\.\s+|[a-zđ]\)\s+)?([^\W\d][^.;:()]{2,70}?)\s+(?:là|được hiểu là)\s+\S", re.I
)
_ARTICLE_NO = re.compile(r"^Điều\s+(\d+[a-z]?)\b")
MIN_TITLE_WORDS = 2  # a one-word title ("Hình phạt") is named by too many questions


def defined_term(text: str) -> str:
    """The term a passage opens by defining, folded; "" when it defines nothing."""
    m = _DEFINED.match(text)
    return " ".join(fold(w) for w in m.group(1).split()) if m else ""


def article_heading(headings: list[str]) -> str:
    """The "Điều N. …" heading a passage sits under; "" outside an article."""
    return next((h for h in headings if _ARTICLE_NO.match(h)), "")


def article_number(headings: list[str]) -> str:
    m = _ARTICLE_NO.match(article_heading(headings))
    return m.group(1) if m else ""


def article_title(heading: str) -> str:
    """ "Điều 184. Tội loạn luân" → "Tội loạn luân"."""
    return _ARTICLE_NO.sub("", heading).lstrip(" .:")


def title_words(heading: str) -> frozenset[str]:
    """The folded content syllables of an article's title: "Điều 184. Tội loạn luân" →
    {"toi", "loan", "luan"}."""
    return frozenset(
        fold(s)
        for s in syllables(article_title(heading))
        if s not in STOPWORDS and not s[0].isdigit()
    )


class Lookups:
    """Built once per index generation, on first use."""

    def __init__(self, chunks: list[Chunk]):
        self.definitions: dict[str, list[int]] = {}
        self.articles: dict[str, list[int]] = {}
        self._titled: dict[tuple[str, str], list[int]] = {}  # (doc, article heading) → rows
        for row, chunk in enumerate(chunks):
            term = defined_term(chunk.text[:200])
            if term:
                self.definitions.setdefault(term, []).append(row)
            number = article_number(chunk.headings)
            if number:
                self.articles.setdefault(number, []).append(row)
                key = (chunk.doc_id, article_heading(chunk.headings))
                self._titled.setdefault(key, []).append(row)
        self._by_rarest = self._index_titles()

    def _index_titles(self) -> dict[str, list[tuple[frozenset[str], tuple[str, str]]]]:
        """Each title filed under its rarest word, so a question is checked against the few
        titles that share that word."""
        titles = {key: title_words(key[1]) for key in self._titled}
        df: dict[str, int] = {}
        for words in titles.values():
            for w in words:
                df[w] = df.get(w, 0) + 1
        index: dict[str, list[tuple[frozenset[str], tuple[str, str]]]] = {}
        for key, words in titles.items():
            if len(words) >= MIN_TITLE_WORDS:
                rarest = min(words, key=lambda w: (df[w], w))
                index.setdefault(rarest, []).append((words, key))
        return index

    def titled(self, words: set[str], limit: int = 3) -> list[int]:
        """Rows of the articles whose whole title the question names, longest titles first."""
        found = [
            (len(title), key)
            for w in words
            for title, key in self._by_rarest.get(w, [])
            if title <= words
        ]
        found.sort(key=lambda f: -f[0])
        return [row for _, key in found[:limit] for row in self._titled[key]]

    def defining(self, term: str) -> list[int]:
        return self.definitions.get(term, [])

    def article(self, number: str) -> list[int]:
        return self.articles.get(number, [])
