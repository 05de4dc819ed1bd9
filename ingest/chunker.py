"""Split a notice along its own outline into passages that fit the embedder.

A chunk never crosses a heading; it keeps the heading path, carries the footnotes its sentences
cite, and repeats one sentence of overlap when a long section is cut.
"""

from __future__ import annotations

from itertools import groupby

from core.document import Chunk
from ingest.outline import Block, parse_outline
from ingest.pages import assign_pages
from vntext.sentences import split_clauses, split_sentences

CHARS_PER_TOKEN = 3.5  # multilingual-e5 on Vietnamese administrative text: measured ~3.8
# Bump when the chunks of an unchanged file change: the next ingest then reads every file again.
# 2: tables as rows under "Bảng: <caption>", and the references each notice cites.
# 3: an article whose one line is a sentence ("Điều 2. Quyết định này có hiệu lực…") is content.
# 8: crawled tables read by the crawl's stride; bold numbered titles mid-table are group rows.
# 9: a crawled row short of its leading cells is placed where its figures and unit meet theirs.
# 10: a short row of a numbered table: the merged cells put back where its figures fit.
# 11: a row under a label merged down over it says that label.
# 12: an appendix ("PHỤ LỤC II") starts a new heading path; a total row ("Tổng cộng") is a row.
# 13: a bare total whose figures sum the rows of one label above it names that label.
# 14: a caption skips an annex note split over paragraphs and reads a title in capitals whole.
# 15: such a title is read whole up to 300 characters.
# 16: a label whose colon opens a quoted name ("Quy trình …: “Thành lập …”") keeps the name.
# 17: a paragraph cut after a word that takes a number ("tại bước" / "3. Trong …") is joined.
# 18: a numbered "Thủ tục" heading takes the name on the line after it ("1. Thủ tục: Cho phép …").
CHUNKING_VERSION = 18


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


def _pack(units: list[str], max_chars: int, overlap: bool = True) -> list[list[str]]:
    """Greedy packing into windows of at most max_chars, one sentence of overlap between them
    (none between windows of table rows: a row is whole and said once)."""
    windows: list[list[str]] = []
    current: list[str] = []
    size = 0
    for unit in units:
        if current and size + len(unit) + 1 > max_chars:
            windows.append(current)
            kept = current[-1:] if overlap and len(current[-1]) < max_chars // 3 else []
            current, size = list(kept), sum(len(u) + 1 for u in kept)
        current.append(unit)
        size += len(unit) + 1
    if current and (not windows or current != windows[-1][-len(current) :]):
        windows.append(current)
    return windows


def chunk_document(
    text: str,
    doc_id: str,
    version_id: str,
    title: str = "",
    max_tokens: int = 320,
    page_starts: list[int] | None = None,
) -> list[Chunk]:
    """`page_starts`: where each page of a PDF or scan starts in `text`; each chunk then knows
    the page it starts on."""
    max_chars = int(max_tokens * CHARS_PER_TOKEN)
    outline = parse_outline(text)
    chunks: list[Chunk] = []
    for _, group in groupby(outline.blocks, key=lambda b: (tuple(b.headings), id(b.table))):
        blocks = list(group)
        table = blocks[0].table
        if table is not None:  # rows stay whole, one per line
            windows = _pack([r for b in blocks for r in b.text.split("\n")], max_chars, False)
        else:
            windows = _pack([u for b in blocks for u in _units(b, max_chars)], max_chars)
        cursor = blocks[0].start
        for window in windows:
            start, end = blocks[0].start, blocks[-1].end
            if table is not None:  # the window's own rows, found in order
                start = text.find(window[0], cursor)
                end = cursor = text.find(window[-1], start) + len(window[-1])
            chunks.append(
                Chunk(
                    chunk_id=f"{version_id}:{len(chunks)}",
                    doc_id=doc_id,
                    ordinal=len(chunks),
                    text="\n".join(window),
                    headings=list(blocks[0].headings),
                    start=start,
                    end=end,
                    context=title,
                    table=table,
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
    if page_starts:
        assign_pages(chunks, text, page_starts)
    return chunks
