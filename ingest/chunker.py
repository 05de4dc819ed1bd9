"""Split a notice along its own outline into passages that fit the embedder.

A chunk never crosses a heading; it keeps the heading path, carries the footnotes its sentences
cite, and repeats one sentence of overlap when a long section is cut.
"""

from __future__ import annotations

from itertools import groupby

from core.document import Chunk
from ingest.outline import Block, parse_outline
from vntext.sentences import split_clauses, split_sentences

CHARS_PER_TOKEN = 3.5  # multilingual-e5 on Vietnamese administrative text: measured ~3.8


def _units(block: Block, max_chars: int) -> list[str]:
    """Sentences of a block (over-long ones cut at clauses), then its footnotes."""
    units: list[str] = []
    for sentence in split_sentences(block.text):
        if len(sentence) <= max_chars:
            units.append(sentence)
            continue
        piece = ""
        for clause in split_clauses(sentence):
            if piece and len(piece) + len(clause) + 1 > max_chars:
                units.append(piece)
                piece = ""
            piece = f"{piece} {clause}".strip()
        if piece:
            units.append(piece)
    units.extend(block.footnotes)
    return units


def _pack(units: list[str], max_chars: int) -> list[list[str]]:
    """Greedy packing into windows of at most max_chars, one sentence of overlap between them."""
    windows: list[list[str]] = []
    current: list[str] = []
    size = 0
    for unit in units:
        if current and size + len(unit) + 1 > max_chars:
            windows.append(current)
            overlap = current[-1:] if len(current[-1]) < max_chars // 3 else []
            current, size = list(overlap), sum(len(u) + 1 for u in overlap)
        current.append(unit)
        size += len(unit) + 1
    if current and (not windows or current != windows[-1][-len(current) :]):
        windows.append(current)
    return windows


def chunk_document(
    text: str, doc_id: str, version_id: str, title: str = "", max_tokens: int = 320
) -> list[Chunk]:
    max_chars = int(max_tokens * CHARS_PER_TOKEN)
    outline = parse_outline(text)
    chunks: list[Chunk] = []
    for _, group in groupby(outline.blocks, key=lambda b: tuple(b.headings)):
        blocks = list(group)
        units = [u for b in blocks for u in _units(b, max_chars)]
        for window in _pack(units, max_chars):
            chunks.append(
                Chunk(
                    chunk_id=f"{version_id}:{len(chunks)}",
                    doc_id=doc_id,
                    ordinal=len(chunks),
                    text="\n".join(window),
                    headings=list(blocks[0].headings),
                    start=blocks[0].start,
                    end=blocks[-1].end,
                    context=title,
                )
            )
    if outline.signature:
        sig = outline.signature
        chunks.append(
            Chunk(
                chunk_id=f"{version_id}:{len(chunks)}",
                doc_id=doc_id,
                ordinal=len(chunks),
                text=sig.text,
                headings=list(sig.headings),
                start=sig.start,
                end=sig.end,
                context=title,
            )
        )
    return chunks
