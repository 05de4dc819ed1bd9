"""What the index holds, as the front ends list it: the filter values on offer and the
documents, newest first. Made once per generation (IndexState.memo): the web layer asks for
the facets on every question, and a walk of 100k documents took 100 ms."""

from __future__ import annotations

from core.results import DocumentInfo, Facets
from index.state import IndexState


def facets(state: IndexState) -> Facets:
    return state.memo("facets", lambda: _facets(state))


def documents(state: IndexState) -> list[DocumentInfo]:
    """A new list each call (the DocumentInfo in it are shared: read them, do not change them)."""
    return list(state.memo("documents", lambda: _documents(state)))


def _facets(state: IndexState) -> Facets:
    years: set[int] = set()
    districts: set[str] = set()
    doc_types: set[str] = set()
    for d in state.docs.scan():  # decoded one at a time, not kept
        meta = d.metadata
        if meta.year:
            years.add(meta.year)
        districts.update(meta.districts)
        if meta.doc_type:
            doc_types.add(meta.doc_type)
    return Facets(
        years=sorted(years, reverse=True), districts=sorted(districts), doc_types=sorted(doc_types)
    )


def _documents(state: IndexState) -> list[DocumentInfo]:
    """A document's chunk count is the length of its row range, not a walk of every chunk
    (2.9 s at 264k chunks)."""
    counts = state.chunk_counts()  # by DocTable row, the order docs.scan() yields
    infos: list[DocumentInfo] = []
    order: list[tuple[str, float]] = []
    for row, d in enumerate(state.docs.scan()):
        meta = d.metadata
        infos.append(
            DocumentInfo(
                doc_id=d.doc_id,
                source=d.source,
                title=meta.title or d.source,
                doc_type=meta.doc_type,
                number=meta.number,
                date=meta.date_display,
                issuer=meta.issuer,
                signer=meta.signer,
                chunks=int(counts[row]),
            )
        )
        order.append((meta.date, d.ingested_at))
    ranked = sorted(range(len(infos)), key=order.__getitem__, reverse=True)  # stable, as before
    return [infos[i] for i in ranked]
