"""A question about a table row the document does not list is refused, not answered with the
neighbouring row: "giá tính thuế gỗ rừng tự nhiên nhóm I" of a price list of minerals and water,
"mức chi phó chủ tịch hội đồng" of a table that lists the chairman and the secretary.

The row a question names is named in words; the words of a row the document does not list are
words the document never writes. So when the question reads as one about a row of the
document's tables (the best evidence is a row, or rows of its document holding the kind of fact
asked stand among the top evidence), the question's words the document never says must stay a
small share of it. Only tables: prose is paraphrased more freely than a row label is quoted."""

from __future__ import annotations

import re

from answering.coverage import Scorer
from answering.detectors import has_kind
from answering.question import Question
from answering.scoring import Evidence
from ingest.tables import ROW_SEP
from vntext.terms import fold

UNLISTED = 0.1  # share of the question's weight the document never says: an unlisted row
TABLE_EVIDENCE = 12  # top evidence searched for rows of the best evidence's document
_WORD = re.compile(r"[^\W\d_]{2,}")  # a word of a label, not a number or a code ("H12")


def names_unlisted_row(
    best: Evidence, evidence: list[Evidence], q: Question, scorer: Scorer
) -> bool:
    if not _about_rows(best, evidence, q):
        return False
    doc = best.hit.chunk.doc_id
    unit = frozenset(fold(q.unit).replace("/", " ").split())  # "nghìn đồng" of "1.000đ"
    return scorer.unsaid(doc, unit) >= UNLISTED or bool(scorer.unsaid_names(doc))


def _about_rows(best: Evidence, evidence: list[Evidence], q: Question) -> bool:
    """The best evidence is a table row named in words, or a row of its document that holds
    the kind of fact asked is among the top evidence. A row named by a code ("01. 1.014464.
    H12") is named in the question by its other cells, which a question paraphrases."""
    if best.hit.chunk.table is not None:
        label = (best.own or best.sentence).partition(ROW_SEP)[0]
        return len(_WORD.findall(label)) >= 2
    doc = best.hit.chunk.doc_id
    return any(
        ev.hit.chunk.table is not None and ev.hit.chunk.doc_id == doc and has_kind(ev.sentence, q)
        for ev in evidence[:TABLE_EVIDENCE]
    )
