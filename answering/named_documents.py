"""Passages of a document the question names by its number ("Quyết định 72/2025/QĐ-UBND … có
hiệu lực từ ngày nào?"): ranking over every document may pass over the one short article that
answers, so the named document's passages that share most of the question's words join the
candidates, as the other exact lookups do."""

from __future__ import annotations

from dataclasses import replace

from answering.question import Question
from index.hybrid import Hit, Origin
from index.state import IndexState
from vntext.terms import fold, folded_syllables

PASSAGES = 12  # per named document
MAX_DOCUMENTS = 2


class NamedDocuments:
    """Documents by their folded number, read once per index generation."""

    def __init__(self) -> None:
        self._by_number: tuple[int, dict[str, str]] | None = None

    def _numbers(self, state: IndexState) -> dict[str, str]:
        if self._by_number is None or self._by_number[0] != state.generation:
            numbers = {fold(d.metadata.number): d.doc_id for d in state.docs.values()}
            self._by_number = (state.generation, numbers)
        return self._by_number[1]

    def passages(self, state: IndexState, q: Question) -> list[Hit]:
        numbers = self._numbers(state)
        named = [numbers[e] for e in q.entities if e in numbers]
        asked = set(q.terms) | set(q.anchor.split())
        out: list[Hit] = []
        for doc_id in named[:MAX_DOCUMENTS]:
            chunks = state.chunks_of(doc_id)
            ranked = sorted(chunks, key=lambda c: -len(asked & set(folded_syllables(c.text))))
            out += [Hit(c, 0.0, origin=Origin.LOOKUP, via=1) for c in ranked[:PASSAGES]]
        return out

    def in_title(self, state: IndexState, q: Question) -> Question:
        """ "Ai ký Kế hoạch 556/KH-UBND … thực hiện Nghị quyết 48/NQ-CP?": a second number that
        the first-named notice's own title holds names that notice, not a document it cites."""
        if not q.cites_other:
            return q
        numbers = self._numbers(state)
        named = [e for e in q.entities if e in numbers or "/" in e]
        doc_id = numbers.get(named[0]) if named else None
        if doc_id is None:
            return q
        title = " ".join(fold(w) for w in state.docs[doc_id].metadata.title.lower().split())
        if len(named) < 2 or not all(e in title for e in named[1:]):
            return q
        return replace(q, cites_other=False)
