"""A question about a table cell is answered with the row, the column, the value and the unit:
"Trung học phổ thông — Phường: 200 (nghìn đồng/học sinh/tháng)". The row is read back from its
line in the chunk (ingest.tables.row_cells). The cell is the one whose row label, group and
column header together cover the question best, among the rows of the table the best evidence
is from: the label must pick the row ("Trên 20 năm đến 50 năm", not the row whose figures
happen to hold a 20), the header the column."""

from __future__ import annotations

import re
from dataclasses import dataclass

from answering.coverage import Scorer, term_set
from answering.detectors import STRICT_KINDS, has_kind
from answering.question import Question
from answering.scoring import Evidence
from answering.table_columns import header_unit, is_index, names_whole, said_again
from core.document import Chunk
from index.hybrid import Hit
from ingest.tables import GROUP_HEAD, ROW_SEP, row_cells
from vntext.terms import fold

MAX_CHARS = 290
TABLE_EVIDENCE = 12  # evidence items searched for rows of the best evidence's table
ROW_MARGIN = 0.02  # how much better another row must cover the question than the best one
PROSE_MARGIN = 0.05  # how much better a row must cover the question than a best prose sentence
NAMED = 0.05  # share of the question a column header must cover to be the one asked for
BOUND = 0.05  # a bound the question and the row label both state ("trên 15")
NEGATED = 0.05  # a row label that negates a word the question asks for ("chưa rây")
PER = 0.05  # the row's unit counts per what the question asks ("người/ngày", not "người/buổi")
KIND = 0.5  # a cell that holds the kind of fact asked for, against a column's words
_UNIT_COLUMNS = {"don vi tinh", "dvt", "don vi", "don vi tinh (dvt)"}
_ROW_NUMBER = re.compile(r"\d{1,3}\.?|[IVX]{1,5}\.?")
_CODE = re.compile(r"(?=.*\d)[\w.\-/]{1,24}")  # "1.012507", "2.002278.H05"
_UNIT_WORDS = [  # "(1.000đ)", "(1.000 đồng)", "(Tr.đ)", "(trđ)" in a header
    (re.compile(r"\b1[.,]000[.,]000\s*(?:đ\b|đồng)", re.I), "triệu đồng"),
    (re.compile(r"\b1[.,]000\s*(?:đ\b|đồng)", re.I), "nghìn đồng"),
    (re.compile(r"\btr\.?\s?đ\b", re.I), "triệu đồng"),
]
_SIGNS = [
    (re.compile(r"(?:>=|≥)\s*(?=\d)"), " từ "),
    (re.compile(r"(?:<=|≤)\s*(?=\d)"), " đến "),
    (re.compile(r">\s*(?=\d)"), " trên "),
    (re.compile(r"<\s*(?=\d)"), " dưới "),
]
_BOUND = re.compile(r"\b(tren|duoi|tu|den|khong qua|toi da|it nhat)\s+(\d[\d.,]*)")
_IDENTIFIER = re.compile(r"(?=.*\d)(?=.*[A-ZĐ])[A-ZĐ\d.\-/]{2,24}")  # "V20202", "QT.GĐ.01"
_PER = re.compile(r"\b(\w+)\s*/\s*(\w+)\b(?!\s*/)")  # the last "X/Y" of "đồng/người/ngày"
_NEGATION = re.compile(r"\b(?:chua|khong|tru)\s+(\w+)")
# A time written as a period, which answers "khi nào", "thời hạn nào" as a day does: "Quý III
# năm 2026", "Quý IV/2025", "6 tháng đầu năm 2026", "Tháng 12/2026", "Năm 2027", "2026-2027".
_PERIOD_TIME = re.compile(
    r"\bquý\s+(?:[IV]{1,3}|[1-4])\b|\b\d{1,2}\s+tháng\s+(?:đầu|cuối)\s+năm\b"
    r"|\btháng\s+\d{1,2}(?:/\d{4}|\s+năm\s+\d{4})|\bnăm\s+(?:19|20)\d\d\b"
    r"|^\s*(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?\s*$",
    re.I,
)
_PERIOD_KINDS = ("when", "date")


@dataclass
class Cell:
    hit: Hit
    row: str  # the row line, quoted in the citation
    text: str  # "label — column: value (unit)"
    score: float
    own: float = 0.0  # what the label, group and column cover beyond the document's title
    named: bool = False  # the question says the column's header in full ("cơ quan thực hiện")


def row_line(chunk: Chunk, sentence: str) -> str:
    """The whole row line a candidate sentence comes from."""
    key = sentence[:60]
    return next((ln for ln in chunk.text.split("\n") if key in ln), sentence)


def table_cell(
    best: Evidence, evidence: list[Evidence], q: Question, scorer: Scorer
) -> Cell | None:
    """The best cell of the tables of the document `best` is from, searching every row of their
    chunks among the top evidence; None when `best` is no table row or its row holds no cell of
    the kind of fact asked, unless a row covers the question clearly better than `best`."""
    if best.hit.chunk.table is None:
        return _row_over_prose(best, evidence, q, scorer)
    own = row_line(best.hit.chunk, best.own or best.sentence)
    found = _cells(best, evidence, q, scorer, row_places(q.entities, own, best.hit.chunk.context))
    mine = [c for c in found if c.row == own]
    if not mine:  # the best row holds no such cell: read as prose, unless a row clearly answers
        said = row_own_words(own, best.hit.chunk.table.group)
        return _clearly_better(found, best, scorer, said)
    top = max(found, key=lambda c: c.score)
    # another row must cover the question clearly better than the one scored best
    return top if top.score >= mine[0].score + ROW_MARGIN else mine[0]


def row_places(entities: list[str], row: str, title: str) -> set[str]:
    """The places a row names that pick the rows to search (the commune a row is about);
    not one the document's title names too ("… của thành phố Hà Nội"), which a row's cell
    quoting "Nghị quyết … của HĐND thành phố Hà Nội" names only in passing."""
    return {e for e in entities if e in fold(row) and e not in fold(title)}


def row_own_words(row: str, group: str) -> str:
    """What a row says of itself: its label and group, not its cells, which may quote other
    texts at length ("Thực hiện theo Nghị quyết … quy định mức chi hội nghị")."""
    label = row.partition(ROW_SEP)[0] if ROW_SEP in row else ""
    return f"{label} {group}".strip()


def _row_over_prose(
    best: Evidence, evidence: list[Evidence], q: Question, scorer: Scorer
) -> Cell | None:
    """A row of the document's tables that covers the question clearly better than the prose
    sentence scored best ("mức chi khắc dấu" is the row "Chi khắc dấu", not the closing
    sentence that repeats the title's words)."""
    return _clearly_better(_cells(best, evidence, q, scorer, set()), best, scorer, "")


def _clearly_better(found: list[Cell], best: Evidence, scorer: Scorer, said: str) -> Cell | None:
    """The cell whose row covers the question clearly better than what `best` says of itself:
    a prose sentence's words, or a row's label and group (its cells quote other texts)."""
    if not found:
        return None
    top = max(found, key=lambda c: c.own)
    title = term_set(best.hit.chunk.context)
    prose = scorer.coverage(term_set(said or best.own or best.sentence) - title)
    # a column the question names in full is asked for, not met by chance: no margin then
    return top if top.own >= prose + (0.0 if top.named else PROSE_MARGIN) else None


def _cells(
    best: Evidence, evidence: list[Evidence], q: Question, scorer: Scorer, named: set[str]
) -> list[Cell]:
    """The asked cell of every row (naming `named`) of the tables of `best`'s document among
    the top evidence."""
    seen: set[str] = set()
    found: list[Cell] = []
    for ev in [best, *evidence[:TABLE_EVIDENCE]]:
        chunk = ev.hit.chunk
        same = chunk.table is not None and chunk.doc_id == best.hit.chunk.doc_id
        if not same or chunk.chunk_id in seen:
            continue
        seen.add(chunk.chunk_id)
        for line in chunk.text.split("\n"):
            if line.startswith(GROUP_HEAD) or not all(e in fold(line) for e in named):
                continue
            cell = best_in_row(ev.hit, line, q, scorer)
            if cell is not None:
                found.append(cell)
    return found


def best_in_row(hit: Hit, line: str, q: Question, scorer: Scorer) -> Cell | None:
    """The row's asked cell: the column whose header (beyond the label's words) covers the
    question best, a cell of the kind asked before one that is not. The row scores what its
    label, group and that column's header cover together."""
    table = hit.chunk.table
    assert table is not None
    cells = row_cells(line, table.columns, table.unit)
    if len(cells) < 2:
        return None
    lead = line.partition(ROW_SEP)[0] if ROW_SEP in line else ""  # as the row line names it
    named = [c for c in table.columns if cells.get(c) and lead.endswith(cells[c])]
    label_column = next((c for c in [*named, *table.columns] if c in cells and not is_index(c)), "")
    label = cells.get(label_column, "")
    lead = lead or label
    context = term_set(f"{_said(lead)} {table.group} {hit.chunk.section}")
    title = term_set(hit.chunk.context)  # words naming the document pick no column ("TP Huế")
    spare = said_again(q.text, label)
    options = []
    for column, value in cells.items():
        if column == label_column or not value or is_index(column):
            continue
        if column == table.columns[0] and _ROW_NUMBER.fullmatch(value):
            continue  # a row number under a first column the header does not call STT
        unit = table.unit or _unit_cell(cells, column)
        bracketed = header_unit(column)
        # "Đơn giá (đồng)" beside a unit column "tấn": đồng per tấn; "(1.000đ)" is đồng too
        header_words = re.sub(r"[\d.,]+\s*", "", bracketed)
        also = f" ({header_words})" if unit and header_words else ""
        header = scorer.coverage(term_set(column) - (term_set(label) - spare) - title)
        if names_whole(column, q):  # "mã TTHC là gì" names the column "Mã TTHC" in full
            header = max(header, NAMED)
        kind = has_kind(f"{value} {unit or bracketed}{also}", q)
        # a code is no figure, but is what a column the question names holds
        kind = kind and (not _IDENTIFIER.fullmatch(value) or header >= NAMED)
        # "khi nào" answered by a quarter or a year: a day is asked only by "ngày nào"
        kind = kind or (
            q.kind in _PERIOD_KINDS and not q.day_asked and bool(_PERIOD_TIME.search(value))
        )
        if header < NAMED and fold(column).strip(" .:") in _UNIT_COLUMNS:
            continue  # "Đơn vị tính: 01 Báo cáo" is the unit of the row's figure, not a figure
        # a column the question names ("cơ quan phối hợp") answers a who/which question even
        # when its cell is no person ("Các doanh nghiệp đầu tư hạ tầng"); figures and dates must
        # be figures and dates
        loose = q.kind in ("fact", "what") or (q.kind not in STRICT_KINDS and header >= NAMED)
        if kind or loose:
            options.append((header + KIND * kind, column, value, f" ({unit})" if unit else ""))
    if label_column and _CODE.fullmatch(label):  # a code asked for: "mã TTHC"
        asked = scorer.coverage(term_set(label_column))
        what = next((f" ({v})" for c, v in cells.items() if c != label_column and v), "")
        if options and asked > max(o[0] for o in options):
            options.append((asked, label_column, label, what if len(what) < 160 else ""))
            lead = ""
    if not options:
        return None
    _, column, value, unit = max(options, key=lambda o: o[0])
    bounds = len(_bounds(q.text) & _bounds(_said(lead)))  # "trên 15" asked and written
    score = scorer.coverage(context | term_set(column)) + BOUND * bounds
    score -= NEGATED * len(_negated(lead, q.text))
    score += PER * _same_per(q.text, unit or column)
    own = scorer.coverage(term_set(f"{_said(lead)} {table.group} {column}") - title)
    for name in dict.fromkeys((lead, label)):
        text = f"{name} — {column}: {value}{unit}" if name else f"{column}: {value}{unit}"
        if len(text) <= MAX_CHARS:
            return Cell(hit, line, text, score, own, names_whole(column, q))
    return None


def row_units(chunk: Chunk, sentence: str) -> str:
    """A table row's figures each followed by its unit, from the table, the row's unit cell or
    the column header ("Nhà cấp III (%): 35" → "35%"), for checks that want a figure beside
    its unit; "" for a sentence that is no table row."""
    table = chunk.table
    if table is None:
        return ""
    cells = row_cells(row_line(chunk, sentence), table.columns, table.unit)
    parts = []
    for column, value in cells.items():
        own = " ".join(u for u in (header_unit(column), _unit_cell(cells, column)) if u)
        unit = _spelled(table.unit or own)
        parts.append(f"{value}%" if unit == "%" else f"{value} {unit}")
    return "; ".join(parts)


def _spelled(unit: str) -> str:
    """A unit headers abbreviate, as questions say it: "1.000đ" → "nghìn đồng"."""
    for short, long in _UNIT_WORDS:
        unit = short.sub(long, unit)
    return unit


def _said(label: str) -> str:
    """A row label with its comparison signs also in words: "Số tầng > 15" is "trên 15"."""
    for sign, words in _SIGNS:
        label = sign.sub(words, label)
    return label


def _bounds(text: str) -> set[tuple[str, str]]:
    """ "trên 15", "từ 5", "đến 10" in a text, folded: the range a row label states."""
    return set(_BOUND.findall(fold(text)))


def _negated(label: str, question: str) -> set[str]:
    """Words the question asks for that the row label negates ("Cao lanh … chưa rây" for
    "cao lanh đã rây"), when the question does not negate them too."""
    asked = set(re.findall(r"\w+", fold(question)))
    said = {w for w in _NEGATION.findall(fold(label)) if w in asked}
    return said - set(_NEGATION.findall(fold(question)))


def _same_per(question: str, unit: str) -> bool:
    """The question asks an amount per what the row's unit counts per: "(nghìn đồng/người/ngày)"
    and "người/ngày"."""
    asked = _PER.findall(fold(question))
    return bool(asked) and asked[-1] in _PER.findall(fold(unit))


def _unit_cell(cells: dict[str, str], asked: str) -> str:
    """The row's own unit, from a column such as "Đơn vị tính" beside the asked one."""
    for column, value in cells.items():
        if column != asked and fold(column).strip(" .:") in _UNIT_COLUMNS:
            return value
    return ""
