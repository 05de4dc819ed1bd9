"""The answerer that needs no LLM: quote the clause that answers, cite the sentence it is from,
or say plainly that the notices do not hold the answer."""

from __future__ import annotations

import re

from answering.answerer import TokenSink
from answering.coverage import Scorer
from answering.detectors import STRICT_KINDS, defines, has_anchor, has_kind, has_unit
from answering.extremes import at_bound
from answering.passages import article_text, list_text, paragraph_text
from answering.question import Question
from answering.scoring import Evidence, EvidenceFinder
from answering.weights import WEIGHTS
from core.results import Answer, Citation
from index.hybrid import Hit
from index.state import IndexState
from vntext.sentences import split_clauses
from vntext.terms import fold

MAX_ANSWER_CHARS = 450
# Units of measure a figure must carry to answer "bao nhiêu <unit>"; counts of things
# ("bao nhiêu thủ tục" → "54 TTHC") are written too many ways to require.
MEASURES = frozenset(["%", "nam", "thang", "ngay", "gio", "tuan", "dong", "tien"])
MAX_DEFINITION_CHARS = 1000
NOT_FOUND = (
    "Không tìm thấy thông tin này trong các văn bản đã nạp. "
    "Hãy thử hỏi cụ thể hơn (tên xã/huyện, năm, số văn bản)."
)


def citation(n: int, hit: Hit, state: IndexState, quote: str) -> Citation:
    doc = state.doc_of(hit.chunk)
    return Citation(
        n=n,
        source=doc.source,
        doc_id=doc.doc_id,
        chunk_id=hit.chunk.chunk_id,
        title=doc.metadata.title or doc.source,
        date=doc.metadata.date_display,
        section=hit.chunk.section,
        quote=quote,
        passage=hit.chunk.text,
        page=hit.chunk.page,
    )


def not_found(question: str) -> Answer:
    return Answer(question=question, answer=NOT_FOUND, found=False)


def answer_span(sentence: str, q: Question, scorer: Scorer) -> str:
    """The sentence itself when short. Else a window of clauses: around the clause that holds
    the asked-for number or date; for other questions, from the clause that restates the
    question onwards, since the answer follows what the question repeats."""
    text = sentence.lstrip("-–•+⁰¹²³⁴⁵⁶⁷⁸⁹ ").strip().rstrip(";,:")
    if len(text) <= MAX_ANSWER_CHARS:
        return text
    clauses = split_clauses(text)
    values = [
        scorer.clause_value(c)
        + WEIGHTS.span_unit * has_unit(c, q)
        + WEIGHTS.span_anchor * has_anchor(c, q)
        for c in clauses
    ]
    budget = MAX_ANSWER_CHARS - 20

    def fits(lo: int, hi: int) -> bool:
        return len(" ".join(clauses[lo : hi + 1])) <= budget

    if q.kind in ("number", "date", "reference", "person", "place") and any(
        has_kind(c, q) for c in clauses
    ):
        with_kind = [i for i, c in enumerate(clauses) if has_kind(c, q)] or list(
            range(len(clauses))
        )
        lo = hi = max(with_kind, key=lambda i: values[i])
        while True:
            options = [i for i in (lo - 1, hi + 1) if 0 <= i < len(clauses)]
            options = [i for i in options if fits(min(lo, i), max(hi, i))]
            if not options or len(" ".join(clauses[lo : hi + 1])) >= 160:
                break
            pick = max(options, key=lambda i: values[i])
            lo, hi = min(lo, pick), max(hi, pick)
    else:
        lo = hi = max(range(len(clauses)), key=lambda i: values[i])
        while hi + 1 < len(clauses) and fits(lo, hi + 1):
            hi += 1
        while lo > 0 and fits(lo - 1, hi):
            lo -= 1
    span = " ".join(clauses[lo : hi + 1])[:budget].rstrip(",;: ")
    return f"{'…' if lo > 0 else ''}{span}{'…' if hi < len(clauses) - 1 else ''}"


class ExtractiveAnswerer:
    """Answers with the document's own words; needs no model."""

    mode = "extractive"

    def answer(
        self, q: Question, hits: list[Hit], state: IndexState, on_token: TokenSink | None = None
    ) -> Answer:
        if q.kind == "signer":
            return self._about_document(q, hits, state, self._signer)
        if q.kind == "issued":
            return self._about_document(q, hits, state, self._issued)
        if q.kind == "issuer":
            return self._about_document(q, hits, state, self._issuer)
        if q.kind == "doc_number":
            return self._about_document(q, hits, state, self._number)
        evidence = EvidenceFinder(state).find(q, hits)
        best = next((e for e in evidence if self._admissible(e, q)), None)
        if best is None:
            return not_found(q.text)
        best = at_bound(q, best, [e for e in evidence if self._admissible(e, q)])
        whole = self._whole(q, best, state) or self._definition(q, best, state)
        if whole:
            cite = citation(1, best.hit, state, whole)
            cite.passage = whole if whole not in cite.passage else cite.passage
            return Answer(question=q.text, answer=f"{whole} [1]", found=True, citations=[cite])
        span = answer_span(best.sentence, q, Scorer(q, state))
        return Answer(
            question=q.text,
            answer=f"{span} [1]",
            found=True,
            citations=[citation(1, best.hit, state, best.sentence)],
        )

    @staticmethod
    def _definition(q: Question, best: Evidence, state: IndexState) -> str | None:
        """A definition is quoted whole, with the rest of its paragraph."""
        own = best.own or best.sentence
        if not q.subject or not defines(own, q.subject):
            return None
        paragraph = paragraph_text(state, best.hit.chunk, own)
        return paragraph if paragraph and len(paragraph) <= MAX_DEFINITION_CHARS else None

    @staticmethod
    def _whole(q: Question, best: Evidence, state: IndexState) -> str | None:
        """A whole article for "quy định thế nào về…", a whole list for "trong trường hợp
        nào": quoted from the document as written."""
        own = best.own or best.sentence
        whole = article_text(state, best.hit.chunk) if q.wants == "whole" else None
        if whole is None and (q.wants or own.endswith(":")):  # a lead-in alone answers nothing
            whole = list_text(state, best.hit.chunk, own)
        return whole

    @staticmethod
    def _admissible(ev: Evidence, q: Question) -> bool:
        if (
            q.kind == "number"
            and q.unit.split(" ")[0] in MEASURES
            and not has_unit(ev.sentence, q, head_only=True)
        ):
            return False  # "bao nhiêu đồng/người/ngày" is not answered by a percentage
        return ev.coverage >= WEIGHTS.min_coverage and (
            q.kind not in STRICT_KINDS or has_kind(ev.sentence, q)
        )

    def _about_document(self, q: Question, hits: list[Hit], state: IndexState, read) -> Answer:
        """Questions about a notice itself (who signed, when issued): find the notice the
        question names, then answer from its metadata, citing the lines it was read from."""
        tried: set[str] = set()
        for ev in EvidenceFinder(state).find(q, hits):
            doc = state.doc_of(ev.hit.chunk)
            if ev.coverage < WEIGHTS.signer_min_coverage or doc.doc_id in tried:
                continue
            tried.add(doc.doc_id)
            found = read(doc, state.chunks_of(doc.doc_id))
            if found is None:
                continue
            text, chunk, quote = found
            return Answer(
                question=q.text,
                answer=f"{text} [1]",
                found=True,
                citations=[citation(1, Hit(chunk, 0.0), state, quote)],
            )
        return not_found(q.text)

    @staticmethod
    def _signer(doc, chunks):
        meta = doc.metadata
        signature = next((c for c in chunks if c.headings == ["Chữ ký"]), None)
        if signature is None or not meta.signer or fold(meta.signer) not in fold(signature.text):
            return None
        role = f" ({meta.signer_position})" if meta.signer_position else ""
        return f"{_name(meta)} do {meta.signer}{role} ký.", signature, signature.text

    @staticmethod
    def _issued(doc, chunks):
        meta = doc.metadata
        if len(meta.date) < 7:
            return None
        for chunk in chunks[:3]:
            for line in chunk.text.split("\n"):
                if _ISSUE_LINE.search(line):
                    return f"{_name(meta)} ban hành ngày {meta.date_display}.", chunk, line.strip()
        return None

    @staticmethod
    def _issuer(doc, chunks):
        meta = doc.metadata
        if not meta.issuer or not chunks:
            return None
        header = []
        for line in chunks[0].text.split("\n"):
            if not line.isupper() or line.startswith("CỘNG HÒA"):
                break
            header.append(line.strip())
        lines = [ln for c in chunks[-4:] for ln in c.text.split("\n") if "thông báo để" in ln]
        quote, chunk = (
            (" ".join(header), chunks[0]) if header else (lines[0] if lines else "", chunks[-1])
        )
        if not quote:
            return None
        return f"{_name(meta)} do {meta.issuer} ban hành.", chunk, quote

    @staticmethod
    def _number(doc, chunks):
        meta = doc.metadata
        if not meta.number:
            return None
        for chunk in chunks[:3]:
            for line in chunk.text.split("\n"):
                if meta.number in line:
                    return f"{_name(meta)} có số hiệu {meta.number}.", chunk, line.strip()
        return None


_ISSUE_LINE = re.compile(r",\s*ngày\s*\d{0,2}\s*tháng\s*\d{1,2}\s*năm\s*\d{4}")


def _name(meta) -> str:
    """ "Thông báo số 66/TB-TCT (Kết luận …)" — how an answer names a notice."""
    head = " ".join(p for p in (meta.doc_type, f"số {meta.number}" if meta.number else "") if p)
    title = meta.title[:1] + meta.title[1:].lower() if meta.title.isupper() else meta.title
    title = title if len(title) <= 90 else title[:87].rstrip() + "…"
    return f"{head or 'Văn bản'} “{title}”" if title else head or "Văn bản"
