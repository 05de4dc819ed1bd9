"""A question about a table row the document does not list is refused, not answered with the
neighbouring row: "giá tính thuế gỗ rừng tự nhiên nhóm I" of a price list of minerals and water,
"mức chi phó chủ tịch hội đồng" of a table that lists the chairman and the secretary, "bữa tối"
of a fee table that lists "Bữa sáng" and "Bữa trưa".

The row a question names is named in words, and the words of a row the document does not list
are words the document never writes: a share of the question's weight (Scorer.unsaid), a word
written as a name (Scorer.unsaid_names), or a variant of a word the tables' labels open with
("bữa …", "nhà …") that they do not list and the document never writes after that word. Only
where the question reads as one about a row of the document's tables (the best evidence is a row
named in words, or rows of its document holding the kind of fact asked stand among the top
evidence): prose is paraphrased more freely than a row label is quoted."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from answering.coverage import Scorer
from answering.detectors import has_kind
from answering.question import Question
from answering.scoring import Evidence
from core.document import Chunk
from ingest.tables import ROW_SEP
from vntext.terms import FOLDED_STOPWORDS, fold, syllables

UNLISTED = 0.1  # share of the question's weight the document never says: an unlisted row
TABLE_EVIDENCE = 12  # top evidence searched for rows of the best evidence's document
_LABEL_NUMBER = re.compile(
    r"^[\s\-+•*]*(?:(?:\d{1,3}(?:\.\d{1,3})*[.)]?|(?:[IVXLC]{1,6}|[a-zđA-Z])[.)])\s+)?"
)
_PHRASE_BREAK = re.compile(r"[,;:?.!()“”\"\n—–]")
_WORD = re.compile(r"[^\W\d_]{2,}")  # a word of a label, not a number or a code ("H12")


def names_unlisted_row(
    best: Evidence, evidence: list[Evidence], q: Question, scorer: Scorer
) -> bool:
    if not _about_rows(best, evidence, q):
        return False
    doc = best.hit.chunk.doc_id
    unit = frozenset(fold(q.unit).replace("/", " ").split())  # "nghìn đồng" of "1.000đ"
    if scorer.unsaid(doc, unit) >= UNLISTED or scorer.unsaid_names(doc):
        return True
    state = scorer.state
    listed = state.memo(f"table variants {doc}", lambda: Variants.of(state.chunks_of(doc)))
    return bool(listed.unlisted(q.text))


@dataclass(frozen=True)
class Variants:
    """The variants a document's tables list of the word their labels and headers open with
    ("bữa" → sáng, trưa), every pair of words the document writes, and the words of its
    tables' labels and headers and of its title."""

    listed: dict[str, frozenset[str]]
    said: frozenset[tuple[str, str]]
    table_words: frozenset[str]

    @classmethod
    def of(cls, chunks: list[Chunk]) -> Variants:
        listed: dict[str, set[str]] = {}
        words: set[str] = set(syllables(chunks[0].context) if chunks else [])
        for chunk in chunks:
            if chunk.table is None:
                continue
            labels = [line.partition(ROW_SEP)[0] for line in chunk.text.split("\n")]
            for text in [*labels, *chunk.table.columns, chunk.table.group]:
                words.update(syllables(text))
                head = _pairs(_LABEL_NUMBER.sub("", text))[:1]  # "Bữa sáng", "Nhà cấp I (%)"
                for a, b in head:
                    listed.setdefault(a, set()).add(b)
        heads = {a for a, known in listed.items() if len(known) >= 2}
        said: set[tuple[str, str]] = (
            set()
        )  # what follows each of those words anywhere in the document
        for chunk in chunks:
            sylls = syllables(f"{chunk.section}\n{chunk.text}")
            said.update((a, b) for a, b in pairwise(sylls) if a in heads)
        listed_sets = {a: frozenset(b) for a, b in listed.items()}
        return cls(listed_sets, frozenset(said), frozenset(words))

    def unlisted(self, question: str) -> str:
        """A variant of a word the tables list in two or more variants, that they do not list
        and the document never writes: "bữa tối" where the rows are "Bữa sáng" and "Bữa trưa",
        "nhà tạm" where the columns are "Nhà biệt thự" and "Nhà cấp I"; "" when none."""
        for a, b in _pairs(question):
            known = self.listed.get(a, frozenset())
            if len(known) < 2 or b in known or (a, b) in self.said or b in self.table_words:
                continue  # not a variant the tables leave out, or a word they use otherwise
            return f"{a} {b}"
        return ""


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


def _pairs(text: str) -> list[tuple[str, str]]:
    """Neighbouring words within a phrase (no punctuation between), both spelled out and
    neither a stopword: the pairs that name a variant ("bữa sáng", "nhà cấp")."""
    out = []
    for phrase in _PHRASE_BREAK.split(text):
        for a, b in pairwise(syllables(phrase)):
            if all(_WORD.fullmatch(w) and fold(w) not in FOLDED_STOPWORDS for w in (a, b)):
                out.append((a, b))
    return out
