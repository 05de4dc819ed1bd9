"""Find the sentence that answers: score every sentence of the retrieved passages by how much of
the question it covers (IDF-weighted, abbreviations expanded; accents compared when the question
has them) and whether it holds the kind of fact asked for, near the words asked about; drop
sentences whose document does not mention the places, document numbers and years asked about."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from answering.question import Question, capitalised_runs
from index.hybrid import Hit, Origin
from index.lookups import article_heading, article_number, article_title
from index.state import IndexState
from vntext.abbreviations import expand
from vntext.quantities import numbers, quantity_text, same_number
from vntext.sentences import split_clauses, split_sentences
from vntext.terms import FOLDED_STOPWORDS, STOPWORDS, bigrams, fold, folded_syllables, syllables

_DATE = re.compile(
    r"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|\bngày\s+\d{1,2}\s+tháng\s+\d{1,2}"
    r"|\b(?:tháng|quý)\s+\d{1,2}(?:/\d{4})?",
    re.I,
)
_REFERENCE = re.compile(r"\b(?:Điều|điều|khoản|điểm)\s+\d+|\bcác điều sau đây")
_TITLED = re.compile(r"\b(?:đồng chí|ông|bà)\s+[A-ZĐ]")
_AGENCY = re.compile(
    r"\b(?:Sở|Ban|Ủy ban|UBND|HĐND|Công an|Bộ|Cục|Chi cục|Trung tâm|Văn phòng|Thanh tra|Kho bạc"
    r"|Bảo hiểm|Ngân hàng|Đài|Báo|Liên đoàn|Hội|Đoàn|Mặt trận|Quỹ|Trường|Bộ Chỉ huy|Cảng vụ"
    r"|Tổng cục|Viện|Tòa án|Viện kiểm sát|Lực lượng)\b"
)
_PLACE = re.compile(r"\b(?:huyện|xã|tỉnh|thành phố|thị xã|thị trấn|phường|quận)\s+[A-ZĐ]", re.I)
# Words that make a figure a target rather than a result ("phấn đấu đạt 100%").
_TARGET = re.compile(
    r"\b(?:phan dau|dam bao|bao dam|muc tieu|chi tieu|yeu cau|toi thieu|du kien|it nhat)\b"
)
_ARTICLE = re.compile(r"^(?:Phần|Chương|Mục|Điều)\s")
# A paragraph that names its subject only by reference to the article's first one.
_REFERS_BACK = re.compile(r"^(?:Khoản \d+ – |\d{1,2}\.\s+)?(?:Người\s+)?phạm tội\b", re.I)
TITLE_WEIGHT = 0.2  # bonus for passages in an article whose title the question names
OPENING_WEIGHT = 0.05  # a sentence that opens with the question's subject
LIST_WEIGHT = 0.1  # for questions that ask for every case: passages that are lists
SIBLING_SOURCES = 5  # how many of the best passages bring their article or list along
MAX_SIBLINGS = 24  # a unit bigger than this is a chapter, not an article: not brought along
OWN_WEIGHT = 0.1  # among sentences of one document, those that say the asked words themselves
CONTEXT_WEIGHT = 0.5  # a question word found only around the sentence counts half
ITEM_MATTERS = 0.1  # share of the question a list item must match to speak for its lead-in
FOCUS_WEIGHT = 0.35  # how much the clause holding the fact must itself match the question


@dataclass
class Evidence:
    sentence: str
    hit: Hit
    rank: int
    coverage: float
    score: float
    entity_in_sentence: bool
    own: str = ""  # the sentence of the document itself, without a lead-in joined to it


def new_numbers(text: str, q: Question) -> list[str]:
    """Quantities the question does not already state: the answer is not the condition."""
    stated = set(q.numbers)
    return [n for n in numbers(text) if same_number(n) not in stated]


@lru_cache(maxsize=1024)
def _anchor_pattern(anchor: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(anchor)}\b(?:\s+\S+){{0,4}}?\s+\d")


def has_anchor(text: str, q: Question) -> bool:
    """The asked-for slot filled: "phạt tù từ 03 năm" for "phạt tù từ bao nhiêu năm"."""
    if not q.anchor:
        return False
    return bool(_anchor_pattern(q.anchor).search(" ".join(folded_syllables(text))))


_FIGURE_WORDS = r"(?:\d[\d.,/]*|mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin|muoi|tram|nghin)"
_UNIT_ALIASES = {"tien": "(?:tien|dong)"}  # "bao nhiêu tiền" is answered in đồng


def has_unit(text: str, q: Question, head_only: bool = False) -> bool:
    """A number followed by what the question counts: "08/19 tiêu chí", "41,05%". With
    head_only, the first word of the unit is enough ("bao nhiêu năm tù": "07 năm")."""
    if not q.unit:
        return False
    if q.unit == "%":
        return any(n.endswith("%") for n in numbers(text))
    unit = q.unit.split()[0] if head_only else q.unit
    unit = _UNIT_ALIASES.get(unit, re.escape(unit))
    folded = " ".join(fold(w) for w in quantity_text(text).split())
    return bool(re.search(rf"\b{_FIGURE_WORDS}\s+(?:\w+\s+)?{unit}\b", folded))


STRICT_KINDS = ("number", "date", "reference")  # an answer without such a fact is no answer
_WHEN = re.compile(r"\b(?:thời điểm|thời hạn|kể từ|trước|sau khi|trong thời gian|khi)\b", re.I)


def has_kind(text: str, q: Question) -> bool:
    """Does the text hold the kind of fact the question asks for?"""
    match q.kind:
        case "when":
            return bool(_DATE.search(text) or _WHEN.search(text))
        case "number":
            return bool(new_numbers(text, q))
        case "date":
            return bool(_DATE.search(text))
        case "reference":
            return bool(_REFERENCE.search(text))
        case "person":
            return bool(_TITLED.search(text)) or any(
                len(r.split()) >= 3 for r in capitalised_runs(text)
            )
        case "place":
            return bool(_PLACE.search(text))
        case "agency":
            return bool(_AGENCY.search(text))
    return True


def defines(sentence: str, subject: str) -> bool:
    """Does the sentence define the (folded) subject?"""
    return _defines(" ".join(fold(w) for w in sentence.split()), subject)


@lru_cache(maxsize=50_000)
def _defines(sentence_f: str, subject: str) -> bool:
    """ "Hình phạt là biện pháp…" defines "hình phạt" (both folded)."""
    body = re.sub(r"^[\W\d]*(?:[a-z]\)\s*)?", "", sentence_f)
    return body.startswith(f"{subject} la ")


@lru_cache(maxsize=50_000)
def term_set(text: str) -> frozenset[str]:
    """Syllables (accented and folded) and folded bigrams of a text and of the long forms of
    its abbreviations; "%" also reads as "phần trăm"."""
    accented = syllables(text)
    for phrase in expand(text):
        accented += ["|", *syllables(phrase)]
    if "%" in text:
        accented += ["|", "phần", "trăm"]
    folded = [fold(s) for s in accented]
    return frozenset(accented) | frozenset(folded) | frozenset(bigrams(folded))


class Scorer:
    """IDF-weighted share of the question's words that a piece of text contains."""

    def __init__(self, q: Question, state: IndexState, named_doc_found: bool = False):
        self.q = q
        skip = {"ai", "ky", "ký"} if q.kind == "signer" else set()
        named = set(q.named_doc.split())
        if named_doc_found and set(q.terms) - named:
            skip |= named  # "Bộ luật Dân sự" picks the document; its words are not the topic
        self.weights: dict[str, float] = {}
        if q.accented:  # compare accented syllables: "thu" (collect) is not "thủ" (procedure)
            for s in dict.fromkeys(q.accented_terms):
                if s in skip or fold(s) in skip:
                    continue
                if state.bm25.knows("~" + s) or not state.bm25.knows(fold(s)):
                    self.weights[s] = state.bm25.idf("~" + s)
                else:  # a mistyped accent ("bênh", "đièu"): the unaccented form still matches
                    self.weights[fold(s)] = state.bm25.idf(fold(s))
        else:  # "nhieu" may be "nhiều", a stopword: such terms count little
            for t in dict.fromkeys(q.terms):
                if t not in skip and (t not in FOLDED_STOPWORDS or state.bm25.knows(t)):
                    ambiguous = 0.3 if t in FOLDED_STOPWORDS else 1.0
                    self.weights[t] = state.bm25.idf(t) * ambiguous
        for pair in dict.fromkeys(q.pairs):
            if skip & set(pair.split("_")):
                continue
            if state.bm25.knows(pair):  # a pair the notices never write spans two phrases
                self.weights[pair] = state.bm25.idf(pair) * 0.5
        self.total = sum(self.weights.values()) or 1.0
        self.wants_target = bool(_TARGET.search(" ".join(folded_syllables(q.text))))

    def coverage(self, terms: set[str], context: set[str] = frozenset()) -> float:
        covered = sum(
            w if t in terms else (w * CONTEXT_WEIGHT if t in context else 0.0)
            for t, w in self.weights.items()
        )
        return covered / self.total

    def clause_value(self, clause: str) -> float:
        """Coverage of one clause; a target figure counts less when the question asks what was
        achieved."""
        value = self.coverage(term_set(clause))
        if not self.wants_target and _TARGET.search(" ".join(folded_syllables(clause))):
            value -= 0.6
        return value

    def focus(self, sentence: str) -> float:
        """Value of the best clause that holds the asked-for kind of fact."""
        values = [self.clause_value(c) for c in split_clauses(sentence) if has_kind(c, self.q)]
        return max(values, default=0.0)


class EvidenceFinder:
    def __init__(self, state: IndexState):
        self.state = state

    def _context(self, hit: Hit) -> str:
        doc = self.state.doc_of(hit.chunk)
        meta = doc.metadata
        # What the notice is about, not every place it mentions somewhere.
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

    def _passes(self, q: Question, hit: Hit, context_f: str) -> bool:
        """Years asked about must be the notice's own or be written in the passage."""
        haystack = f"{hit.chunk.text} {context_f}"
        doc_year = self.state.doc_of(hit.chunk).metadata.date[:4]
        return all(y in haystack or y == doc_year for y in q.years)

    @staticmethod
    def _units(hit: Hit, q: Question) -> list[tuple[str, str]]:
        """(unit, its own sentence): the passage's sentences; a list item is also offered
        joined to the lead-in above it ("…thì bị phạt tù từ 03 năm đến 10 năm: … b) Bỏ từ 02
        thương binh trở lên"), since the lead-in states what holds for every item; so is an
        item that lacks the asked-for fact joined to the nearest heading that has it. The
        joined heading is context: only the sentence's own words count in full."""
        units: list[tuple[str, str]] = []
        headings = set(hit.chunk.headings)
        previous = ""
        for sentence in split_sentences(hit.chunk.text):
            if sentence in headings:  # a heading names the topic; it holds no answer
                continue
            units.append((sentence, sentence))
            # A table row comes out cell by cell: "Sở Tài chính" then "chủ trì, phối hợp…".
            if (
                q.kind in ("agency", "person", "place")
                and not has_kind(sentence, q)
                and 0 < len(previous) <= 80
                and has_kind(previous, q)
            ):
                joined = f"{previous} – {sentence}"
                units.append((joined, joined))
            previous = sentence
            parents = [h for h in hit.chunk.headings if not sentence.startswith(h.rstrip("…"))]
            lead_in = next((h for h in reversed(parents) if h.endswith(":")), None)
            if lead_in:
                units.append((f"{lead_in} … {sentence}", sentence))
                continue
            if has_kind(sentence, q) and (not q.unit or has_unit(sentence, q)):
                continue
            lead = next(
                (h for h in reversed(parents) if has_kind(h, q) and (not q.unit or has_unit(h, q))),
                None,
            )
            if lead and q.kind in ("number", "date", "reference", "person", "place", "agency"):
                units.append((f"{lead} … {sentence}", sentence))
        return units

    def _title_match(self, q: Question, headings: list[str]) -> float:
        """IDF-weighted share of an article's title that the question names: "Tội lạm quyền
        trong khi thi hành công vụ" is what a question about that offence is about, though
        a neighbouring article may share more of its other words."""
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

    @staticmethod
    def _focus(scorer: Scorer, unit: str, own: str, coverage: float) -> float:
        """How well the clause holding the fact matches. An item joined to the lead-in that
        holds the fact ("…thì bị phạt tù từ 02 năm đến 05 năm: … h) Làm nạn nhân tự sát")
        matches by the item: the lead-in is the same for every item."""
        if own == unit:
            return scorer.focus(own)
        if scorer.coverage(term_set(own)) < ITEM_MATTERS:  # "a) Có tổ chức" adds nothing asked
            return scorer.focus(unit)
        return coverage

    def _inherited(self, hit: Hit) -> tuple[frozenset[str], frozenset[str]]:
        """Words a passage inherits: (1) the document's title and its article's title name
        what all of it is about ("Điều 184. Tội loạn luân"); (2) "2. Phạm tội thuộc một trong
        các trường hợp sau đây…" is about the offence the article's first paragraph describes."""
        title = article_title(article_heading(hit.chunk.headings))
        titles = term_set(title) if title else frozenset()
        titles |= term_set(self.state.doc_of(hit.chunk).metadata.title)
        own = [h for h in hit.chunk.headings if not _ARTICLE.match(h)]
        opening = own[0] if own else hit.chunk.text
        if not _REFERS_BACK.match(opening):
            return titles, frozenset()
        family = self.state.siblings(hit.chunk)
        first = family[0] if family else None
        if first is None or first.chunk_id == hit.chunk.chunk_id:
            return titles, frozenset()
        return titles, term_set(next(iter(split_sentences(first.text)), ""))

    @staticmethod
    def _with_siblings(hits: list[Hit], state: IndexState) -> list[Hit]:
        """The best passages bring the rest of their unit (the other khoản and điểm of an
        article, the other items of a list): the answer is often beside what matched best."""
        out: list[Hit] = []
        seen = {h.chunk.chunk_id for h in hits}
        for i, hit in enumerate(hits):
            out.append(hit)
            if i >= SIBLING_SOURCES:
                continue
            family = state.siblings(hit.chunk)
            if len(family) > MAX_SIBLINGS:
                continue
            for chunk in family:
                if chunk.chunk_id not in seen:
                    seen.add(chunk.chunk_id)
                    out.append(Hit(chunk, hit.score, origin=Origin.SIBLING, via=i + 1))
        return out

    def _doc_match(self, q: Question, hits: list[Hit]) -> dict[str, float]:
        """Bonus for notices whose title is the document the question names, and a penalty
        for the others when some retrieved notice does match."""
        if not q.named_doc:
            return {}
        titles = {
            h.chunk.doc_id: " ".join(
                fold(w) for w in self.state.doc_of(h.chunk).metadata.title.split()
            )
            or " ".join(fold(w) for w in h.chunk.context.split())
            for h in hits
        }
        matching = {d for d, t in titles.items() if q.named_doc in t}
        if not matching:
            return {}
        return {d: (0.2 if d in matching else -0.2) for d in titles}

    def find(self, q: Question, hits: list[Hit], limit: int = 40) -> list[Evidence]:
        """Scored sentences of the best `limit` retrieved passages, their siblings and the
        passages exact lookups found, best first."""
        ranked = [h for h in hits if h.origin is not Origin.LOOKUP][:limit]
        candidates = self._with_siblings(ranked, self.state)
        candidates += [h for h in hits if h.origin is Origin.LOOKUP]
        doc_bonus = self._doc_match(q, candidates)
        scorer = Scorer(q, self.state, named_doc_found=bool(doc_bonus))
        opening = q_opening(q)
        out: list[Evidence] = []
        retrieved = 0
        for hit in candidates:
            if hit.origin is Origin.RETRIEVED:
                retrieved += 1
            rank = retrieved if hit.origin is Origin.RETRIEVED else hit.via
            named_article = bool(q.article) and article_number(hit.chunk.headings) == q.article
            title = TITLE_WEIGHT * self._title_match(q, hit.chunk.headings) ** 2
            context_text = self._context(hit)
            context_f = " ".join(fold(w) for w in context_text.split())
            if not self._passes(q, hit, context_f):
                continue
            around = term_set(context_text)
            titles, offence = self._inherited(hit)
            previous: frozenset[str] = frozenset()
            previous_f = ""
            for sentence, own in self._units(hit, q):
                # For "trong trường hợp nào", the lead-in of a list is what is asked about.
                listed = q.wants == "list" and _in_list(sentence, own)
                terms = term_set(sentence if listed else own) | titles | offence
                coverage = scorer.coverage(terms, around | previous)
                sentence_f = " ".join(fold(w) for w in sentence.split())
                # Named places and numbers must stand in the evidence, just before it, or in
                # its headings and the notice's own metadata: not elsewhere in the passage.
                nearby = f"{previous_f} {sentence_f} {context_f}"
                previous, previous_f = terms, sentence_f
                if any(e not in nearby for e in q.entities):
                    continue
                in_sentence = bool(q.entities) and all(e in sentence_f for e in q.entities)
                kind_ok = has_kind(sentence, q)
                miss = -0.3 if q.kind in STRICT_KINDS else 0.0
                score = (
                    coverage
                    + OWN_WEIGHT * scorer.coverage(term_set(own))
                    + (0.15 if kind_ok else miss)
                    + FOCUS_WEIGHT
                    * (self._focus(scorer, sentence, own, coverage) if kind_ok else 0.0)
                    + (0.08 if in_sentence else 0.0)
                    + (0.15 if has_unit(sentence, q) else 0.0)
                    + (0.15 if has_anchor(sentence, q) else 0.0)
                    + 0.05 / rank
                    - (0.1 if len(sentence) < 25 else 0.0)
                    + doc_bonus.get(hit.chunk.doc_id, 0.0)
                    + (0.2 if q.subject and _defines(sentence_f, q.subject) else 0.0)
                    + (0.2 if named_article else 0.0)
                    + (OPENING_WEIGHT if opening and _opening(own) == opening else 0.0)
                    + (LIST_WEIGHT if listed else 0.0)
                    + title
                )
                out.append(Evidence(sentence, hit, rank, coverage, score, in_sentence, own))
        out.sort(key=lambda e: -e.score)
        return out


_LEADING = re.compile(r"^(?:Khoản \d+ – |Điểm [a-zđ] – |theo [^,]{0,80},\s*)", re.I)


def _opening(text: str) -> tuple[str, ...]:
    """The first three syllables after any outline marker: who or what the sentence is about
    ("người sử dụng lao động phải…" is not "người lao động phải…")."""
    text = quantity_text(_LEADING.sub("", text.strip()))
    return tuple(folded_syllables(text)[:3])


def _in_list(unit: str, own: str) -> bool:
    """A list's lead-in ("…trong các trường hợp sau đây:") or an item joined to one."""
    return own.endswith(":") or (unit != own and f": … {own}" in unit)


def q_opening(q: Question) -> tuple[str, ...]:
    opening = _opening(q.text)
    return opening if any(w not in FOLDED_STOPWORDS for w in opening) else ()


def rerank(hits: list[Hit], evidence: list[Evidence]) -> list[Hit]:
    """Passages ordered by their best sentence (sibling passages the evidence brought in
    included); passages with no admissible sentence go last."""
    ranked: dict[str, Hit] = {}
    for ev in evidence:  # best first
        ranked.setdefault(ev.hit.chunk.chunk_id, ev.hit)
    rest = [h for h in hits if h.chunk.chunk_id not in ranked]
    return [*ranked.values(), *rest]
