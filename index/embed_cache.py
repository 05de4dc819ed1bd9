"""Embeddings cached by (model, text hash): re-ingesting a changed notice re-embeds only the
passages that changed, and a killed ingest keeps what it had already paid for."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from pathlib import Path

import numpy as np

from index.embedders import Embedder, Kind


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class CachedEmbedder:
    """Wraps an Embedder; passage vectors go through a SQLite cache, queries do not."""

    def __init__(self, inner: Embedder, path: Path, batch_size: int = 16):
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self.batch_size = batch_size
        self.misses = 0  # passages actually embedded by this instance
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        # A cache: a commit need not wait for the disk (WAL stays consistent; an OS crash can
        # only lose the newest vectors, which are then embedded again).
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS vectors "
            "(model TEXT, hash TEXT, vec BLOB, PRIMARY KEY (model, hash))"
        )
        self._lock = threading.Lock()

    def embed(self, texts: list[str], kind: Kind) -> np.ndarray:
        if kind == "query":
            return self.inner.embed(texts, kind)
        hashes = [text_hash(t) for t in texts]
        found = self._lookup(set(hashes))
        todo = [i for i, h in enumerate(hashes) if h not in found]
        for start in range(0, len(todo), self.batch_size):
            batch = todo[start : start + self.batch_size]
            vectors = self.inner.embed([texts[i] for i in batch], "passage")
            self._store([(hashes[i], v) for i, v in zip(batch, vectors, strict=True)])
            found.update({hashes[i]: v for i, v in zip(batch, vectors, strict=True)})
            self.misses += len(batch)
        return (
            np.stack([found[h] for h in hashes]) if hashes else np.zeros((0, self.dim), np.float32)
        )

    def _lookup(self, hashes: set[str]) -> dict[str, np.ndarray]:
        out: dict[str, np.ndarray] = {}
        items = list(hashes)
        with self._lock:
            for start in range(0, len(items), 500):
                part = items[start : start + 500]
                marks = ",".join("?" * len(part))
                rows = self._db.execute(
                    f"SELECT hash, vec FROM vectors WHERE model = ? AND hash IN ({marks})",
                    [self.name, *part],
                ).fetchall()
                out.update({h: np.frombuffer(v, dtype=np.float32) for h, v in rows})
        return out

    def _store(self, rows: list[tuple[str, np.ndarray]]) -> None:
        with self._lock, self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO vectors VALUES (?, ?, ?)",
                [(self.name, h, np.asarray(v, np.float32).tobytes()) for h, v in rows],
            )

    def close(self) -> None:
        self._db.close()
