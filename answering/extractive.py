"""The answerer that needs no LLM: quote the clause that answers, cite the sentence it is from,
or say plainly that the notices do not hold the answer."""

from __future__ import annotations

import re
from dataclasses import replace

from answering import about_document
from answering.answerer import TokenSink
from answering.candidates import lead_in
from answering.coverage import Scorer, term_set, unit_named
from answering.detectors import (
    STRICT_KINDS,
    defines,
    has_anchor,
    has_kind,
    has_unit,
    rate_measure,
)
from answering.direct import direct_answer
from answering.extremes import at_bound
from answering.passages import article_text, list_text, paragraph_text
from answering.question import Question
from answering.question_kind import ABOUT_CITED, Kind
from answering.question_names import DOC_NUMBER
from answering.scoring import Evidence, EvidenceFinder
from answering.table_answers import row_units, table_cell
from answering.unlisted_rows import names_unlisted_row
from answering.weights import WEIGHTS
from answering.yes_no import verdict
from core.results import Answer, Citation
from index.hybrid import Hit
from index.lookups import article_heading
from index.state import IndexState
from vntext.terms import fold, folded_syllables

MAX_ANSWER_CHARS = 450
MAX_FACT_CHARS = 300  # a fact answer, list or not, fits a phone screen
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


# A lead-in that states the asked figure ("…thì bị phạt tù từ 03 năm đến 07 năm:") answers it.
_FIGURES = (Kind.NUMBER, Kind.DATE, Kind.WHEN)
_READERS = {
    Kind.SIGNER: about_document.signer,
    Kind.ISSUED: about_document.issued,
    Kind.ISSUER: about_document.issuer,
    Kind.DOC_NUMBER: about_document.number,
}


class ExtractiveAnswerer:
    """Answers with the document's own words; needs no model."""

    mode = "extractive"

    def answer(
        self, q: Question, hits: list[Hit], state: IndexState, on_token: TokenSink | None = None
    ) -> Answer:
        reader = _READERS.get(q.kind)
        if reader is not None and not q.cites_other:
            answer = self._about_document(q, hits, state, reader)
            if answer.found:
                return answer
        if q.kind in ABOUT_CITED:  # a document the notice cites: read the citing sentence
            q = replace(
                q,
                kind=ABOUT_CITED[q.kind],
                day_asked=q.kind == Kind.ISSUED,
                issuer_asked=q.kind == Kind.ISSUER,
            )
        evidence = EvidenceFinder(state).find(q, hits)
        admissible = [e for e in evidence if self._admissible(e, q)]
        if q.anchor and q.kind in (Kind.DATE, Kind.WHEN):
            # "có hiệu lực từ ngày nào": the date that follows "hiệu lực", not the one beside
            # the "bãi bỏ" clause that repeats more of the question's words.
            admissible = [e for e in admissible if has_anchor(e.sentence, q)] or admissible
        if not admissible and q.kind == Kind.DATE:
            # "tính từ ngày nào?" answered in the law's own terms: "tính từ ngày tiếp theo liền
            # kề của ngày xảy ra sự kiện đó", a day named by what happens on it, not by number
            admissible = [
                e
                for e in evidence
                if e.coverage >= WEIGHTS.min_coverage and _RELATIVE_DAY.search(e.sentence)
            ]
        if not admissible:
            return not_found(q.text)
        best = at_bound(q, admissible[0], admissible)
        scorer = Scorer(q, state)
        best = item_asked(q, best, evidence, scorer)
        whole = self._whole(q, best, state) or self._definition(q, best, state)
        if whole:
            cite = citation(1, best.hit, state, whole)
            cite.passage = whole if whole not in cite.passage else cite.passage
            return Answer(question=q.text, answer=f"{whole} [1]", found=True, citations=[cite])
        if names_unlisted_row(best, admissible, q, scorer):  # a row the tables do not list
            return not_found(q.text)
        cell = table_cell(best, admissible, q, scorer)
        if cell is not None:  # the row that answers, maybe not the best-scored one
            best = replace(best, hit=cell.hit, sentence=cell.row, own=cell.row)
        span = (
            cell.text
            if cell
            else direct_answer(
                best.sentence,
                best.own,
                q,
                scorer,
                best.hit.chunk.headings,
                best.hit.chunk.text,
            )
        )
        if q.yes_no:
            # read from the quoted stretch on to the sentence's end: "… thì chỉ được hưởng 01
            # mức" after a condition the stretch stops at still answers "cả hai mức?"
            own = best.own or best.sentence
            at = own.find(span[1:40])
            lead = lead_in(best.sentence, own, best.hit, state)
            said = own[max(0, at - 1) :] if at >= 0 else (own if lead else span)
            span = f"{verdict(q.yes_no, said, q.text, lead)}. {span[:1].lower()}{span[1:]}"
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
        if whole is None and (q.wants or (own.endswith(":") and q.kind not in _FIGURES)):
            whole = list_text(state, best.hit.chunk, own)  # a lead-in alone answers nothing
            if whole and not q.wants and not q.subject and len(whole) > MAX_FACT_CHARS:
                whole = _opening_items(whole)  # not asked for every case: as many as fit
        return whole

    @staticmethod
    def _admissible(ev: Evidence, q: Question) -> bool:
        if (
            q.kind == "number"
            and q.unit.split(" ")[0] in MEASURES
            and not has_unit(ev.sentence, q, head_only=True)
            and not has_unit(row_units(ev.hit.chunk, ev.own or ev.sentence), q, head_only=True)
        ):
            return False  # "bao nhiêu đồng/người/ngày" is not answered by a percentage
        if (
            q.kind == "number"
            and q.unit
            and q.unit.split(" ")[0] not in MEASURES  # "tiền" is said by "đồng", checked above
            and not unit_named(ev.sentence, q)
            and not unit_named(row_units(ev.hit.chunk, ev.own or ev.sentence), q)
        ):
            return False  # "bao nhiêu tiêu chí": a sentence that never says "tiêu chí"
        per = _rate_of(q.text)
        # "tỷ lệ … có hiệu lực từ ngày nào": a share named in the topic, not the one asked for
        measured = rate_measure(q.text) if q.unit == "%" and q.kind == Kind.NUMBER else ()
        if per or measured:
            with_units = f"{ev.sentence} {row_units(ev.hit.chunk, ev.own)}"
            said = " ".join(fold(w) for w in with_units.split())
            if not all(re.search(rf"\b{p}\b", said) for p in per):
                return False  # "bao nhiêu đồng/người/ngày": a sum not per person and day
            if not set(measured) <= set(folded_syllables(with_units)):
                return False  # "tỷ lệ hộ nghèo": the share of something else is no answer
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
            if not _names_this(q, doc.metadata.number):
                continue  # the question names another document's number
            if q.kind == Kind.DOC_NUMBER and fold(doc.metadata.number) in q.entities:
                continue  # "QĐ 02125 … hết hiệu lực một phần của quyết định số mấy": another one
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


_RATE = re.compile(r"\bbao nhieu\s+[^\W\d]+((?:\s*/\s*[^\W_]+)+)")


def _rate_of(question: str) -> list[str]:
    """What a rate is per ("bao nhiêu đồng/người/ngày" → ["nguoi", "ngay"]), folded."""
    m = _RATE.search(" ".join(fold(w) for w in question.split()))
    return [p.strip() for p in m.group(1).split("/") if p.strip()] if m else []


_RELATIVE_DAY = re.compile(r"\b(?:từ|kể từ|vào|trước|sau)\s+ngày\s+(?!\d)[^\W\d]", re.I)
_LEAD_MARK = re.compile(r"^(?:(?:Khoản|Điểm)\s+\S+\s+–\s+|\(?\d{1,2}[.)]\s+|[a-zđ]\)\s+)")


def _lead_key(text: str) -> str:
    return _LEAD_MARK.sub("", text.strip())[:40]


def item_asked(q: Question, best: Evidence, evidence: list[Evidence], scorer: Scorer) -> Evidence:
    """When the best sentence is a list's lead-in ("…thì thời hạn đó được tính như sau:") and
    the question asks one fact, not the list, the item the question picks out answers it ("c)
    Một tháng là ba mươi ngày" for "một tháng được tính là?"): the item whose own words cover
    the question best, when one covers more than every other; else the lead-in."""
    own = best.own or best.sentence
    if q.wants or q.yes_no or best.own != best.sentence or not own.endswith(":"):
        return best
    key = _lead_key(own)
    article = article_heading(best.hit.chunk.headings)
    items: dict[str, tuple[float, Evidence]] = {}
    for ev in evidence:
        item = ev.own or ev.sentence
        if item == own or ev.hit.chunk.doc_id != best.hit.chunk.doc_id:
            continue
        if article_heading(ev.hit.chunk.headings) != article:
            continue  # another article's khoản may open with the same words
        leads = [_lead_key(h.rstrip("…")) for h in ev.hit.chunk.headings]
        if not any(len(h) >= 20 and key.startswith(h[:40]) for h in leads):
            continue  # not an item of this list
        value = scorer.coverage(term_set(item))
        if value > items.get(item, (-1.0, ev))[0]:
            items[item] = (value, replace(ev, sentence=f"{own} … {item}", own=item))
    ranked = sorted(items.values(), key=lambda v: -v[0])
    if not ranked or ranked[0][0] <= 0 or (len(ranked) > 1 and ranked[1][0] >= ranked[0][0]):
        return best
    return ranked[0][1]


def _opening_items(listing: str) -> str:
    """A list cut to a fact answer's length: its lead-in and the items that fit, then "…"."""
    lines = listing.split("\n")
    kept = lines[:1]
    for line in lines[1:]:
        if len("\n".join([*kept, line])) > MAX_FACT_CHARS - 8:
            break
        kept.append(line)
    text = "\n".join(kept)
    if len(text) > MAX_FACT_CHARS - 8:
        text = text[: MAX_FACT_CHARS - 8].rsplit(" ", 1)[0]
    return f"{text}\n…" if len(kept) < len(lines) or text != "\n".join(kept) else text


def _names_this(q: Question, number: str) -> bool:
    """A question that names document numbers is about one of them."""
    named = [e for e in q.entities if DOC_NUMBER.fullmatch(e)]
    return not named or fold(number) in named
