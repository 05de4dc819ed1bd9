"""The exact lookups (index/lookups.py) of one generation as memory-mapped arrays.

Lookups over 264k chunks held ~100 MB of Python dicts and sets in every server process and took
0.9 s to unpickle at the first question. Built by Lookups itself, at snapshot time, then written
here as sorted key hashes with row ranges: the worker processes share the pages.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from index.lexical import term_hash
from index.lookups import Lookups


def _save_multimap(folder: Path, name: str, keys: list[int], values: list[list[int]]) -> None:
    """Sorted 64-bit key hashes; the values of the i-th are `values[start[i]:start[i + 1]]`."""
    hashes = np.array(keys, np.uint64)
    order = np.argsort(hashes, kind="stable")
    lengths = np.array([len(values[i]) for i in order], np.int64)
    start = np.zeros(len(keys) + 1, np.int64)
    np.cumsum(lengths, out=start[1:])
    flat = np.array([v for i in order for v in values[i]], np.int32)
    np.save(folder / f"{name}_keys.npy", hashes[order])
    np.save(folder / f"{name}_start.npy", start)
    np.save(folder / f"{name}_values.npy", flat)


class _Multimap:
    def __init__(self, folder: Path, name: str):
        def load(part: str) -> np.ndarray:
            return np.asarray(np.load(folder / f"{name}_{part}.npy", mmap_mode="r"))

        self._keys, self._start, self._values = load("keys"), load("start"), load("values")

    def get(self, key: int) -> np.ndarray:
        h = np.uint64(key)
        i = int(np.searchsorted(self._keys, h))
        if i < len(self._keys) and self._keys[i] == h:
            return self._values[self._start[i] : self._start[i + 1]]
        return self._values[:0]


def save_lookups(folder: Path, lookups: Lookups) -> None:
    """The definitions and article numbers (key → rows) and the title index: each rarest title
    word → its titles (their word hashes, and the rows of the article they head)."""
    for name, mapping in (("defined", lookups.definitions), ("article", lookups.articles)):
        _save_multimap(
            folder, f"lookup_{name}", [term_hash(k) for k in mapping], list(mapping.values())
        )
    keys = list(lookups._titled)  # (doc, heading) → rows, in chunk order
    key_id = {k: i for i, k in enumerate(keys)}
    _save_multimap(
        folder, "lookup_heading", list(range(len(keys))), [lookups._titled[k] for k in keys]
    )
    titles: list[list[int]] = []  # per title: hashes of its words, then its key id last
    rarest_keys, rarest_titles = [], []
    for word, entries in lookups._by_rarest.items():
        rarest_keys.append(term_hash(word))
        rarest_titles.append([len(titles) + j for j in range(len(entries))])
        titles += [[term_hash(w) for w in sorted(words)] + [key_id[key]] for words, key in entries]
    _save_multimap(folder, "lookup_rarest", rarest_keys, rarest_titles)
    start = np.zeros(len(titles) + 1, np.int64)
    np.cumsum([len(t) for t in titles], out=start[1:])
    np.save(folder / "lookup_title_start.npy", start)
    np.save(folder / "lookup_title_words.npy", np.array([h for t in titles for h in t], np.uint64))


class MappedLookups:
    """What Lookups answers, read from the arrays `save_lookups` wrote."""

    def __init__(self, folder: Path):
        self._defined = _Multimap(folder, "lookup_defined")
        self._article = _Multimap(folder, "lookup_article")
        self._heading = _Multimap(folder, "lookup_heading")
        self._rarest = _Multimap(folder, "lookup_rarest")
        self._title_start = np.asarray(np.load(folder / "lookup_title_start.npy", mmap_mode="r"))
        self._title_words = np.asarray(np.load(folder / "lookup_title_words.npy", mmap_mode="r"))

    def defining(self, term: str) -> list[int]:
        return self._defined.get(term_hash(term)).tolist()

    def article(self, number: str) -> list[int]:
        return self._article.get(term_hash(number)).tolist()

    def titled(self, words: set[str], limit: int = 3) -> list[int]:
        """As Lookups.titled: the rows of the articles whose whole title the question names,
        longest titles first."""
        asked = {term_hash(w) for w in words}
        found = []
        for w in words:
            for t in self._rarest.get(term_hash(w)).tolist():
                entry = self._title_words[self._title_start[t] : self._title_start[t + 1]].tolist()
                title, key = entry[:-1], entry[-1]
                if asked.issuperset(title):
                    found.append((len(title), key))
        found.sort(key=lambda f: -f[0])
        return [row for _, key in found[:limit] for row in self._heading.get(key).tolist()]
