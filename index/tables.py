"""The chunks and documents of one index generation as memory-mapped arrays.

Loading 264k chunks from SQLite into Python objects took 13 s and most of a server's memory;
a question reads a few dozen of them. Each table is one UTF-8 blob of JSON rows with an offsets
array, plus sorted id arrays for lookups by id, all .npy files opened with mmap_mode="r": opening
costs nothing, a row is decoded when asked for, and worker processes share the pages.
"""

from __future__ import annotations

import dataclasses
import json
import mmap
import os
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, overload

import numpy as np

from core.document import Chunk, DocMetadata
from index.catalog import DocRecord

CACHE_ROWS = 4096  # decoded rows kept per table: a question revisits its passages' families


def _load(folder: Path, name: str) -> np.ndarray:
    """A plain ndarray over the mapped file: np.memmap's per-slice bookkeeping cost more than
    the reads it wraps."""
    return np.asarray(np.load(folder / f"{name}.npy", mmap_mode="r"))


def _save_rows(folder: Path, name: str, rows: Iterator[list[Any]]) -> None:
    """JSON rows into one blob and an offsets array, streamed to disk."""
    offsets = [0]
    with open(folder / f"{name}.bin", "wb") as blob:
        for row in rows:
            data = json.dumps(row, ensure_ascii=False, separators=(",", ":")).encode()
            blob.write(data)
            offsets.append(offsets[-1] + len(data))
    np.save(folder / f"{name}_offsets.npy", np.array(offsets, np.int64))


def _save_ids(folder: Path, name: str, ids: list[str]) -> None:
    """Ids as sorted fixed-width bytes and the row of each, for a binary search in place."""
    raw = np.array([i.encode() for i in ids] or [b""], dtype=np.bytes_)[: len(ids)]
    order = np.argsort(raw, kind="stable")
    np.save(folder / f"{name}_ids.npy", raw[order])
    np.save(folder / f"{name}_id_rows.npy", order.astype(np.int32))


class IdIndex:
    """id → row over a sorted id array: what a dict of 264k ids did, without building it."""

    def __init__(self, folder: Path, name: str):
        self._ids, self._rows = _load(folder, f"{name}_ids"), _load(folder, f"{name}_id_rows")

    def get(self, key: str, default: int | None = None) -> int | None:
        raw = key.encode()
        i = int(np.searchsorted(self._ids, raw))
        if i < len(self._ids) and self._ids[i] == raw:
            return int(self._rows[i])
        return default

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def sorted_ids(self) -> np.ndarray:
        return self._ids

    def __len__(self) -> int:
        return len(self._ids)


class _Rows:
    """Decoded rows of one blob, the most recent kept."""

    def __init__(self, folder: Path, name: str):
        with open(folder / f"{name}.bin", "rb") as f:
            size = os.fstat(f.fileno()).st_size
            self._blob = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) if size else b""
        self._offsets = _load(folder, f"{name}_offsets")
        self._cache: dict[int, Any] = {}

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def decode(self, i: int) -> list[Any]:
        start, end = int(self._offsets[i]), int(self._offsets[i + 1])
        return json.loads(self._blob[start:end])

    def cached(self, i: int, make: Any) -> Any:
        found = self._cache.get(i)
        if found is None:
            if len(self._cache) >= CACHE_ROWS:
                self._cache.clear()
            found = self._cache[i] = make(self.decode(i))
        return found


CHUNK_FIELDS = [f.name for f in dataclasses.fields(Chunk)]
DOC_FIELDS = [f.name for f in dataclasses.fields(DocRecord)]


def _plain(value: Any) -> Any:
    """A field as JSON holds it: Chunk.table (a dataclass) as a dict, read back by Chunk."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    return value


def _chunk(row: list[Any]) -> Chunk:
    return Chunk(**dict(zip(CHUNK_FIELDS, row, strict=True)))


def _doc(row: list[Any]) -> DocRecord:
    fields = dict(zip(DOC_FIELDS, row, strict=True))
    fields["metadata"] = DocMetadata(**fields["metadata"])
    return DocRecord(**fields)


class ChunkTable(Sequence[Chunk]):
    """The committed chunks in catalog order (by document, then ordinal); row numbers are
    those of the BM25 index."""

    def __init__(self, folder: Path):
        self._rows = _Rows(folder, "chunks")
        self.doc_rows = _load(folder, "chunks_doc")  # the DocTable row of each chunk

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, i: int) -> Chunk: ...
    @overload
    def __getitem__(self, i: slice) -> list[Chunk]: ...
    def __getitem__(self, i: int | slice) -> Chunk | list[Chunk]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if not -len(self) <= i < len(self):
            raise IndexError(i)
        return self._rows.cached(i % len(self), _chunk)

    def __iter__(self) -> Iterator[Chunk]:
        for i in range(len(self)):  # a full scan: decoded once, not cached
            yield _chunk(self._rows.decode(i))


class DocTable(Mapping[str, DocRecord]):
    """doc_id → DocRecord, and the row range of each document's chunks."""

    def __init__(self, folder: Path):
        self._rows = _Rows(folder, "docs")
        self._index = IdIndex(folder, "docs")
        self._seen: dict[str, int | None] = {}  # doc_id → row: answering asks for a few often
        self.chunk_start = _load(folder, "docs_chunk_start")  # rows [start[d], start[d + 1])
        self._all: list[DocRecord] | None = None

    def row(self, doc_id: str) -> int | None:
        found = self._seen.get(doc_id)
        if found is None:
            if len(self._seen) >= CACHE_ROWS:
                self._seen.clear()
            found = self._seen[doc_id] = self._index.get(doc_id)
        return found

    def at(self, row: int) -> DocRecord:
        return self._rows.cached(row, _doc)

    def __getitem__(self, doc_id: str) -> DocRecord:
        row = self.row(doc_id)
        if row is None:
            raise KeyError(doc_id)
        return self.at(row)

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self) -> Iterator[str]:
        return (raw.decode() for raw in self._index.sorted_ids())  # rows are in id order

    def values(self) -> list[DocRecord]:  # type: ignore[override]
        """Every document, decoded once and then kept, for what reads them all again and again
        (the row masks of filtered questions): ~1 s to decode 100k documents, ~100 MB to keep."""
        if self._all is None:
            self._all = [_doc(self._rows.decode(i)) for i in range(len(self))]
        return self._all

    def scan(self) -> Iterator[DocRecord]:
        """Every document in row order, decoded one at a time and not kept, for what reads
        them all once per generation (the facets, the document list)."""
        if self._all is not None:
            yield from self._all
            return
        for i in range(len(self)):
            yield _doc(self._rows.decode(i))


def save_tables(folder: Path, chunks: list[Chunk], docs: list[DocRecord]) -> None:
    """Write the tables of one generation; `chunks` in catalog order (grouped by document)."""
    docs = sorted(docs, key=lambda d: d.doc_id)
    doc_row = {d.doc_id: i for i, d in enumerate(docs)}
    _save_rows(folder, "chunks", ([_plain(getattr(c, f)) for f in CHUNK_FIELDS] for c in chunks))
    _save_ids(folder, "chunks", [c.chunk_id for c in chunks])
    chunk_doc = np.array([doc_row[c.doc_id] for c in chunks], np.int32)
    if np.any(np.diff(chunk_doc) < 0):
        raise ValueError("chunks must come grouped by document, in document id order")
    np.save(folder / "chunks_doc.npy", chunk_doc)
    rows = (
        [d.metadata.to_dict() if f == "metadata" else getattr(d, f) for f in DOC_FIELDS]
        for d in docs
    )
    _save_rows(folder, "docs", rows)
    _save_ids(folder, "docs", [d.doc_id for d in docs])
    start = np.searchsorted(chunk_doc, np.arange(len(docs) + 1)).astype(np.int64)
    np.save(folder / "docs_chunk_start.npy", start)
