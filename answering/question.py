"""What a question asks for and what it is about, read once per question: its kind, the named
things the answer must mention, its content words, and the slot it asks to fill. Works on
unaccented, lower-case questions too."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from answering.question_kind import ABOUT_CITED, Kind, Wants, cites_other, kind_of, wants_of
from answering.question_names import (
    DOC_NUMBER,
    YEAR,
    asked_years,
    capitalised_runs,
    named_doc,
    place_names,
)
from answering.question_slots import (
    DEFINITION_FRAME,
    LIST_FRAME,
    anchor_of,
    content_pairs,
    opening_article,
    subject_of,
    unit_of,
)
from answering.yes_no import FRAME_WORDS, yes_no_frame
from vntext.quantities import numbers, same_number
from vntext.terms import STOPWORDS, fold, has_diacritics, syllables

_PERIODIC = re.compile(r"\bdinh k[yi]\b")
_PERIODIC_WORDS = syllables("định kỳ")
_KINDS_LISTED = re.compile(r"\b(?:nhung|cac) loai\b(?! hinh)")
_CIRCUMSTANCE = re.compile(r"\b(?:trong|voi|o) (?:dieu kien|hoan canh) nao thi\b")
_DAY_ASKED = re.compile(r"\bngay (?:nao|may|bao nhieu)\b|\bvao ngay\b")


@dataclass
class Question:
    text: str
    kind: Kind
    accented: bool
    entities: list[str] = field(default_factory=list)  # folded names that evidence must mention
    years: list[str] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)  # folded content syllables
    accented_terms: list[str] = field(default_factory=list)  # the same, accents kept
    pairs: list[str] = field(default_factory=list)  # folded bigrams of adjacent content syllables
    unit: str = ""  # what is counted: "%" or the folded word after "bao nhiêu" ("tieu chi")
    named_doc: str = ""  # a document the question names by title: "bo luat hinh su"
    subject: str = ""  # for "X là gì?": X, folded ("hinh phat")
    numbers: list[str] = field(default_factory=list)  # figures the question states ("02", "500")
    article: str = ""  # the article the question opens by naming: "Theo Điều 32, …" → "32"
    wants: Wants = Wants.FACT
    anchor: str = ""  # folded words just before "bao nhiêu": "phat tu" in "phạt tù từ bao nhiêu"
    day_asked: bool = False  # "ngày nào": a month alone ("tháng 3") does not answer
    yes_no: str = ""  # "co" | "da" | "dung" when the question asks yes or no
    cites_other: bool = False  # about a document the notice cites ("được dẫn trong …")
    issuer_asked: bool = False  # which body issued a cited document: the owner, "của X"


_AT_LEAST = re.compile(r"\bit nhat\b|\bkhong (?:it hon|duoi|thap hon)\b")


def analyse(text: str) -> Question:
    accented = has_diacritics(text)
    folded = " ".join(fold(s) for s in text.split())
    entities = place_names(text, accented)
    if accented:
        entities += [
            r for r in capitalised_runs(text) if not any(r in e or e in r for e in entities)
        ]
    entities += [fold(n) for n in DOC_NUMBER.findall(text)]
    # A document number is an entity, not words: "310/KH-UBND" adds no "kh", "ubnd" terms.
    sylls = syllables(DOC_NUMBER.sub(" ", text))
    # "bao lâu", "bao giờ" ask a question; their second syllable is no topic word
    asked = {i + 1 for i, s in enumerate(sylls[:-1]) if fold(s) == "bao"}
    # Figures the question states are conditions to match ("500 cây"); years are gates.
    subject, wants = subject_of(text), wants_of(folded)
    # "định nghĩa", "mô tả", "liệt kê" say what kind of answer is wanted, not what about
    yes_no = yes_no_frame(text)
    frame = (DEFINITION_FRAME if subject else frozenset()) | (LIST_FRAME if wants else frozenset())
    frame |= FRAME_WORDS if yes_no else frozenset()
    # "quy định thế nào về tên gọi của pháp nhân": every article "quy định"; the topic is after
    frame |= frozenset(["quy", "dinh"]) if wants == Wants.WHOLE else frozenset()
    # "bao gồm những loại nào": "loại" asks for the members, the law lists them without it
    frame |= frozenset(["loai"]) if _KINDS_LISTED.search(folded) else frozenset()
    # "trong điều kiện nào thì …" asks under what circumstances; the law states the case itself
    # ("Người lao động nhập ngũ … thì không được …"), not the word "điều kiện"
    frame |= frozenset(["dieu", "kien"]) if _CIRCUMSTANCE.search(folded) else frozenset()
    accented_terms = [
        s
        for i, s in enumerate(sylls)
        if s not in STOPWORDS and fold(s) not in frame and not YEAR.fullmatch(s) and i not in asked
    ]
    kind = kind_of(folded)
    if yes_no and kind in ABOUT_CITED:  # "… có hiệu lực ngay từ ngày ký không?": yes or no
        kind = Kind.FACT
    pairs = [p for p in content_pairs(sylls) if not frame & set(p.split("_"))]
    if kind == Kind.PERIOD and not _PERIODIC.search(folded):
        # "bao lâu một lần" is written "định kỳ …" in the notices: "Định kỳ hàng quý báo cáo",
        # "sao lưu … định kỳ tối thiểu 01 tuần/lần"
        accented_terms += _PERIODIC_WORDS
        pairs += content_pairs(_PERIODIC_WORDS)
    # "ít nhất bằng bao nhiêu": the bound is asked too, in the words the text may use for it
    # ("nhưng ít nhất bằng 02 tháng tiền lương" reads as "tối thiểu", answering/coverage.py)
    if _AT_LEAST.search(folded) and "thiểu" not in accented_terms:
        accented_terms += ["tối", "thiểu"]
        pairs += ["toi_thieu"]
    terms = [fold(s) for s in accented_terms]
    return Question(
        text=text,
        kind=kind,
        accented=accented,
        entities=list(dict.fromkeys(entities)),
        years=asked_years(text),
        terms=terms,
        accented_terms=accented_terms,
        pairs=pairs,
        unit=unit_of(sylls, accented),
        named_doc=named_doc(text),
        subject=subject,
        numbers=[same_number(n) for n in numbers(text)],
        anchor=anchor_of(sylls, frozenset(w for e in entities for w in e.split())),
        wants=wants,
        article=opening_article(text),
        day_asked=bool(_DAY_ASKED.search(folded)),
        yes_no=yes_no,
        cites_other=cites_other(folded, len(DOC_NUMBER.findall(text))),
    )
