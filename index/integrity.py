"""`chidao stats --verify`: prove the catalog, the Chroma collection and the BM25 snapshot
describe the same chunks."""

from __future__ import annotations

from core.settings import Settings
from index.catalog import Catalog
from index.embedders import make_embedder
from index.lexical import BM25
from index.vector_store import VectorStore, make_client
from vntext.terms import LEXICAL_VERSION


def verify(settings: Settings) -> list[str]:
    """Problems found; an empty list means the index is consistent."""
    problems: list[str] = []
    catalog = Catalog(settings.data_dir / "catalog.sqlite")
    embedder = make_embedder(settings)
    store = VectorStore(make_client(settings), settings.collection, embedder.name, embedder.dim)
    live = catalog.chunk_ids()
    vectors = store.all_ids()
    if missing := live - vectors:
        problems.append(f"{len(missing)} catalog chunks have no vector in Chroma")
    # Vectors written by a run that was killed are invisible (readers trust catalog ids only)
    # and the next run deletes them; without that marker they would be a leak.
    if (extra := vectors - live) and not (settings.data_dir / "ingest.dirty").exists():
        problems.append(f"{len(extra)} Chroma vectors belong to no catalog chunk")
    snapshot = settings.data_dir / "bm25" / f"gen-{catalog.generation()}-v{LEXICAL_VERSION}"
    if not (snapshot / "vocab.json").exists():
        problems.append(f"no BM25 snapshot for generation {catalog.generation()}")
    elif (size := BM25.load(snapshot).size) != len(live):
        problems.append(f"BM25 has {size} rows for {len(live)} catalog chunks")
    docs = {d.doc_id for d in catalog.documents()}
    chunk_docs = {c.doc_id for c in catalog.chunks()}
    if empty := docs - chunk_docs:
        problems.append(f"{len(empty)} documents have no chunks")
    if orphan := chunk_docs - docs:
        problems.append(f"{len(orphan)} chunk groups belong to no document")
    return problems
