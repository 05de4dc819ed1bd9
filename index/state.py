"""A read-only snapshot of the committed index: chunks, documents, BM25. Swapped whole on reload,
so a question is always answered from one complete generation."""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

import index.lookups as lookups_module
from core.document import Chunk
from core.results import Filters
from index.catalog import Catalog, DocRecord
from index.lexical import BM25
from index.lexical import FORMAT as BM25_FORMAT
from index.lookups import Lookups, article_heading
from index.mapped_lookups import MappedLookups, save_lookups
from index.references import ReferenceIndex
from index.tables import CHUNK_FIELDS, DOC_FIELDS, ChunkTable, DocTable, IdIndex, save_tables
from vntext.terms import LEXICAL_VERSION, STOPWORDS, fold, lexical_terms

log = logging.getLogger(__name__)
TABLE_FORMAT = 2  # 2: lookups as arrays (1: pickled)
MAX_MASKS = 32  # filter combinations whose row masks are kept
T = TypeVar("T")


@dataclass
class IndexState:
    generation: int
    chunks: ChunkTable  # rows decoded from a memory map when read
    docs: DocTable
    row_of: IdIndex  # chunk id → row
    bm25: BM25
    catalog: Catalog | None = None  # for the full text of a document, read when needed
    snapshot: Path | None = None  # the generation's folder of arrays

    @classmethod
    def load(cls, catalog: Catalog, bm25_dir: Path) -> IndexState:
        """The generation's snapshot, memory-mapped: written first when it is missing or of an
        older format (normally the ingest that committed the generation wrote it)."""
        generation = catalog.generation()
        snapshot = bm25_dir / f"gen-{generation}-v{LEXICAL_VERSION}"
        if not _usable(snapshot):
            _save_snapshot(catalog, bm25_dir, generation)
        return cls(
            generation,
            ChunkTable(snapshot),
            DocTable(snapshot),
            IdIndex(snapshot, "chunks"),
            BM25.load(snapshot),
            catalog,
            snapshot,
        )

    def memo(self, key: str, make: Callable[[], T]) -> T:
        """A value derived from this generation (the facets, the document list), made once:
        the next generation is a new state, so it is never stale."""
        memos: dict[str, Any] = self.__dict__.setdefault("_memos", {})
        if key not in memos:
            memos[key] = make()
        return memos[key]

    def chunk_counts(self) -> np.ndarray:
        """Chunks per document, by DocTable row: the rows' ranges, not a walk of the chunks."""
        return np.diff(self.docs.chunk_start)

    def chunks_of(self, doc_id: str) -> list[Chunk]:
        """A document's chunks in order: a contiguous range of rows."""
        row = self.docs.row(doc_id)
        if row is None:
            return []
        start, end = self.docs.chunk_start[row], self.docs.chunk_start[row + 1]
        return [self.chunks[i] for i in range(int(start), int(end))]

    def doc_of(self, chunk: Chunk) -> DocRecord:
        return self.docs[chunk.doc_id]

    def text_around(self, chunks: list[Chunk], before: int = 0) -> tuple[str, int] | None:
        """The document text from the first of these chunks (and `before` characters more,
        from a line start) to the last, as ingested, and its offset; None when the catalog has
        since moved on to another version of the document."""
        if self.catalog is None or not chunks:
            return None
        text = self.catalog.document_text(chunks[0].doc_id) or ""
        start, end = min(c.start for c in chunks), max(c.end for c in chunks)
        if before:
            start = text.rfind("\n", 0, max(0, start - before)) + 1
        head = chunks[0].text.split("\n", 1)[0][:30]
        if head not in text[chunks[0].start : chunks[0].end]:
            return None
        return text[start:end], start

    @property
    def lookups(self) -> Lookups | MappedLookups:
        """Built with the snapshot, memory-mapped."""
        if not hasattr(self, "_lookups"):
            self._lookups = (
                Lookups(list(self.chunks))
                if self.snapshot is None
                else MappedLookups(self.snapshot)
            )
        return self._lookups

    @property
    def references(self) -> ReferenceIndex:
        """The documents the notices cite, by number, chunk or notice (index/references.py);
        read on first use, only those cited from this generation's chunks."""
        if not hasattr(self, "_references"):
            refs = self.catalog.references() if self.catalog is not None else []
            self._references = ReferenceIndex(r for r in refs if r.chunk_id in self.row_of)
        return self._references

    def siblings(self, chunk: Chunk) -> list[Chunk]:
        """The chunks of the family a chunk belongs to (its article, or the list its item is
        in), in document order; the chunk itself included."""
        key = family_key(chunk.headings)
        if not key:
            return []
        return [c for c in self.chunks_of(chunk.doc_id) if family_key(c.headings) == key]

    def mask(self, filters: Filters | None) -> np.ndarray | None:
        """Rows allowed by the filters; None when nothing is filtered. Kept per filter: it
        reads every document's metadata."""
        if filters is None or filters.is_empty():
            return None
        key = (filters.year, filters.doc_type, filters.district)
        masks: dict[tuple, np.ndarray] = self.__dict__.setdefault("_masks", {})
        if key not in masks:
            allowed = [_doc_matches(doc, filters) for doc in self.docs.values()]
            if len(masks) >= MAX_MASKS:
                masks.clear()
            masks[key] = np.array(allowed, bool)[self.chunks.doc_rows]
        return masks[key]


def is_article_family(headings: list[str]) -> bool:
    return bool(article_heading(headings))


def family_key(headings: list[str]) -> tuple[str, ...]:
    """A legal article is read whole ("Điều 247" with its khoản and điểm); elsewhere a passage
    belongs with the others under the same parent heading."""
    article = article_heading(headings)
    if article:
        return tuple(headings[: headings.index(article) + 1])
    return tuple(headings[:-1])


def _doc_matches(doc: DocRecord, filters: Filters) -> bool:
    meta = doc.metadata
    if filters.year is not None and meta.year != filters.year:
        return False
    if filters.doc_type and fold(meta.doc_type) != fold(filters.doc_type):
        return False
    if filters.district:
        wanted = fold(filters.district)
        return any(fold(d) == wanted for d in meta.districts)
    return True


def _usable(snapshot: Path) -> bool:
    """A complete snapshot of this code's formats (an older one is rebuilt, not misread)."""
    try:
        meta = json.loads((snapshot / "tables.json").read_text())
        bm25 = json.loads((snapshot / "vocab.json").read_text())
    except (OSError, ValueError):
        return False
    return meta == {**meta, **_format()} and bm25.get("format") == BM25_FORMAT


def _format() -> dict:
    """What a snapshot's files depend on besides the catalog: the lookups follow
    index/lookups.py, the tables the fields of Chunk and DocRecord."""
    code = hashlib.sha1(Path(lookups_module.__file__).read_bytes())
    code.update(repr((CHUNK_FIELDS, DOC_FIELDS, sorted(STOPWORDS))).encode())
    return {"format": TABLE_FORMAT, "code": code.hexdigest()[:16]}


def _save_snapshot(catalog: Catalog, bm25_dir: Path, generation: int) -> None:
    """Read the catalog once and write every array of the generation. Written to a temp
    folder and renamed, so a reader never sees half a snapshot."""
    t = time.perf_counter()
    chunks = catalog.chunks()
    final = bm25_dir / f"gen-{generation}-v{LEXICAL_VERSION}"
    tmp = bm25_dir / f".tmp-{final.name}-{uuid.uuid4().hex[:8]}"  # writers may race: the
    tmp.mkdir(parents=True)  # ingest that committed, and a server reloading at the same moment
    BM25.build(lexical_terms(c.index_text, accents=True) for c in chunks).save(tmp)
    save_tables(tmp, chunks, catalog.documents())
    save_lookups(tmp, Lookups(chunks))
    (tmp / "tables.json").write_text(json.dumps({**_format(), "chunks": len(chunks)}))
    if final.exists() and not _usable(final):  # an older format: replaced
        shutil.rmtree(final, ignore_errors=True)
    try:
        tmp.rename(final)
    except OSError:  # another writer got there first with the same content
        shutil.rmtree(tmp, ignore_errors=True)
    for old in bm25_dir.glob("gen-*"):
        if old != final:
            shutil.rmtree(old, ignore_errors=True)
    log.info("snapshot of generation %s written in %.1fs", generation, time.perf_counter() - t)
