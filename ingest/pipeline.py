"""Ingest: load → clean → metadata → chunk → embed → store, incremental and crash-safe.

A run writes vectors for new chunk versions first (invisible: the catalog does not list them
yet), then switches the catalog in one transaction, then deletes the vectors it replaced. Killed
at any point, the catalog still describes one complete state; the next run deletes orphans.
"""

from __future__ import annotations

import fcntl
import hashlib
import logging
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from core.document import Document
from core.errors import ChidaoError, JobRunning
from core.settings import Settings
from index.catalog import Catalog, StoredFile
from index.embed_cache import CachedEmbedder
from index.embedders import Embedder, make_embedder
from index.state import IndexState
from index.vector_store import VectorStore, make_client
from ingest.chunker import CHUNKING_VERSION, chunk_document
from ingest.files import SourceFile, doc_id_for, find_files
from ingest.loaders import load_document
from ingest.metadata import extract_metadata
from ingest.ocr import Ocr, OcrConfig
from ingest.references import extract_references
from ingest.task_store import refresh_tasks, tasks_of

log = logging.getLogger(__name__)
Progress = Callable[[str, int, int], None]  # (stage, done, total)

# Chunks of several documents are embedded and written to Chroma together: each Chroma write
# costs tens of ms whatever its size (a transaction and an index update), so writing one
# document's few chunks at a time made Chroma 85% of an ingest with a free embedder.
FLUSH_CHUNKS = 1000


@dataclass
class IngestReport:
    seen: int = 0
    added: int = 0
    updated: int = 0
    skipped: int = 0
    removed: int = 0
    chunks: int = 0
    embedded: int = 0  # passages the embedder actually ran on (cache misses)
    ocr_pages: int = 0  # pages tesseract read in this run (OCR cache misses)
    ocr_cached: int = 0  # scanned pages whose text came from the OCR cache
    failed: list[tuple[str, str]] = field(default_factory=list)
    generation: int = 0
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {**self.__dict__, "failed": [{"path": p, "error": e} for p, e in self.failed]}


def chunk_metadata(doc: Document) -> dict:
    """The notice's metadata, stored on every chunk's vector (Chroma takes scalars only)."""
    meta = doc.metadata
    return {
        "doc_id": doc.doc_id,
        "source": doc.source,
        "doc_type": meta.doc_type,
        "number": meta.number,
        "date": meta.date,
        "year": meta.year or 0,
        "issuer": meta.issuer,
        "province": meta.province,
        "title": meta.title[:300],
        "signer": meta.signer,
        "signer_position": meta.signer_position,
        "districts": "|".join(meta.districts),
        "communes": "|".join(meta.communes),
    }


class Ingestor:
    def __init__(self, settings: Settings, embedder: Embedder | None = None):
        self.settings = settings
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        inner = embedder or make_embedder(settings)
        self.embedder = CachedEmbedder(
            inner, settings.data_dir / "embed_cache.sqlite", settings.embed_batch_size
        )
        self.catalog = Catalog(settings.data_dir / "catalog.sqlite")
        self.ocr = Ocr(OcrConfig.from_settings(settings))
        self.timings: dict[str, float] = {}
        self._dirty = settings.data_dir / "ingest.dirty"
        self._pending: list[Document] = []  # prepared, vectors not written yet
        self._pending_chunks = 0
        self._rechunk = False  # set per run: the catalog's chunks come from an older chunker
        self.store = VectorStore(make_client(settings), settings.collection, inner.name, inner.dim)

    @contextmanager
    def _lock(self) -> Iterator[None]:
        """One ingest at a time per data dir, across processes."""
        handle = open(self.settings.data_dir / "ingest.lock", "w")  # noqa: SIM115
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            handle.close()
            raise JobRunning("another process") from exc
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
            handle.close()

    def run(
        self, paths: list[Path], prune: bool = False, progress: Progress | None = None
    ) -> IngestReport:
        started = time.perf_counter()
        with self._lock():
            report = self._run(paths, prune, progress or (lambda *_: None))
        report.seconds = time.perf_counter() - started
        return report

    def remove(self, doc_ids: list[str]) -> IngestReport:
        """Take documents out of the index (catalog first, then their vectors)."""
        with self._lock():
            report = IngestReport()
            known = self.catalog.stored_files()
            removals = [d for d in doc_ids if d in known]
            stale = self.catalog.chunk_ids_of(removals)
            if removals:
                report.generation = self.catalog.commit([], removals)
                IndexState.load(self.catalog, self.settings.data_dir / "bm25")
                self.store.delete(sorted(stale))
            report.removed = len(removals)
            return report

    def _run(self, paths: list[Path], prune: bool, progress: Progress) -> IngestReport:
        report = IngestReport()
        self.ocr = Ocr(self.ocr.config, lambda done, total: progress("pages", done, total))
        files, report.failed = find_files(paths)
        report.seen = len(files)
        if self._dirty.exists():  # an earlier run died between writing vectors and cleaning up
            self._delete_orphans()
        known = self.catalog.stored_files()  # doc id → (path, content hash)
        refresh_tasks(self.catalog)  # tasks read by an older extractor are read again
        # Chunks made by an older chunker: every file is read again, changed or not.
        self._rechunk = self.catalog.get_meta("chunking") != str(CHUNKING_VERSION)
        covered = not self._rechunk or set(known) <= {f.doc_id for f in files}

        changed: list[Document] = []
        for i, file in enumerate(files, 1):
            progress("files", i - 1, len(files))
            try:
                doc = self._prepare(file, known)
            except ChidaoError as exc:
                report.failed.append((file.path, str(exc)))
                continue
            except Exception as exc:
                log.exception("ingest failed for %s", file.path)
                report.failed.append((file.path, f"lỗi không xác định: {exc}"))
                continue
            if doc is None:
                report.skipped += 1
                continue
            self._dirty.touch()  # before any vector is written
            self._queue(doc, report)
            changed.append(doc)
            if doc.doc_id in known:
                report.updated += 1
            else:
                report.added += 1
        self._flush(report)  # every vector is written before the catalog lists it
        progress("files", len(files), len(files))

        removals = [i for i, f in known.items() if not os.path.exists(f.path)] if prune else []
        report.removed = len(removals)
        if changed or removals or self.catalog.generation() == 0:
            t = time.perf_counter()
            replaced = [d.doc_id for d in changed if d.doc_id in known] + removals
            # A re-read file whose chunks did not change keeps their ids: those stay live.
            live = {c.chunk_id for d in changed for c in d.chunks}
            stale = [i for i in self.catalog.chunk_ids_of(replaced) if i not in live]
            tasks = {d.doc_id: tasks_of(d) for d in changed}  # committed with their document
            meta = {"embedder": self.embedder.name}
            if covered:
                meta["chunking"] = str(CHUNKING_VERSION)
            report.generation = self.catalog.commit(changed, removals, meta, tasks)
            changed.clear()  # the texts are in the catalog now; free them before BM25 is built
            t2 = time.perf_counter()
            self._timing("commit_s", t2 - t)
            IndexState.load(self.catalog, self.settings.data_dir / "bm25")  # writes the snapshot
            self._timing("bm25_s", time.perf_counter() - t2)
            self.store.delete(sorted(stale))
        else:
            report.generation = self.catalog.generation()
        self._dirty.unlink(missing_ok=True)
        report.embedded = self.embedder.misses
        report.ocr_pages, report.ocr_cached = self.ocr.pages_read, self.ocr.pages_cached
        report.timings = dict(self.timings)
        return report

    def _prepare(self, file: SourceFile, known: dict[str, StoredFile]) -> Document | None:
        with open(file.path, "rb") as f:
            content_hash = hashlib.sha256(f.read()).hexdigest()
        stored = known.get(file.doc_id)
        if stored is not None and stored.content_hash == content_hash and not self._rechunk:
            return None
        t = time.perf_counter()
        doc = self.parse(Path(file.path), content_hash)
        self._timing("parse_s", time.perf_counter() - t)
        return doc

    def parse(self, path: Path, content_hash: str = "") -> Document:
        """Load, clean, describe and chunk one file; nothing is embedded or stored (the
        benchmark uses it to know what an ingest will embed)."""
        content_hash = content_hash or hashlib.sha256(path.read_bytes()).hexdigest()
        doc_id = doc_id_for(path)
        loaded = load_document(path, self.ocr)
        text = loaded.text
        metadata = extract_metadata(text, path.name)
        doc = Document(doc_id, path.name, str(path.resolve()), content_hash, text, metadata)
        doc.chunks = chunk_document(
            text,
            doc_id,
            doc.version_id,
            metadata.title,
            self.settings.chunk_max_tokens,
            loaded.page_starts,
        )
        doc.references = extract_references(doc)
        return doc

    def _queue(self, doc: Document, report: IngestReport) -> None:
        self._pending.append(doc)
        self._pending_chunks += len(doc.chunks)
        if self._pending_chunks >= FLUSH_CHUNKS:
            self._flush(report)

    def _flush(self, report: IngestReport) -> None:
        """Embed and write the pending documents' chunks in one batch (invisible until the
        catalog commit lists them)."""
        if not self._pending:
            return
        chunks = [c for d in self._pending for c in d.chunks]
        metas = []
        for doc in self._pending:
            meta = chunk_metadata(doc)
            metas += [{**meta, "section": c.section[:300], "page": c.page or 0} for c in doc.chunks]
        t = time.perf_counter()
        vectors = self.embedder.embed([c.index_text for c in chunks], "passage")
        t2 = time.perf_counter()
        self.store.upsert([c.chunk_id for c in chunks], vectors, metas)
        self._timing("embed_s", t2 - t)
        self._timing("store_s", time.perf_counter() - t2)
        report.chunks += len(chunks)
        self._pending, self._pending_chunks = [], 0

    def _timing(self, key: str, seconds: float) -> None:
        self.timings[key] = self.timings.get(key, 0.0) + seconds

    def _delete_orphans(self) -> None:
        """Vectors the catalog does not list: from a killed run or replaced versions."""
        orphans = self.store.all_ids() - self.catalog.chunk_ids()
        if orphans:
            self.store.delete(sorted(orphans))
