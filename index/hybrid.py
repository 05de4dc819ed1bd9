"""Hybrid retrieval: dense (Chroma) and BM25 candidate lists fused by reciprocal rank."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from core.document import Chunk
from core.results import Filters
from index.embedders import Embedder
from index.state import IndexState
from index.vector_store import VectorStore
from vntext.abbreviations import expand
from vntext.terms import has_diacritics, lexical_terms

RRF_K = 60
EXPANSION_WEIGHT = 0.6


class Origin(StrEnum):
    """Where a passage came from: ranked retrieval, an exact lookup, or brought along as the
    sibling (same article or list) of a retrieved passage."""

    RETRIEVED = "retrieved"
    LOOKUP = "lookup"
    SIBLING = "sibling"


@dataclass
class Hit:
    chunk: Chunk
    score: float  # fused score; higher is better
    ranks: dict[str, int] = field(default_factory=dict)  # "dense"/"bm25" → 1-based rank
    origin: Origin = Origin.RETRIEVED
    # retrieved: the rank among retrieved passages; sibling: the rank of the passage that
    # brought it along; lookup: 1
    via: int = 0


def query_terms(question: str) -> dict[str, float]:
    """Weighted BM25 terms: the question's own, plus abbreviation expansions at lower weight."""
    terms: dict[str, float] = {}
    for t in lexical_terms(question, accents=has_diacritics(question)):
        terms[t] = terms.get(t, 0.0) + 1.0
    for phrase in expand(question):
        for t in lexical_terms(phrase, accents=has_diacritics(phrase)):
            terms.setdefault(t, EXPANSION_WEIGHT)
    return terms


# Words of a question the query encoder reads: its cost grows with the length, and past the
# first 32 words a legal question adds conditions BM25 matches anyway (ALQAC dev: the same
# rank-1 at 32 words as whole; encoding p95 40 -> 31 ms, bench/ and README).
DENSE_WORDS = 32


def dense_text(question: str) -> str:
    words = question.split()
    extra = expand(question)
    text = " ".join(words[:DENSE_WORDS])
    return f"{text} ({'; '.join(extra)})" if extra else text


class HybridRetriever:
    def __init__(self, embedder: Embedder, store: VectorStore, mode: str = "hybrid"):
        self.embedder = embedder
        self.store = store
        self.mode = mode  # hybrid | dense | bm25 (the last two for comparisons)

    def search(
        self, state: IndexState, question: str, k: int = 20, filters: Filters | None = None
    ) -> list[Hit]:
        """Top k of each retriever, fused by reciprocal rank."""
        mask = state.mask(filters)
        fused: dict[int, Hit] = {}
        # e5 reads unaccented Vietnamese poorly; BM25's folded terms do not care.
        dense_weight = 1.0 if has_diacritics(question) else 0.5
        if self.mode in ("hybrid", "bm25"):
            for rank, (row, _) in enumerate(state.bm25.top(query_terms(question), k, mask), 1):
                self._add(fused, state, row, "bm25", rank, 1.0)
        if self.mode in ("hybrid", "dense"):
            vector = self.embedder.embed([dense_text(question)], "query")[0]
            where = _where(filters)
            rank = 0
            for chunk_id, _ in self.store.query(vector, k * 3, where):
                found = state.row_of.get(chunk_id)  # ids outside the committed catalog are ignored
                if found is None or (mask is not None and not mask[found]):
                    continue
                rank += 1
                self._add(fused, state, found, "dense", rank, dense_weight)
                if rank >= k:
                    break
        # The union of both lists (up to 2k), best fused first: the answerer reranks it.
        return sorted(fused.values(), key=lambda h: -h.score)

    @staticmethod
    def _add(
        fused: dict[int, Hit], state: IndexState, row: int, source: str, rank: int, weight: float
    ) -> None:
        hit = fused.setdefault(row, Hit(state.chunks[row], 0.0))
        hit.score += weight / (RRF_K + rank)
        hit.ranks[source] = rank


def _where(filters: Filters | None) -> dict | None:
    if filters is None:
        return None
    clauses = []
    if filters.year is not None:
        clauses.append({"year": filters.year})
    if len(clauses) == 1:
        return clauses[0]
    return None
