"""Tables in a loader's raw text, for `clean_text`: pipe tables ("| a | b |", which the docx and
html readers also write) and the crawl's cell-per-line layout.

`extract_tables` swaps each data table for a placeholder line between cell borders, so the
clean-up's reflow can never join it with prose; layout tables (the national header, signature
blocks) become one cell per line as before. `fill_tables` writes the tables back, once the
paragraphs before them are known, with the unit those paragraphs state.
"""

from __future__ import annotations

import re

from ingest.table_cells import cell_regions
from ingest.table_grids import table_from_marker
from ingest.table_layout import parse_region
from ingest.tables import LINE_BREAK, Table, find_unit, render, table_from_grid

_PLACEHOLDER = "⟦bảng {}⟧"
_PLACEHOLDER_LINE = re.compile(r"^⟦bảng (\d+)⟧$")
_PIPE_ROW = re.compile(r"^\s*\|?(.+?\|.+?)\|?\s*$")
_PIPE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")


def extract_tables(text: str) -> tuple[str, list[Table]]:
    tables: list[Table] = []
    text = _marked_tables(text, tables)
    text = _pipe_tables(text, tables)
    return _cell_tables(text, tables), tables


def fill_tables(paragraphs: list[str], tables: list[Table]) -> list[str]:
    """Paragraphs with each placeholder replaced by its table, in the unit stated just before."""
    out: list[str] = []
    for para in paragraphs:
        m = _PLACEHOLDER_LINE.match(para.strip())
        if m is None:
            out.append(para)
            continue
        unit = find_unit([p for p in out[-2:] if len(p) < 300][::-1])
        out.append(render(tables[int(m.group(1))], unit))
    return out


def _placeholder(table: Table, tables: list[Table]) -> str:
    tables.append(table)
    return "|\n" + _PLACEHOLDER.format(len(tables) - 1) + "\n|"


def _marked_tables(text: str, tables: list[Table]) -> str:
    """Tables the docx and html readers wrote as marker lines (see ingest.table_grids)."""
    if "⟦bảng-json" not in text:
        return text
    lines = text.split("\n")
    for i, line in enumerate(lines):
        table = table_from_marker(line)
        if table is not None:
            lines[i] = _placeholder(table, tables)
    return "\n".join(lines)


def _is_pipe_row(line: str) -> bool:
    return line.strip() != "|" and "|" in line.strip().strip("|") and bool(_PIPE_ROW.match(line))


def _pipe_tables(text: str, tables: list[Table]) -> str:
    """Runs of "a | b | c" lines: a data table, or one cell per line between borders."""
    if "|" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and (_is_pipe_row(lines[j]) or _is_rule(lines[j], j > i)):
            j += 1
        if j == i:
            out.append(lines[i])
            i += 1
            continue
        out.append(_pipe_block(lines[i:j], tables))
        i = j
    return "\n".join(out)


def _is_rule(line: str, inside: bool) -> bool:
    return inside and "|" in line and bool(_PIPE_RULE.match(line))


def _pipe_block(lines: list[str], tables: list[Table]) -> str:
    rule = next((k for k, line in enumerate(lines) if _PIPE_RULE.match(line)), None)
    grid = [
        [c.strip() for c in _PIPE_ROW.match(line).group(1).split("|")]  # type: ignore[union-attr]
        for line in lines
        if not _PIPE_RULE.match(line)
    ]
    table = table_from_grid(grid, header_rows=rule if rule else None)
    if table is not None:
        return _placeholder(table, tables)
    cells = [c.replace(LINE_BREAK, "\n\n") for row in grid for c in row]
    return "\n".join(part for c in cells for part in ("|", c)) + "\n|"


def _cell_tables(text: str, tables: list[Table]) -> str:
    if "\n|\n" not in f"\n{text}\n":
        return text
    lines = text.split("\n")
    out: list[str] = []
    done = 0
    for start, end, slots in cell_regions(lines):
        items = parse_region(slots)
        if not any(isinstance(item, Table) for item in items):
            continue
        out.extend(lines[done:start])
        for item in items:
            if isinstance(item, Table):
                out.append(_placeholder(item, tables))
            else:
                out.extend(["|", item, "|"])
        done = end + 1
    out.extend(lines[done:])
    return "\n".join(out)
