"""The catalog: which documents and chunks are live. One SQLite file, one transaction per commit.

It is the truth of what the index holds. Chroma may briefly hold vectors of chunks the catalog
does not list (an ingest still running, or one that was killed); readers only trust catalog ids,
and the next ingest deletes such orphans.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from core.document import Chunk, DocMetadata, Document

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY, source TEXT, path TEXT, content_hash TEXT, version_id TEXT,
    metadata TEXT, text TEXT, ingested_at REAL);
CREATE TABLE IF NOT EXISTS chunks (
    chunk_id TEXT PRIMARY KEY, doc_id TEXT, ordinal INTEGER, text TEXT, headings TEXT,
    start INTEGER, end_ INTEGER, context TEXT);
CREATE INDEX IF NOT EXISTS chunks_doc ON chunks(doc_id);
"""


@dataclass
class DocRecord:
    doc_id: str
    source: str
    path: str
    content_hash: str
    version_id: str
    metadata: DocMetadata
    ingested_at: float


class Catalog:
    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._db = sqlite3.connect(path, check_same_thread=False, timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.executescript(_SCHEMA)

    # --- reading -------------------------------------------------------------------------
    def generation(self) -> int:
        row = self._db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        return int(row[0]) if row else 0

    def get_meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def documents(self) -> list[DocRecord]:
        rows = self._db.execute(
            "SELECT doc_id, source, path, content_hash, version_id, metadata, ingested_at "
            "FROM documents"
        ).fetchall()
        return [
            DocRecord(r[0], r[1], r[2], r[3], r[4], DocMetadata(**json.loads(r[5])), r[6])
            for r in rows
        ]

    def document_text(self, doc_id: str) -> str | None:
        row = self._db.execute("SELECT text FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return row[0] if row else None

    def chunks(self, doc_id: str | None = None) -> list[Chunk]:
        sql = "SELECT chunk_id, doc_id, ordinal, text, headings, start, end_, context FROM chunks"
        params: tuple = ()
        if doc_id is not None:
            sql += " WHERE doc_id = ?"
            params = (doc_id,)
        rows = self._db.execute(sql + " ORDER BY doc_id, ordinal", params).fetchall()
        return [Chunk(r[0], r[1], r[2], r[3], json.loads(r[4]), r[5], r[6], r[7]) for r in rows]

    def chunk_ids_of(self, doc_ids: list[str]) -> set[str]:
        out: set[str] = set()
        for doc_id in doc_ids:
            out.update(
                r[0]
                for r in self._db.execute("SELECT chunk_id FROM chunks WHERE doc_id = ?", (doc_id,))
            )
        return out

    def chunk_ids(self) -> set[str]:
        return {r[0] for r in self._db.execute("SELECT chunk_id FROM chunks")}

    # --- writing: one transaction per commit ---------------------------------------------
    def commit(
        self,
        upserts: Iterable[Document],
        removals: Iterable[str],
        meta: dict[str, str] | None = None,
    ) -> int:
        """Replace documents, remove others, bump the generation: all or nothing."""
        now = time.time()
        with self._db:
            for doc_id in removals:
                self._db.execute("DELETE FROM chunks WHERE doc_id = ?", (doc_id,))
                self._db.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))
            for doc in upserts:
                self._db.execute("DELETE FROM chunks WHERE doc_id = ?", (doc.doc_id,))
                self._db.execute(
                    "INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        doc.doc_id,
                        doc.source,
                        doc.path,
                        doc.content_hash,
                        doc.version_id,
                        json.dumps(doc.metadata.to_dict(), ensure_ascii=False),
                        doc.text,
                        now,
                    ),
                )
                self._db.executemany(
                    "INSERT INTO chunks VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        (
                            c.chunk_id,
                            c.doc_id,
                            c.ordinal,
                            c.text,
                            json.dumps(c.headings, ensure_ascii=False),
                            c.start,
                            c.end,
                            c.context,
                        )
                        for c in doc.chunks
                    ],
                )
            generation = self.generation() + 1
            for key, value in {**(meta or {}), "generation": str(generation)}.items():
                self._db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))
        return generation

    def close(self) -> None:
        self._db.close()
