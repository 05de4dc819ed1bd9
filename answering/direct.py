"""One direct sentence for a fact question, built from the document's own words: the stretch
of the evidence sentence that holds the asked fact and scores best (coverage, what it adds,
length), with the subject it is about (the sentence's opening, or the list lead-in it was
joined to) when the stretch alone does not name it. Typically under 200 characters, never over
300."""

from __future__ import annotations

import re
from collections.abc import Iterable

from answering.conditions import negations_match
from answering.coverage import Scorer, term_set
from answering.detectors import AGENCY, STRICT_KINDS, agency_role, has_anchor, has_kind, has_unit
from answering.question import Question
from answering.question_kind import Kind
from answering.question_names import DOC_NUMBER, place_names
from answering.segments import clauses, clean, outside_brackets, segments, windows
from answering.sentence_parts import consequence, holds, named_asides
from answering.weights import WEIGHTS
from vntext.terms import FOLDED_STOPWORDS, fold, folded_syllables, syllables

SHORT_CHARS = 290  # a sentence this short is answered whole
MAX_CHARS = 300
NEW_WORDS = 6
_LABEL = re.compile(r"^(?:Khoản|Điểm|Mục)\s+\S+\s+[–-]\s+")  # a heading's label, not its words
# a body named alone before a comma, one of a list: "Sở Y tế,"
_NAME_ONLY = re.compile(AGENCY.pattern + r"(?: [A-ZĐ]?[\w-]+){1,8},")
_FACT_KINDS = (*STRICT_KINDS, Kind.WHEN, Kind.PERSON, Kind.PLACE, Kind.AGENCY)
_NAMED_KINDS = (Kind.AGENCY, Kind.PERSON, Kind.PLACE)


def _heading_lead(headings: list[str], before: str, q: Question) -> str:
    """What names the agency (or person, place) asked for when the sentence does not: the
    nearest short line above it in the passage ("5. Sở Y tế:"), else the nearest heading
    ("Điều 5. Trách nhiệm của Bộ …")."""
    lines = [ln.strip() for ln in before.split("\n") if ln.strip()]
    for line in reversed(lines[-6:]):
        if len(line) <= 100 and has_kind(line, q):
            return clean(line)
    for heading in reversed(headings):
        if has_kind(heading, q):
            return clean(re.sub(r"^(?:Điều|Khoản|Điểm)\s+\S+\s*(?:–\s*)?", "", heading))[:100]
    return ""


def _names_apart(texts: Iterable[str], q: Question) -> bool:
    """Do the places the clauses name tell them apart: none names a place the question
    names, or some clause names another place?"""
    named = {n for c in texts for n in place_names(c, True)}
    return not named & set(q.entities) or bool(named - set(q.entities))


def _fact_segment(parts: list[str], q: Question, scorer: Scorer) -> int | None:
    """When several segments hold a fact of the asked kind, the one the question is about:
    first the clause that matches the question best ("UBND huyện Lộc Bình (07 lớp);" for Lộc
    Bình), then within it the segment whose words match the qualifiers ("giải ngân được 126
    tỷ đồng", not "thu được 54,8 tỷ đồng")."""
    if q.kind not in _FACT_KINDS:
        return None
    holding = [i for i, p in enumerate(parts) if has_kind(p, q)]
    holding = [i for i in holding if has_unit(parts[i], q)] or holding
    outside = outside_brackets(parts)
    holding = [i for i in holding if outside[i]] or holding  # "(trừ … do Bộ X ban hành)"
    if len(holding) < 2:
        return holding[0] if holding else None
    ids = clauses(parts)
    clause_text = {c: " ".join(p for p, k in zip(parts, ids, strict=True) if k == c) for c in ids}

    def extra(text: str) -> float:
        role = WEIGHTS.agency_role * agency_role(text) if q.kind == Kind.AGENCY else 0.0
        role = -role if q.issuer_asked else role  # who issued it: "… của Ban Bí thư"
        return (
            WEIGHTS.span_unit * has_unit(text, q) + WEIGHTS.span_anchor * has_anchor(text, q) + role
        )

    # The place the question names tells clauses apart only when another clause names
    # another place ("UBND huyện Lộc Bình (07 lớp); UBND huyện Văn Quan (05 lớp)"); named once
    # as the sentence's subject ("Đến nay, huyện Chi Lăng đã thu …; … lâm nghiệp được giao …
    # là 10.278 ha"), it is every clause's and the other words decide.
    value = scorer.clause_value if _names_apart(clause_text.values(), q) else scorer.qualifier_value
    best_clause = max(
        {ids[i] for i in holding}, key=lambda c: value(clause_text[c]) + extra(clause_text[c])
    )
    inside = [i for i in holding if ids[i] == best_clause]

    def own_words(i: int) -> str:
        """A segment with what it leads into: "100.000 đồng đối với các trường hợp:" + case.
        A document is told by the words around its number, up to the next document named:
        "… và Quyết định số 58/2024/QĐ-UBND … ban hành tiêu chuẩn, định mức … diện tích
        chuyên dùng …" describes 58/2024, not the 59/2024 cited before it."""
        if q.kind == Kind.DOCUMENT:
            cited = list(DOC_NUMBER.finditer(parts[i]))
            words = [parts[i][cited[-2].end() :] if len(cited) > 1 else parts[i]]
            for part in parts[i + 1 :]:
                if has_kind(part, q):
                    break
                words.append(part)
            return " ".join(words)
        follows = parts[i + 1] if parts[i].rstrip().endswith(":") and i + 1 < len(parts) else ""
        return f"{parts[i]} {follows}"

    return max(inside, key=lambda i: scorer.qualifier_value(own_words(i)) + extra(parts[i]))


def _co_agents(parts: list[str], must: int | None, q: Question) -> int | None:
    """Where the bodies that act together start: "Sở Y tế, Sở Giáo dục và Đào tạo quyết
    định …" names both, though the verb follows the last."""
    if q.kind != Kind.AGENCY or must is None:
        return None
    first = must
    while first > 0 and _NAME_ONLY.fullmatch(parts[first - 1].strip()):
        first -= 1
    return first


def _adds(window: str, q: Question) -> float:
    """How much the stretch tells beyond the question: an answer that only repeats the
    question's condition ("Người nào dùng bói toán …") answers nothing. Distinct content words
    and figures the question does not hold, up to NEW_WORDS."""
    asked = term_set(q.text)
    new = {fold(s) for s in syllables(window)} - FOLDED_STOPWORDS - asked
    return min(len(new), NEW_WORDS) / NEW_WORDS


def _slot_first(pool: list[str], parts: list[str], lead: str, q: Question) -> list[str]:
    """The stretches that fill the asked slot ("phạt tù từ 03 năm"), if any, and of those the ones
    that start where the slot does (after the subject, if any): the words before it repeat
    the question's own condition. "phạt tiền …, phạt tù …" is one slot, from its start."""
    filled = [w for w in pool if has_anchor(w, q)]
    if not filled:
        return pool
    slot = [has_anchor(p, q) for p in parts]
    starts = tuple(clean(p) for i, p in enumerate(parts) if slot[i] and not (i and slot[i - 1]))
    prefix = f"{clean(lead)} … " if lead else ""
    first = [w for w in filled if w.startswith(starts) or w.removeprefix(prefix).startswith(starts)]
    return first or filled


def _after_slot(parts: list[str], q: Question) -> str:
    """For "… phải được sự đồng ý của ai?" answered by a kind of person, not a named one ("…
    đồng ý của vợ, chồng hoặc con thành niên của người đó; trường hợp không có …"): the
    sentence from the segment that holds the words just before "ai" to its end, when it fits."""
    words = folded_syllables(q.text)
    if len(words) < 3 or words[-1] != "ai":
        return ""
    before = [w for w in words[:-1] if w not in FOLDED_STOPWORDS][-2:]
    slot = " ".join(before)
    at = next((i for i, p in enumerate(parts) if slot in " ".join(folded_syllables(p))), None)
    rest = clean(" ".join(parts[at:])) if at is not None and len(before) == 2 else ""
    return rest if len(rest) <= MAX_CHARS - 10 else ""


def _value(window: str, q: Question, scorer: Scorer, complete: bool) -> float:
    w = WEIGHTS
    length = max(0, len(window) - 120) / 100
    return (
        scorer.clause_value(window)
        + w.direct_new * _adds(window, q)
        + w.direct_kind * has_kind(window, q)
        + w.span_unit * has_unit(window, q)
        + w.span_anchor * has_anchor(window, q)
        + w.direct_complete * complete
        + w.direct_negation * negations_match(q.text, window)
        - w.direct_length * length
    )


def direct_answer(
    sentence: str,
    own: str,
    q: Question,
    scorer: Scorer,
    headings: list[str] | None = None,
    passage: str = "",
) -> str:
    """The answer text for a fact question whose best evidence is `sentence` (`own` is the
    sentence without a lead-in joined before it; `headings` and `passage` are where it
    stands)."""
    text = clean(own or sentence)
    lead = ""
    if own and own != sentence and sentence.endswith(own):
        lead = clean(sentence[: -len(own)].rstrip(" …–"))
    if lead and holds(lead, q) and not holds(text, q):
        # the fact is in the lead-in, a heading that is itself a sentence ("Điều 1. Công bố …
        # 02 thủ tục … và phê duyệt 04 quy trình …"), not in the sentence joined to it
        text, lead = lead, ""
    parts = segments(text)
    joined = bool(lead)
    opens_named = bool(parts) and has_kind(parts[0], q)
    if q.kind in _NAMED_KINDS and not (has_kind(sentence, q) and opens_named):
        # The sentence names no agency, or only later ("…, trình UBND tỉnh ban hành"): the
        # one that acts heads its list ("6. Sở Y tế: … b) Tiếp tục chủ trì …").
        at = passage.find((own or sentence)[:40])
        above = _heading_lead(headings or [], passage[: max(0, at)], q)
        lead, joined = (above, True) if above else (lead, joined)
    lead = _LABEL.sub("", lead)
    if lead and len(lead) > 100 and len(lead) + len(text) > MAX_CHARS - 13:
        lead_parts = segments(lead)
        slot = [i for i, p in enumerate(lead_parts) if has_anchor(p, q)]
        if slot and not has_anchor(text, q):
            # the slot is filled in the lead-in ("Người nào có một trong các hành vi sau đây,
            # thì bị phạt tù từ 12 năm …:"): keep it from there; alone if the item is too long
            lead = clean(" ".join(lead_parts[slot[0] :]))
            if len(lead) + len(text) > MAX_CHARS - 13:
                text, lead, joined = lead, "", False
                parts = segments(text)
        else:
            lead = clean(lead_parts[0]) if len(lead_parts[0]) <= 100 else ""
    elif not lead and parts and len(parts[0]) <= 80:
        lead = clean(parts[0])
    whole = f"{lead} … {text}" if joined and lead else text
    asides = named_asides(text, q)
    if asides:
        return max(asides, key=lambda a: (_value(a, q, scorer, True), -len(a)))
    if q.kind not in _FACT_KINDS or q.yes_no or q.wants:
        # What a rule says, what someone must do: the statement whole, when it fits.
        if len(whole) <= MAX_CHARS - 10:
            return whole
    elif len(whole) <= SHORT_CHARS and (not q.unit or has_unit(whole, q)) and has_kind(whole, q):
        return whole  # a short sentence that holds the fact is itself the direct answer
    rest = _after_slot(parts, q) if q.kind == Kind.PERSON and not has_kind(text, q) else ""
    if rest:
        return rest
    must = _fact_segment(parts, q, scorer)
    pool = [clean(w) for w in windows(parts, lead, must, joined, _co_agents(parts, must, q))]
    pool = [w for w in pool if w]
    if q.kind in _FACT_KINDS and any(has_kind(w, q) for w in pool):
        pool = [w for w in pool if has_kind(w, q)]
    if q.unit and any(has_unit(w, q) for w in pool):
        pool = [w for w in pool if has_unit(w, q)]
    then = consequence(text, q, scorer)
    if then:
        head = " ".join(fold(w) for w in then.split()[:3])  # a stretch that reaches past "thì"
        pool = [w for w in pool if head in " ".join(fold(x) for x in w.split())] or pool
    if q.anchor:
        pool = _slot_first(pool, parts, lead, q)
    fitting = [w for w in pool if len(w) <= MAX_CHARS - 10]
    if not fitting:
        # no stretch fits: what follows the condition, else the sentence's opening, cut short
        rest = clean(then) if then else text
        return (
            rest if len(rest) <= MAX_CHARS - 10 else rest[: MAX_CHARS - 12].rsplit(" ", 1)[0] + " …"
        )
    ends = {clean(p) for p in parts if p.rstrip().endswith((";", ".", "!", "?"))}
    ends.add(clean(parts[-1]))

    def complete(window: str) -> bool:
        """The window runs to the end of a clause rather than stopping at a comma."""
        return any(window.endswith(e) for e in ends if e)

    return max(fitting, key=lambda w: (_value(w, q, scorer, complete(w)), -len(w)))


def grounded_in(answer: str, passage: str) -> bool:
    """Every figure the answer states stands in the passage it cites."""
    figures = re.findall(r"\d+(?:[.,/]\d+)*", answer)
    return all(f in passage for f in figures)
