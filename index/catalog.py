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
from typing import NamedTuple

from core.document import Chunk, DocMetadata, Document, Reference, TableInfo
from core.results import Task
from index.references import REFS_SCHEMA, read_refs, write_refs

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY, source TEXT, path TEXT, content_hash TEXT, version_id TEXT,
    metadata TEXT, text TEXT, ingested_at REAL);
CREATE TABLE IF NOT EXISTS chunks (
    chunk_id TEXT PRIMARY KEY, doc_id TEXT, ordinal INTEGER, text TEXT, headings TEXT,
    start INTEGER, end_ INTEGER, context TEXT, page INTEGER);
CREATE INDEX IF NOT EXISTS chunks_doc ON chunks(doc_id);
CREATE TABLE IF NOT EXISTS tasks (
    doc_id TEXT, ordinal INTEGER, agency TEXT, co_agencies TEXT, task TEXT, due TEXT,
    due_text TEXT, recurring INTEGER, section TEXT, quote TEXT, chunk_id TEXT, start INTEGER);
CREATE INDEX IF NOT EXISTS tasks_doc ON tasks(doc_id);
"""
# Task fields stored per row; source, title and date come from the document's row.
_TASK_COLUMNS = (
    "agency, co_agencies, task, due, due_text, recurring, section, quote, chunk_id, start"
)


@dataclass
class DocRecord:
    doc_id: str
    source: str
    path: str
    content_hash: str
    version_id: str
    metadata: DocMetadata
    ingested_at: float


class StoredFile(NamedTuple):
    """What an ingest compares a file with: where it was read and what it held."""

    path: str
    content_hash: str


class Catalog:
    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._db = sqlite3.connect(path, check_same_thread=False, timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.executescript(_SCHEMA + REFS_SCHEMA)
        columns = {r[1] for r in self._db.execute("PRAGMA table_info(chunks)")}
        if "page" not in columns:  # a catalog written before chunks knew their page
            self._db.execute("ALTER TABLE chunks ADD COLUMN page INTEGER")
        if "table_info" not in columns:  # written before chunks knew they were table rows
            self._db.execute("ALTER TABLE chunks ADD COLUMN table_info TEXT")

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

    def stored_files(self) -> dict[str, StoredFile]:
        """doc id → its file's path and content hash, without decoding any metadata (what
        `documents()` costs at 100k documents is most of an unchanged re-ingest)."""
        rows = self._db.execute("SELECT doc_id, path, content_hash FROM documents")
        return {r[0]: StoredFile(r[1], r[2]) for r in rows}

    def document_text(self, doc_id: str) -> str | None:
        row = self._db.execute("SELECT text FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return row[0] if row else None

    def chunks(self, doc_id: str | None = None) -> list[Chunk]:
        sql = (
            "SELECT chunk_id, doc_id, ordinal, text, headings, start, end_, context, page, "
            "table_info FROM chunks"
        )
        params: tuple = ()
        if doc_id is not None:
            sql += " WHERE doc_id = ?"
            params = (doc_id,)
        rows = self._db.execute(sql + " ORDER BY doc_id, ordinal", params).fetchall()
        return [
            Chunk(r[0], r[1], r[2], r[3], json.loads(r[4]), r[5], r[6], r[7], r[8], _table(r[9]))
            for r in rows
        ]

    def references(self, doc_id: str | None = None) -> list[Reference]:
        """The documents the live notices cite (index/references.py)."""
        return read_refs(self._db, doc_id)

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
    def tasks(self, doc_id: str | None = None) -> list[Task]:
        """The tasks ingest read from the live documents, with their notice's name and date."""
        sql = (
            f"SELECT t.doc_id, {', '.join('t.' + c.strip() for c in _TASK_COLUMNS.split(','))}, "
            "d.source, d.metadata FROM tasks t JOIN documents d ON d.doc_id = t.doc_id"
        )
        params: tuple = (doc_id,) if doc_id else ()
        sql += " WHERE t.doc_id = ?" if doc_id else ""
        out = []
        for r in self._db.execute(sql + " ORDER BY t.doc_id, t.ordinal", params):
            meta = DocMetadata(**json.loads(r[12]))
            out.append(
                Task(
                    doc_id=r[0],
                    agency=r[1],
                    co_agencies=json.loads(r[2]),
                    task=r[3],
                    due=r[4],
                    due_text=r[5],
                    recurring=bool(r[6]),
                    section=r[7],
                    quote=r[8],
                    chunk_id=r[9],
                    start=r[10],
                    source=r[11],
                    title=meta.title or r[11],
                    date=meta.date_display,
                )
            )
        return out

    def _write_tasks(self, doc_id: str, tasks: list[Task]) -> None:
        self._db.execute("DELETE FROM tasks WHERE doc_id = ?", (doc_id,))
        self._db.executemany(
            f"INSERT INTO tasks (doc_id, ordinal, {_TASK_COLUMNS}) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    doc_id,
                    i,
                    t.agency,
                    json.dumps(t.co_agencies, ensure_ascii=False),
                    t.task,
                    t.due,
                    t.due_text,
                    int(t.recurring),
                    t.section,
                    t.quote,
                    t.chunk_id,
                    t.start,
                )
                for i, t in enumerate(tasks)
            ],
        )

    def replace_tasks(self, tasks: dict[str, list[Task]], meta: dict[str, str]) -> None:
        """Every document's tasks read again (a newer extractor), in one transaction."""
        with self._db:
            self._db.execute("DELETE FROM tasks")
            for doc_id, doc_tasks in tasks.items():
                self._write_tasks(doc_id, doc_tasks)
            for key, value in meta.items():
                self._db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def commit(
        self,
        upserts: Iterable[Document],
        removals: Iterable[str],
        meta: dict[str, str] | None = None,
        tasks: dict[str, list[Task]] | None = None,
    ) -> int:
        """Replace documents (with their tasks), remove others, bump the generation: all or
        nothing."""
        now = time.time()
        with self._db:
            for doc_id in removals:
                self._db.execute("DELETE FROM chunks WHERE doc_id = ?", (doc_id,))
                self._db.execute("DELETE FROM tasks WHERE doc_id = ?", (doc_id,))
                self._db.execute("DELETE FROM refs WHERE doc_id = ?", (doc_id,))
                self._db.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))
            for doc in upserts:
                self._write_tasks(doc.doc_id, (tasks or {}).get(doc.doc_id, []))
                write_refs(self._db, doc.doc_id, doc.references)
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
                    "INSERT INTO chunks (chunk_id, doc_id, ordinal, text, headings, start, end_, "
                    "context, page, table_info) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                            c.page,
                            json.dumps(c.table.to_dict(), ensure_ascii=False) if c.table else None,
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


def _table(stored: str | None) -> TableInfo | None:
    return TableInfo(**json.loads(stored)) if stored else None
