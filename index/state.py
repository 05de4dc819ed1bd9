"""A read-only snapshot of the committed index: chunks, documents, BM25. Swapped whole on reload,
so a question is always answered from one complete generation."""

from __future__ import annotations

import logging
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from core.document import Chunk
from core.results import Filters
from index.catalog import Catalog, DocRecord
from index.lexical import BM25
from index.lookups import Lookups, article_heading
from vntext.terms import LEXICAL_VERSION, fold, lexical_terms

log = logging.getLogger(__name__)


@dataclass
class IndexState:
    generation: int
    chunks: list[Chunk]
    docs: dict[str, DocRecord]
    row_of: dict[str, int]
    bm25: BM25
    catalog: Catalog | None = None  # for the full text of a document, read when needed

    @classmethod
    def load(cls, catalog: Catalog, bm25_dir: Path) -> IndexState:
        generation = catalog.generation()
        chunks = catalog.chunks()
        docs = {d.doc_id: d for d in catalog.documents()}
        snapshot = bm25_dir / f"gen-{generation}-v{LEXICAL_VERSION}"
        bm25 = None
        if (snapshot / "vocab.json").exists():
            try:
                bm25 = BM25.load(snapshot)
                if bm25.size != len(chunks):
                    bm25 = None
            except (OSError, ValueError) as exc:
                log.warning("BM25 snapshot %s unreadable (%s); rebuilding", snapshot, exc)
        if bm25 is None:
            bm25 = BM25.build(lexical_terms(c.index_text, accents=True) for c in chunks)
            _save_snapshot(bm25, bm25_dir, generation)
        row_of = {c.chunk_id: i for i, c in enumerate(chunks)}
        return cls(generation, chunks, docs, row_of, bm25, catalog)

    def chunks_of(self, doc_id: str) -> list[Chunk]:
        if not hasattr(self, "_by_doc"):
            by_doc: dict[str, list[Chunk]] = {}
            for c in self.chunks:
                by_doc.setdefault(c.doc_id, []).append(c)
            self._by_doc = by_doc
        return self._by_doc.get(doc_id, [])

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
    def lookups(self) -> Lookups:
        if not hasattr(self, "_lookups"):
            self._lookups = Lookups(self.chunks)
        return self._lookups

    def siblings(self, chunk: Chunk) -> list[Chunk]:
        """The chunks of the family a chunk belongs to (its article, or the list its item is
        in), in document order; the chunk itself included."""
        if not hasattr(self, "_families"):
            families: dict[tuple, list[Chunk]] = {}
            for c in self.chunks:
                key = family_key(c.headings)
                if key:
                    families.setdefault((c.doc_id, key), []).append(c)
            self._families = families
        key = family_key(chunk.headings)
        return self._families.get((chunk.doc_id, key), []) if key else []

    def mask(self, filters: Filters | None) -> np.ndarray | None:
        """Rows allowed by the filters; None when nothing is filtered."""
        if filters is None or filters.is_empty():
            return None
        allowed = {doc_id for doc_id, doc in self.docs.items() if _doc_matches(doc, filters)}
        return np.array([c.doc_id in allowed for c in self.chunks], dtype=bool)


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


def _save_snapshot(bm25: BM25, bm25_dir: Path, generation: int) -> None:
    """Write to a temp folder and rename, so a reader never sees half a snapshot."""
    final = bm25_dir / f"gen-{generation}-v{LEXICAL_VERSION}"
    tmp = bm25_dir / f".tmp-{final.name}-{uuid.uuid4().hex[:8]}"  # writers may race: the
    bm25.save(tmp)  # ingest that committed, and a server reloading at the same moment
    try:
        tmp.rename(final)
    except OSError:  # another writer got there first with the same content
        shutil.rmtree(tmp, ignore_errors=True)
    for old in bm25_dir.glob("gen-*"):
        if old != final:
            shutil.rmtree(old, ignore_errors=True)
