"""Score every candidate sentence as a sum of named terms (weight × feature, weights in
answering/weights.py) and drop sentences whose document does not mention the places, document
numbers and years asked about. The named terms are what `chidao ask --explain` prints."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from answering.candidates import (
    Candidate,
    candidates,
    context_of,
    cut_short_lead,
    inherited,
    named_doc_match,
    with_siblings,
)
from answering.conditions import (
    deputy_only,
    holder_match,
    negations_match,
    opposite_only,
    stated_figures_match,
    unasked_case,
)
from answering.coverage import Scorer, term_set
from answering.detectors import STRICT_KINDS, has_anchor, has_kind, has_unit, is_definition
from answering.question import Question
from answering.question_kind import Kind, Wants
from answering.question_slots import whole_topic
from answering.weights import WEIGHTS, Weights
from index.hybrid import Hit, Origin
from index.lookups import article_heading, article_number, article_title
from index.state import IndexState
from vntext.quantities import quantity_text
from vntext.terms import FOLDED_STOPWORDS, STOPWORDS, fold, folded_syllables, syllables

# "được gọi là gì", "thuộc loại hình sở hữu nào", "là hình thức nào" (folded)
_ASKS_NAME = re.compile(r"\b(?:goi la gi|la gi|(?:loai|hinh thuc|loai hinh)(?: \w+){0,2} nao)\b")
# "Tài sản vô chủ là tài sản mà …": a short term, "là", what it is
_DEFINITION = re.compile(r"^(?:\d{1,2}\.\s+|[a-zđ]\)\s+)?([^,;:.]{3,60}?)\s+là\s+(.{10,})$")
_GLOSSARY = re.compile(r"(?:giai thich tu ngu|dinh nghia|thuat ngu)\b")
GLOSSARY_DEFINES = 1.5  # a definition in the glossary article counts half again
_LEADING = re.compile(r"^(?:Khoản \d+ – |Điểm [a-zđ] – |theo [^,]{0,80},\s*)", re.I)


@dataclass
class Evidence:
    sentence: str
    hit: Hit
    rank: int
    coverage: float
    score: float
    entity_in_sentence: bool
    own: str = ""  # the sentence of the document itself, without a lead-in joined to it
    features: dict[str, float] = field(default_factory=dict)


class EvidenceFinder:
    def __init__(self, state: IndexState, weights: Weights = WEIGHTS):
        self.state = state
        self.w = weights

    def find(self, q: Question, hits: list[Hit], limit: int = 40) -> list[Evidence]:
        """Scored sentences of the best `limit` retrieved passages, their siblings and the
        passages exact lookups found, best first."""
        ranked = [h for h in hits if h.origin is not Origin.LOOKUP][:limit]
        pool = with_siblings(ranked, self.state, self.w)
        pool += [h for h in hits if h.origin is Origin.LOOKUP]
        doc_match = named_doc_match(q, pool, self.state)
        scorer = Scorer(q, self.state, named_doc_found=bool(doc_match), weights=self.w)
        out: list[Evidence] = []
        retrieved = 0
        for hit in pool:
            if hit.origin is Origin.RETRIEVED:
                retrieved += 1
            rank = retrieved if hit.origin is Origin.RETRIEVED else hit.via
            out += self._score_passage(q, hit, rank, scorer, doc_match.get(hit.chunk.doc_id, 0.0))
        out.sort(key=lambda e: -e.score)
        # The answer is often beside what matches best: the best-scored passages bring their
        # article too, though retrieval ranked them below the ones whose families came along.
        seen = {h.chunk.chunk_id for h in pool}
        best: dict[str, Evidence] = {}
        for ev in out:
            if len(best) >= self.w.family_of_best:
                break
            best.setdefault(ev.hit.chunk.chunk_id, ev)
        for ev in best.values():
            family = self.state.siblings(ev.hit.chunk)
            if len(family) > self.w.max_siblings:
                continue
            for chunk in family:
                if chunk.chunk_id in seen:
                    continue
                seen.add(chunk.chunk_id)
                hit = Hit(chunk, ev.hit.score, origin=Origin.SIBLING, via=ev.rank)
                match = doc_match.get(chunk.doc_id, 0.0)
                out += self._score_passage(q, hit, ev.rank, scorer, match)
        out.sort(key=lambda e: -e.score)
        return out

    def _score_passage(
        self, q: Question, hit: Hit, rank: int, scorer: Scorer, doc_match: float
    ) -> list[Evidence]:
        context_text = context_of(hit, self.state)
        context_f = " ".join(fold(w) for w in context_text.split())
        if not self._years_pass(q, hit, context_f):
            return []
        around = term_set(context_text)
        titles, offence = inherited(hit, self.state)
        passage = {
            "rank": 1 / rank,
            "named_doc": doc_match,
            "named_article": float(
                bool(q.article) and article_number(hit.chunk.headings) == q.article
            ),
            "title": 1.0
            if _titled_topic(q, hit.chunk.headings)
            else self._title_match(q, hit.chunk.headings) ** 2,
            "dense": 1 / hit.ranks["dense"] if "dense" in hit.ranks else 0.0,
            "bm25": 1 / hit.ranks["bm25"] if "bm25" in hit.ranks else 0.0,
        }
        # "Mục đích của hình phạt là gì?" over "Điều 31. Mục đích của hình phạt": the article is
        # about what is asked, so its sentences speak of their title without repeating it, for a
        # figure too ("Thời hạn cấm là từ 01 năm …" in "Điều 41. Cấm đảm nhiệm chức vụ …")
        about = passage["title"] >= 0.999
        glossary = bool(_GLOSSARY.match(fold(article_title(article_heading(hit.chunk.headings)))))
        out: list[Evidence] = []
        previous: frozenset[str] = frozenset()
        previous_f = ""
        for cand in candidates(hit, q, cut_short_lead(hit, self.state)):
            # For "trong trường hợp nào", the lead-in of a list is what is asked about.
            listed = q.wants == Wants.LIST and _in_list(cand)
            terms = term_set(cand.text if listed else cand.own) | titles | offence
            coverage = scorer.coverage(terms, around | previous | cand.lead_terms)
            sentence_f = " ".join(fold(w) for w in cand.text.split())
            # Named places and numbers must stand in the evidence, just before it, or in its
            # headings and the notice's own metadata: not elsewhere in the passage.
            nearby = f"{previous_f} {sentence_f} {context_f}"
            previous, previous_f = terms, sentence_f
            if any(e not in nearby for e in q.entities):
                continue
            in_sentence = bool(q.entities) and all(e in sentence_f for e in q.entities)
            own = scorer.coverage(term_set(cand.own))
            if offence and own:
                # "a) Làm chết người" under "2. Phạm tội …": the item speaks of the article's
                # offence, and when it adds to it, offence and item are its own words together
                with_offence = scorer.coverage(term_set(cand.own) | offence)
                if with_offence > scorer.coverage(offence):
                    own = with_offence
            if about:
                own = max(own, scorer.coverage(term_set(cand.own) | titles))
            features = self._features(
                q, cand, scorer, coverage, own, in_sentence, listed, sentence_f, about
            )
            if glossary and features["defines"]:
                # the article that explains the law's terms ("Điều 3. Giải thích từ ngữ") is where
                # it defines them; elsewhere "X là …" may be a case ("7. Người sử dụng lao động
                # là cá nhân chết; …" among the ways a contract ends)
                features["defines"] = GLOSSARY_DEFINES
            features.update(passage)
            score = sum(getattr(self.w, name) * value for name, value in features.items())
            out.append(
                Evidence(cand.text, hit, rank, coverage, score, in_sentence, cand.own, features)
            )
        return out

    def _features(
        self,
        q: Question,
        cand: Candidate,
        scorer: Scorer,
        coverage: float,
        own: float,
        in_sentence: bool,
        listed: bool,
        sentence_f: str,
        about: bool = False,
    ) -> dict[str, float]:
        kind_ok = has_kind(cand.text, q)
        return {
            "coverage": coverage,
            "own": own,
            # an agency named only in the heading or lead-in joined before the sentence counts
            # half: the one the sentence itself names is more likely the one that acts
            "kind": 0.5
            if kind_ok and q.kind == Kind.AGENCY and not has_kind(cand.own, q)
            else float(kind_ok),
            "kind_missing": float(not kind_ok and q.kind in STRICT_KINDS),
            "focus": self._focus(scorer, cand, coverage, own, about) if kind_ok else 0.0,
            "entity_in_sentence": float(in_sentence),
            "unit": float(has_unit(cand.text, q)),
            "anchor": float(has_anchor(cand.text, q)),
            "short": float(len(cand.text) < 25),
            "defines": float(bool(q.subject) and is_definition(sentence_f, q.subject)),
            "opening": float(_opens_like(q, cand.own)),
            "listed": float(listed),
            "conditions": stated_figures_match(q.text, cand.own)
            + unasked_case(q.text, q.anchor, cand.text, cand.own),
            "negation": negations_match(q.text, sentence_f),
            "holder": holder_match(q.text, cand.own),
            "opposite": opposite_only(q.text, cand.own),
            "deputy": deputy_only(q.text, cand.own),
            "names": self._names(q, scorer, cand.own),
        }

    @staticmethod
    def _names(q: Question, scorer: Scorer, own: str) -> float:
        """For a question that describes something and asks its name ("Tài sản mà chủ sở hữu
        đã từ bỏ … được gọi là gì?"), a definition whose body is that description ("Tài sản vô
        chủ là tài sản mà chủ sở hữu đã từ bỏ …"): the body's coverage of the question, when
        the term it defines says something the question does not. Not when the question
        asks for a list ("bao gồm những loại nào"): it wants the members, not a name."""
        if q.subject or q.wants or not _asks_name(q.text):
            return 0.0
        m = _DEFINITION.match(_LEADING.sub("", own.strip()))
        if not m or not set(folded_syllables(m.group(1))) - set(q.terms) - FOLDED_STOPWORDS:
            return 0.0
        return scorer.coverage(term_set(m.group(2)))

    def _years_pass(self, q: Question, hit: Hit, context_f: str) -> bool:
        """Years asked about must be the notice's own or be written in the passage."""
        haystack = f"{hit.chunk.text} {context_f}"
        doc_year = self.state.doc_of(hit.chunk).metadata.date[:4]
        return all(y in haystack or y == doc_year for y in q.years)

    def _title_match(self, q: Question, headings: list[str]) -> float:
        """IDF-weighted share of an article's title that the question names: "Tội lạm quyền
        trong khi thi hành công vụ" is what a question about that offence is about, though a
        neighbouring article may share more of its other words."""
        title = article_title(article_heading(headings))
        words = [s for s in syllables(title) if s not in STOPWORDS and not s[0].isdigit()]
        if len(words) < 2:
            return 0.0
        asked = set(q.accented_terms) if q.accented else set(q.terms)
        weights = [
            (self.state.bm25.idf("~" + w), (w if q.accented else fold(w)) in asked) for w in words
        ]
        total = sum(w for w, _ in weights)
        return sum(w for w, hit in weights if hit) / total if total else 0.0

    def _focus(
        self, scorer: Scorer, cand: Candidate, coverage: float, own: float, about: bool
    ) -> float:
        """How well the clause holding the fact matches. An item joined to the lead-in that
        holds the fact ("…thì bị phạt tù từ 02 năm đến 05 năm: … h) Làm nạn nhân tự sát")
        matches by the item: the lead-in is the same for every item."""
        if cand.own == cand.text:
            return max(scorer.focus(cand.own), own if about else 0.0)
        if own < self.w.item_matters:  # "a) Có tổ chức"
            return scorer.focus(cand.text)
        return coverage


@lru_cache(maxsize=1024)
def _asks_name(question: str) -> bool:
    """ "… được gọi là gì", "loại … nào": read once per question, not once per candidate."""
    return bool(_ASKS_NAME.search(" ".join(folded_syllables(question))))


@lru_cache(maxsize=1024)
def _asked_topic(question: str) -> str:
    """whole_topic of the question: read once per question, not once per passage."""
    return whole_topic(" ".join(folded_syllables(question)))


def _titled_topic(q: Question, headings: list[str]) -> bool:
    """For "quy định thế nào về X", an article whose title names X whole is about it."""
    topic = _asked_topic(q.text) if q.wants == Wants.WHOLE else ""
    title = " ".join(folded_syllables(article_title(article_heading(headings))))
    return bool(topic) and f" {topic} " in f" {title} "


def opening(text: str) -> tuple[str, ...]:
    """The first three syllables after any outline marker: who or what the sentence is about
    ("người sử dụng lao động phải…" is not "người lao động phải…")."""
    text = quantity_text(_LEADING.sub("", text.strip()))
    return tuple(folded_syllables(text)[:3])


def _opens_like(q: Question, own: str) -> bool:
    asked = opening(q.text)
    return any(w not in FOLDED_STOPWORDS for w in asked) and opening(own) == asked


def _in_list(cand: Candidate) -> bool:
    """A list's lead-in ("…trong các trường hợp sau đây:") or an item joined to one."""
    return cand.own.endswith(":") or (cand.text != cand.own and f": … {cand.own}" in cand.text)


def rerank(hits: list[Hit], evidence: list[Evidence]) -> list[Hit]:
    """Passages ordered by their best sentence (sibling passages the evidence brought in
    included); passages with no admissible sentence go last."""
    ranked: dict[str, Hit] = {}
    for ev in evidence:  # best first
        ranked.setdefault(ev.hit.chunk.chunk_id, ev.hit)
    rest = [h for h in hits if h.chunk.chunk_id not in ranked]
    return [*ranked.values(), *rest]
