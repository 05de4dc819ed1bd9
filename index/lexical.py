"""BM25 over column-compressed postings (CSC arrays): built once per index generation,
saved as .npy arrays and memory-mapped on load, so a server starts without reading them and its
worker processes share one copy in the page cache.

Written out (instead of a library call) because queries carry per-term weights — an abbreviation's
expansion counts less than the words the official typed — and filters are row masks.
"""

from __future__ import annotations

import hashlib
import json
from array import array
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import numpy as np
from scipy.sparse import _sparsetools  # scipy's C++ CSC kernels (private; checked by the tests)

FORMAT = 2  # 1: scipy matrix.npz + the vocabulary as JSON (read whole at every start)
_ARRAYS = ("data", "rows", "indptr", "term_hash", "term_col")
SEEN_TERMS = 100_000  # term → column lookups remembered


def term_hash(term: str) -> int:
    """A stable 64-bit hash: the vocabulary is a sorted array of these, searched in place."""
    return int.from_bytes(hashlib.blake2b(term.encode(), digest_size=8).digest(), "little")


class BM25:
    """Postings by term: `rows[indptr[c]:indptr[c+1]]` are the documents holding term c and
    `data[...]` their BM25 term weights; terms are found by hash (`term_hash`, `term_col`)."""

    def __init__(self, arrays: dict[str, np.ndarray], size: int, k1: float, b: float):
        self.data, self.rows, self.indptr = arrays["data"], arrays["rows"], arrays["indptr"]
        self._hash, self._col = arrays["term_hash"], arrays["term_col"]
        self._size = size
        self.k1, self.b = k1, b
        self._seen: dict[str, int | None] = {}

    @classmethod
    def build(cls, docs: Iterable[list[str]], k1: float = 1.2, b: float = 0.75) -> BM25:
        """From the term lists of the documents, read once: a list at a time, kept as compact
        arrays, so 100,000 documents do not hold every term list in memory at once."""
        vocab: dict[str, int] = {}
        rows, cols, tfs, lengths = array("i"), array("i"), array("f"), array("f")
        for r, terms in enumerate(docs):
            lengths.append(len(terms))
            for term, count in Counter(terms).items():
                rows.append(r)
                cols.append(vocab.setdefault(term, len(vocab)))
                tfs.append(count)
        n = len(lengths)
        tf = np.frombuffer(tfs, dtype=np.float32)
        col = np.frombuffer(cols, dtype=np.int32)
        row = np.frombuffer(rows, dtype=np.int32)
        length = np.frombuffer(lengths, dtype=np.float32)
        df = np.bincount(col, minlength=len(vocab)).astype(np.float32)
        idf = np.log(1.0 + (n - df + 0.5) / (df + 0.5))
        avgdl = float(length.mean()) if n else 1.0
        norm = k1 * (1 - b + b * length[row] / max(avgdl, 1e-9)) if n else tf
        weights = (idf[col] * tf * (k1 + 1) / (tf + norm)).astype(np.float32)
        order = np.argsort(col, kind="stable")  # by term, rows ascending within a term
        # int32 like the rows while it fits, so scipy takes the arrays as they are
        indptr = np.zeros(len(vocab) + 1, np.int32 if len(col) < 2**31 else np.int64)
        np.cumsum(df.astype(np.int64), out=indptr[1:])
        hashes = np.fromiter((term_hash(t) for t in vocab), np.uint64, len(vocab))
        by_hash = np.argsort(hashes, kind="stable")
        arrays = {
            "data": weights[order],
            "rows": row[order],
            "indptr": indptr,
            "term_hash": hashes[by_hash],
            "term_col": by_hash.astype(np.int32),  # vocab ids are assigned 0, 1, 2, …
        }
        return cls(arrays, n, k1, b)

    def _column(self, term: str) -> int | None:
        """The term's column, or None; remembered, as answering asks the idf of the same
        words again and again."""
        if term in self._seen:
            return self._seen[term]
        h = np.uint64(term_hash(term))
        i = int(np.searchsorted(self._hash, h))
        col = int(self._col[i]) if i < len(self._hash) and self._hash[i] == h else None
        if len(self._seen) >= SEEN_TERMS:
            self._seen.clear()
        self._seen[term] = col
        return col

    def knows(self, term: str) -> bool:
        return self._column(term) is not None

    def idf(self, term: str) -> float:
        """Inverse document frequency; a term the index never saw counts as rare."""
        n = self._size
        col = self._column(term)
        df = 0 if col is None else int(self.indptr[col + 1] - self.indptr[col])
        return float(np.log(1.0 + (n - df + 0.5) / (df + 0.5)))

    @property
    def size(self) -> int:
        return self._size

    def scores(self, query: dict[str, float]) -> np.ndarray:
        """BM25 score of every document for weighted query terms: each term's postings are added
        in place, straight from the (memory-mapped) arrays, by scipy's C++ column product on a
        one-column view. Slicing the columns out first (`matrix[:, cols] @ w`) copied every
        posting of the question before adding it, and long questions reach 2-3M postings."""
        out = np.zeros(self._size, np.float32)
        one_column = np.zeros(2, self.rows.dtype)  # scipy wants it typed as the rows
        weight = np.zeros(1, np.float32)
        for term, w in query.items():
            col = self._column(term)
            if col is None:
                continue
            start, end = int(self.indptr[col]), int(self.indptr[col + 1])
            one_column[1], weight[0] = end - start, w
            _sparsetools.csc_matvec(
                self._size, 1, one_column, self.rows[start:end], self.data[start:end], weight, out
            )
        return out

    def top(
        self, query: dict[str, float], k: int, mask: np.ndarray | None = None
    ) -> list[tuple[int, float]]:
        """The k best documents with a score above 0, best first."""
        scores = self.scores(query)
        if mask is not None:
            scores[~mask] = 0.0
        k = min(k, self._size)
        if k <= 0:
            return []
        best = np.sort(np.argpartition(scores, self._size - k)[self._size - k :])
        best = best[np.argsort(-scores[best], kind="stable")]  # equal scores: earlier row first
        return [(int(i), float(scores[i])) for i in best if scores[i] > 0]

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        arrays = dict(
            zip(_ARRAYS, (self.data, self.rows, self.indptr, self._hash, self._col), strict=True)
        )
        for name, values in arrays.items():
            np.save(folder / f"bm25_{name}.npy", np.ascontiguousarray(values))
        meta = {
            "format": FORMAT,
            "k1": self.k1,
            "b": self.b,
            "size": self._size,
            "terms": len(self._hash),
        }
        (folder / "vocab.json").write_text(json.dumps(meta))

    @classmethod
    def load(cls, folder: Path) -> BM25:
        """Memory-mapped: nothing is read until a query touches its terms' postings. A
        snapshot of another format raises ValueError (the caller rebuilds it)."""
        meta = json.loads((folder / "vocab.json").read_text())
        if meta.get("format") != FORMAT:
            raise ValueError(f"BM25 snapshot format {meta.get('format', 1)}, not {FORMAT}")
        arrays = {name: np.load(folder / f"bm25_{name}.npy", mmap_mode="r") for name in _ARRAYS}
        return cls(arrays, meta["size"], meta["k1"], meta["b"])
