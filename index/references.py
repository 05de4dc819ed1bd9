"""The documents notices cite, stored beside them in the catalog (written in the same
transaction as their notice, deleted with it) and looked up by number on the index state."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from core.document import Reference
from vntext.terms import fold

REFS_SCHEMA = """
CREATE TABLE IF NOT EXISTS refs (
    doc_id TEXT, ordinal INTEGER, doc_type TEXT, number TEXT, number_key TEXT, date TEXT,
    date_text TEXT, issuer TEXT, about TEXT, sentence TEXT, chunk_id TEXT);
CREATE INDEX IF NOT EXISTS refs_doc ON refs(doc_id);
CREATE INDEX IF NOT EXISTS refs_number ON refs(number_key);
"""
_FIELDS = ("doc_type", "number", "date", "date_text", "issuer", "about", "sentence", "chunk_id")


def number_key(number: str) -> str:
    """How numbers are matched: "711/BC-UBND" = "711/bc-ubnd" = "711/BC–UBND"."""
    return fold(number).replace("–", "-").replace(" ", "")


def write_refs(db: sqlite3.Connection, doc_id: str, refs: Iterable[Reference]) -> None:
    """Inside the caller's transaction."""
    db.execute("DELETE FROM refs WHERE doc_id = ?", (doc_id,))
    db.executemany(
        f"INSERT INTO refs (doc_id, ordinal, number_key, {', '.join(_FIELDS)}) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (doc_id, i, number_key(r.number), *(getattr(r, f) for f in _FIELDS))
            for i, r in enumerate(refs)
        ],
    )


def read_refs(db: sqlite3.Connection, doc_id: str | None = None) -> list[Reference]:
    sql = f"SELECT doc_id, {', '.join(_FIELDS)} FROM refs"
    params: tuple = (doc_id,) if doc_id else ()
    sql += " WHERE doc_id = ?" if doc_id else ""
    rows = db.execute(sql + " ORDER BY doc_id, ordinal", params)
    return [Reference(**dict(zip(_FIELDS, r[1:], strict=True)), doc_id=r[0]) for r in rows]


class ReferenceIndex:
    """Every cited document of one index generation: by number, by citing chunk, by notice."""

    def __init__(self, refs: Iterable[Reference] = ()):
        self.refs = list(refs)
        self._by_key: dict[str, list[Reference]] = {}
        self._by_chunk: dict[str, list[Reference]] = {}
        self._by_doc: dict[str, list[Reference]] = {}
        for ref in self.refs:
            if ref.number:
                self._by_key.setdefault(number_key(ref.number), []).append(ref)
            self._by_chunk.setdefault(ref.chunk_id, []).append(ref)
            self._by_doc.setdefault(ref.doc_id, []).append(ref)

    def __len__(self) -> int:
        return len(self.refs)

    def by_number(self, number: str) -> list[Reference]:
        """Citations of a number, in any notice: "711/BC-UBND", folded or not. A bare "711"
        matches every number it starts ("711/BC-UBND", "711/QĐ-UBND")."""
        key = number_key(number)
        if "/" in key:
            return list(self._by_key.get(key, []))
        return [r for k, refs in self._by_key.items() if k.split("/")[0] == key for r in refs]

    def of_chunk(self, chunk_id: str) -> list[Reference]:
        """The documents a chunk cites, in reading order."""
        return list(self._by_chunk.get(chunk_id, []))

    def of_document(self, doc_id: str) -> list[Reference]:
        """Every citation in a notice, one per citing sentence."""
        return list(self._by_doc.get(doc_id, []))

    def summary(self, doc_id: str) -> list[Reference]:
        """One entry per cited document of a notice, each field from its first citation that
        states it, the sentence of the first citation."""
        merged: dict[str, Reference] = {}
        for ref in self._by_doc.get(doc_id, []):
            key = number_key(ref.number) or fold(ref.name)
            if key not in merged:
                merged[key] = Reference(**ref.to_dict())
                continue
            first = merged[key]
            for name in ("doc_type", "date", "date_text", "issuer", "about"):
                if not getattr(first, name) and getattr(ref, name):
                    setattr(first, name, getattr(ref, name))
        return list(merged.values())
