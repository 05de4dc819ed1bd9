"""BM25 over a sparse term matrix: built once per index generation, scored with one sparse product.

Written out (instead of a library call) because queries carry per-term weights — an abbreviation's
expansion counts less than the words the official typed — and filters are row masks.
"""

from __future__ import annotations

import json
from array import array
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import numpy as np
from scipy import sparse


class BM25:
    def __init__(self, matrix: sparse.csc_matrix, vocab: dict[str, int], k1: float, b: float):
        self.matrix = matrix  # rows: documents, columns: terms, values: BM25 term weights
        self.vocab = vocab
        self.k1, self.b = k1, b

    @classmethod
    def build(cls, docs: Iterable[list[str]], k1: float = 1.2, b: float = 0.75) -> BM25:
        """From the term lists of the documents, read once: a list at a time, kept as compact
        arrays, so 100,000 documents do not hold every term list in memory at once."""
        vocab: dict[str, int] = {}
        rows, cols, tfs, lengths = array("i"), array("i"), array("f"), array("f")
        for r, terms in enumerate(docs):
            lengths.append(len(terms))
            for term, tf in Counter(terms).items():
                rows.append(r)
                cols.append(vocab.setdefault(term, len(vocab)))
                tfs.append(tf)
        n = len(lengths)
        tf = np.frombuffer(tfs, dtype=np.float32)
        col = np.frombuffer(cols, dtype=np.int32)
        row = np.frombuffer(rows, dtype=np.int32)
        length = np.frombuffer(lengths, dtype=np.float32)
        df = np.bincount(col, minlength=len(vocab)).astype(np.float32)
        idf = np.log(1.0 + (n - df + 0.5) / (df + 0.5))
        avgdl = float(length.mean()) if n else 1.0
        norm = k1 * (1 - b + b * length[row] / max(avgdl, 1e-9)) if n else tf
        weights = idf[col] * tf * (k1 + 1) / (tf + norm)
        matrix = sparse.csc_matrix((weights, (row, col)), shape=(n, len(vocab)), dtype=np.float32)
        return cls(matrix, vocab, k1, b)

    def knows(self, term: str) -> bool:
        return term in self.vocab

    def idf(self, term: str) -> float:
        """Inverse document frequency; a term the index never saw counts as rare."""
        n = self.size
        col = self.vocab.get(term)
        df = 0 if col is None else int(self.matrix.indptr[col + 1] - self.matrix.indptr[col])
        return float(np.log(1.0 + (n - df + 0.5) / (df + 0.5)))

    @property
    def size(self) -> int:
        return self.matrix.shape[0]

    def scores(self, query: dict[str, float]) -> np.ndarray:
        """BM25 score of every document for weighted query terms."""
        cols = [self.vocab[t] for t in query if t in self.vocab]
        if not cols or self.size == 0:
            return np.zeros(self.size, np.float32)
        weights = np.array([query[t] for t in query if t in self.vocab], np.float32)
        return np.asarray(self.matrix[:, cols] @ weights).ravel()

    def top(
        self, query: dict[str, float], k: int, mask: np.ndarray | None = None
    ) -> list[tuple[int, float]]:
        scores = self.scores(query)
        if mask is not None:
            scores = np.where(mask, scores, 0.0)
        k = min(k, int((scores > 0).sum()))
        if k <= 0:
            return []
        best = np.argpartition(-scores, k - 1)[:k]
        best = best[np.argsort(-scores[best])]
        return [(int(i), float(scores[i])) for i in best]

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        sparse.save_npz(folder / "matrix.npz", self.matrix)
        (folder / "vocab.json").write_text(
            json.dumps({"k1": self.k1, "b": self.b, "vocab": self.vocab}, ensure_ascii=False)
        )

    @classmethod
    def load(cls, folder: Path) -> BM25:
        meta = json.loads((folder / "vocab.json").read_text())
        matrix = sparse.load_npz(folder / "matrix.npz").tocsc()
        return cls(matrix, meta["vocab"], meta["k1"], meta["b"])
