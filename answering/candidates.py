"""Where candidate sentences come from: the retrieved passages, the rest of their family (the
other khoản and điểm of an article, the other items of a list), the passages exact lookups
found; each sentence offered alone and, for a list item, joined to its lead-in."""

from __future__ import annotations

import re
from dataclasses import dataclass

from answering.about_document import distribution_lines
from answering.coverage import term_set
from answering.detectors import has_kind, has_unit
from answering.question import Question
from answering.question_kind import Kind
from answering.table_leads import RowLeads
from answering.weights import WEIGHTS, Weights
from index.hybrid import Hit, Origin
from index.lookups import article_heading, article_title
from index.state import IndexState
from vntext.sentences import split_sentences
from vntext.terms import fold

_ARTICLE = re.compile(r"^(?:Phần|Chương|Mục|Điều)\s")
# A paragraph that names its subject only by reference to the article's first one ("Phạm tội
# thuộc một trong các trường hợp sau đây", "Người chuẩn bị phạm tội này").
_REFERS_BACK = re.compile(
    r"^(?:Khoản \d+ – |\d{1,2}\.\s+)?(?:Người\s+)?(?:chuẩn bị\s+)?phạm tội\b", re.I
)
_JOINABLE = (Kind.AGENCY, Kind.PERSON, Kind.PLACE)
_BARE_WORDS = 5  # "35 ngày làm việc", "168 giờ (21 ngày)"
_LEAD_KINDS = (Kind.NUMBER, Kind.DATE, Kind.REFERENCE, Kind.PERSON, Kind.PLACE, Kind.AGENCY)
# "(Kèm theo Quyết định số 456/QĐ-UBND ngày 20/11/2025 của UBND tỉnh Bắc Ninh)": an appendix's
# caption names the notice itself, so it shares every word of a question about that notice and
# answers nothing but which document the appendix belongs to.
_ANNEX_CAPTION = re.compile(
    r"^\(?\s*(?:ban hành\s+)?kèm theo\s+(?:quyết định|nghị quyết|kế hoạch|thông báo|chỉ thị"
    r"|công văn|văn bản|thông tư|nghị định)\b[^()]{0,200}\)?\s*$",
    re.I,
)
_ABOUT_DOCUMENTS = (Kind.DOCUMENT, Kind.DOC_NUMBER)


@dataclass(frozen=True)
class Candidate:
    """A sentence to score: `text` may carry a lead-in or a table cell joined before the
    sentence's `own` words; the joined part is context, only `own` counts in full."""

    text: str
    own: str

    @property
    def lead_terms(self) -> frozenset[str]:
        """The words joined before the sentence (a lead-in, a table's group rows): context for
        it, as the passage's headings are."""
        return term_set(self.text) if self.text != self.own else frozenset()


def with_siblings(hits: list[Hit], state: IndexState, weights: Weights = WEIGHTS) -> list[Hit]:
    """The best passages bring the rest of their family: the answer is often beside what
    matched best."""
    out: list[Hit] = []
    seen = {h.chunk.chunk_id for h in hits}
    for i, hit in enumerate(hits):
        out.append(hit)
        if i >= weights.sibling_sources:
            continue
        family = state.siblings(hit.chunk)
        if len(family) > weights.max_siblings:
            continue
        for chunk in family:
            if chunk.chunk_id not in seen:
                seen.add(chunk.chunk_id)
                out.append(Hit(chunk, hit.score, origin=Origin.SIBLING, via=i + 1))
    return out


_ITEM_START = re.compile(r"^(?:\d{1,2}\.|[a-zđ]\))\s")
_FAMILY_REACH = 40  # how far back a list's items may stand from their lead-in


def parent_lead(hit: Hit, state: IndexState) -> str:
    """The lead-in ending in ":" of the passage a khoản or điểm stands under, in full: its
    article's opening line ("Mọi người đều có thể làm chứng …, trừ những người sau đây:"), or a
    khoản whose heading was cut short ("Khoản 1 – Người nào thực hiện một trong các hành vi
    sau…"). Stored as a passage of its own, it is found a few rows back in the document."""
    chunk = hit.chunk
    if len(chunk.headings) < 2 or not _ITEM_START.match(chunk.text):
        return ""
    parent = chunk.headings[:-1]
    row = state.docs.row(chunk.doc_id)
    if row is None:
        return ""
    first = int(state.docs.chunk_start[row])
    at = first + chunk.ordinal
    for i in range(at - 1, max(first, at - _FAMILY_REACH) - 1, -1):
        c = state.chunks[i]
        if c.headings == parent:
            text = c.text.strip()
            return text.rsplit("\n", 1)[-1] if text.endswith(":") else ""
        if c.headings[: len(parent)] != parent:
            return ""
    return ""


def cut_short_lead(hit: Hit, state: IndexState) -> str:
    """parent_lead, for a passage whose parent heading was cut short ("…"): the one case in
    which candidates() joins it, so no other passage pays for the walk back."""
    headings = hit.chunk.headings
    return parent_lead(hit, state) if len(headings) >= 2 and headings[-2].endswith("…") else ""


def _parents(headings: list[str], sentence: str) -> list[str]:
    """The headings above a sentence: not the one that only repeats its opening."""
    return [h for h in headings if not sentence.startswith(h.rstrip("…"))]


def _heading_lead(parents: list[str]) -> str:
    """The nearest heading that is a list's lead-in ("…thì bị phạt tù từ 03 năm đến 10 năm:")."""
    return next((h for h in reversed(parents) if h.endswith(":")), "")


def lead_in(sentence: str, own: str, hit: Hit, state: IndexState) -> str:
    """The lead-in a list item answers under, joined to it or not: the verdict on "có … không?"
    reads both ("Không áp dụng thời hiệu … đối với: 1. Các tội …")."""
    if own != sentence:
        return sentence.replace(own, "")
    return _heading_lead(_parents(hit.chunk.headings, own)) or parent_lead(hit, state)


def candidates(hit: Hit, q: Question, full_lead: str = "") -> list[Candidate]:
    """The passage's sentences; a list item also joined to the lead-in above it ("…thì bị phạt
    tù từ 03 năm đến 10 năm: … b) Bỏ từ 02 thương binh trở lên"), since the lead-in states what
    holds for every item, written in full (`full_lead`, from cut_short_lead) when its heading
    was cut short; an item that lacks the asked-for fact joined to the nearest heading that
    has it; a table cell joined to the cell before it."""
    out: list[Candidate] = []
    headings = set(hit.chunk.headings)
    previous = ""
    sentences = split_sentences(hit.chunk.text)
    rows = RowLeads(hit.chunk.text) if hit.chunk.table else None
    # "Nơi nhận: - Như Điều 3; - Lưu: VT, … Huy (23 bản)": who gets a copy answers nothing
    recipients = distribution_lines(sentences)
    for i, sentence in enumerate(sentences):
        if sentence in headings or i in recipients:  # a heading names the topic, no answer
            continue
        if q.kind not in _ABOUT_DOCUMENTS and _ANNEX_CAPTION.match(sentence):
            continue
        out.append(Candidate(sentence, sentence))
        # A table row comes out cell by cell: "Sở Tài chính" then "chủ trì, phối hợp…".
        if (
            q.kind in _JOINABLE
            and not has_kind(sentence, q)
            and 0 < len(previous) <= 80
            and has_kind(previous, q)
        ):
            joined = f"{previous} – {sentence}"
            out.append(Candidate(joined, joined))
        elif _bare_value(sentence, q) and _bare_label(previous, q):
            joined = f"{previous} – {sentence}"  # "Tổng thời gian giải quyết TTHC" / "35 ngày"
            out.append(Candidate(joined, joined))
        previous = sentence
        if rows and (group := rows.lead(sentence)):
            out.append(Candidate(f"{group} … {sentence}", sentence))
        parents = _parents(hit.chunk.headings, sentence)
        lead_in = _heading_lead(parents) or full_lead
        if lead_in:
            out.append(Candidate(f"{lead_in} … {sentence}", sentence))
            continue
        if has_kind(sentence, q) and (not q.unit or has_unit(sentence, q)):
            continue
        lead = next(
            (h for h in reversed(parents) if has_kind(h, q) and (not q.unit or has_unit(h, q))),
            None,
        )
        if lead and q.kind in _LEAD_KINDS:
            out.append(Candidate(f"{lead} … {sentence}", sentence))
    return out


def _bare_value(sentence: str, q: Question) -> bool:
    """A line that is only a figure with its unit, as a flattened table's cell leaves it."""
    return len(sentence.split()) <= _BARE_WORDS and has_kind(sentence, q)


def _bare_label(line: str, q: Question) -> bool:
    """A short line that names what the next line's figure is, ending in no punctuation."""
    return 0 < len(line) <= 80 and not line.endswith((".", ";", ":")) and not has_kind(line, q)


def context_of(hit: Hit, state: IndexState) -> str:
    """What the notice and the passage are about: headings, title, place, issuer, number —
    not every place the notice mentions somewhere."""
    meta = state.doc_of(hit.chunk).metadata
    fields = [
        hit.chunk.section,
        hit.chunk.context,
        meta.title,
        meta.place,
        meta.province,
        meta.issuer,
        meta.number,
    ]
    return " ".join(f for f in fields if f)


def inherited(hit: Hit, state: IndexState) -> tuple[frozenset[str], frozenset[str]]:
    """Words a passage inherits: (1) the document's title and its article's title name what
    all of it is about ("Điều 184. Tội loạn luân"); (2) "2. Phạm tội thuộc một trong các
    trường hợp sau đây…" is about the offence the article's first paragraph describes."""
    title = article_title(article_heading(hit.chunk.headings))
    titles = term_set(title) if title else frozenset()
    titles |= term_set(state.doc_of(hit.chunk).metadata.title)
    own = [h for h in hit.chunk.headings if not _ARTICLE.match(h)]
    opening = own[0] if own else hit.chunk.text
    if not _REFERS_BACK.match(opening):
        return titles, frozenset()
    family = state.siblings(hit.chunk)
    first = family[0] if family else None
    if first is None or first.chunk_id == hit.chunk.chunk_id:
        return titles, frozenset()
    return titles, term_set(next(iter(split_sentences(first.text)), ""))


def named_doc_match(q: Question, hits: list[Hit], state: IndexState) -> dict[str, float]:
    """+1 for notices whose title is the document the question names, -1 for the others when
    some retrieved notice does match; nothing when none does."""
    if not q.named_doc:
        return {}
    titles = {
        h.chunk.doc_id: " ".join(fold(w) for w in state.doc_of(h.chunk).metadata.title.split())
        or " ".join(fold(w) for w in h.chunk.context.split())
        for h in hits
    }
    matching = {d for d, t in titles.items() if q.named_doc in t}
    if not matching:
        return {}
    return {d: (1.0 if d in matching else -1.0) for d in titles}
