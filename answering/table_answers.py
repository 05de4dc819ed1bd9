"""A question about a table cell is answered with the row, the column, the value and the unit:
"Trung học phổ thông — Phường: 200 (nghìn đồng/học sinh/tháng)". The row is read back from its
line in the chunk (ingest.tables.row_cells); the column is the one whose header and value match
what is asked."""

from __future__ import annotations

from answering.coverage import Scorer, term_set
from answering.detectors import has_kind
from answering.question import Question
from core.document import Chunk
from ingest.tables import row_cells

MAX_CHARS = 290


def row_line(chunk: Chunk, sentence: str) -> str:
    """The whole row line a candidate sentence comes from."""
    key = sentence[:60]
    return next((ln for ln in chunk.text.split("\n") if key in ln), sentence)


def cell_answer(chunk: Chunk, sentence: str, q: Question, scorer: Scorer) -> str | None:
    """Row label, the asked column and its value, with the table's unit; None when the row
    cannot be read back or no column holds the kind of fact asked for."""
    table = chunk.table
    if table is None:
        return None
    cells = row_cells(row_line(chunk, sentence), table.columns, table.unit)
    if len(cells) < 2:
        return None
    label_column = next((c for c in table.columns if c in cells and not _is_index(c)), "")
    label = cells.get(label_column, "")
    options = [(c, v) for c, v in cells.items() if c != label_column and v and not _is_index(c)]
    if not options:
        return None
    label_words = term_set(label)

    def value(option: tuple[str, str]) -> float:
        column, cell = option
        asked = scorer.coverage(term_set(column) - label_words)
        return asked + 0.5 * has_kind(cell, q)

    column, cell = max(options, key=value)
    if not has_kind(cell, q) and q.kind not in ("fact", "what"):
        return None
    unit = f" ({table.unit})" if table.unit else ""
    text = f"{label} — {column}: {cell}{unit}" if label else f"{column}: {cell}{unit}"
    return text if len(text) <= MAX_CHARS else None


def _is_index(column: str) -> bool:
    return column.strip().lower() in {"stt", "tt", "số tt", "số thứ tự"}
