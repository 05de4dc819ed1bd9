"""What a question asks for (a number, a date, a person, a place…) and which named things it is
about. Works on unaccented, lower-case questions too: patterns match the folded text."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from vntext.quantities import numbers, same_number
from vntext.terms import STOPWORDS, fold, has_diacritics, syllables

_DOC_KINDS = r"(?:quyet dinh|ke hoach|thong bao|chi thi|nghi quyet|van ban)"
# (kind, folded patterns). First match wins, so the more specific kinds come first.
_KINDS: list[tuple[str, tuple[str, ...]]] = [
    (
        "signer",
        (
            r"\bai ky\b",
            r"\bnguoi ky\b",
            r"\bky (?:ban hanh|thong bao|quyet dinh|van ban|ke hoach|chi thi)",
        ),
    ),
    (
        "issuer",
        (
            r"\b(?:co quan|don vi|cap) nao ban hanh\b",
            r"\bai ban hanh\b",
            r"\bdo (?:co quan|don vi) nao\b",
        ),
    ),
    (
        "doc_number",
        (
            r"\bso hieu\b",
            rf"\b{_DOC_KINDS} so (?:bao nhieu|may)\b",
            rf"\bso (?:cua )?{_DOC_KINDS} (?:la gi|la bao nhieu)\b",
        ),
    ),
    (
        "issued",
        (
            r"\bban hanh (?:ngay|vao ngay|khi) (?:nao|bao gio|may)\b",
            r"\bngay ban hanh\b",
            r"\bky (?:ngay|vao ngay) nao\b",
            r"\bngay ky\b",
        ),
    ),
    (
        "date",
        (
            r"\bngay nao\b",
            r"\bthoi gian nao\b",
            r"\bngay bao nhieu\b",
            r"\bhan chot\b",
            r"\bthang nao\b",
            r"\bnam nao\b",
            r"\bngay may\b",
        ),
    ),
    ("when", (r"\bkhi nao\b", r"\bbao gio\b", r"\bluc nao\b")),
    (
        "reference",  # which article or clause: "quy định tại điều mấy"
        (
            r"\b(?:tai|o|theo) (?:cac |mot trong cac )?(?:dieu|khoan|diem) (?:may|nao|bao nhieu)\b",
            r"\b(?:dieu|khoan) (?:may|so may)\b",
        ),
    ),
    ("person", (r"\bai\b", r"\bnguoi nao\b", r"\bdong chi nao\b")),
    (
        "agency",
        (
            r"\b(?:co quan|don vi|so|ban|nganh|to chuc|bo|cap|bo phan|luc luong) nao\b",
            r"\b(?:chu tri|phu trach|tham muu)\b.*\bnao\b",
        ),
    ),
    (
        "place",
        (
            r"\b(?:huyen|xa|tinh|thanh pho|thi xa|phuong|quan|dia phuong) nao\b",
            r"\bo dau\b",
        ),
    ),
    (
        "number",
        (
            r"\bbao nhieu\b",
            r"\bbao lau\b",
            r"\bmay\b",
            r"\bt[yi] le\b",
            r"\bthu may\b",
            r"\bxep hang\b",
            r"\bmuc\b.*\bla\b",
        ),
    ),
    ("when", (r"\bthoi han\b", r"\bthoi diem\b")),
    ("what", (r"\b(?:van de|noi dung|viec) gi\b", r"\bve gi\b", r"\bla gi\b", r"\bgi\b")),
]
_FOLDED_STOPWORDS = frozenset(fold(w) for w in STOPWORDS)
# Unaccented words that end a place name ("xa tam gia dat …"); "chi", "minh" may be names.
_NAME_BOUNDARY = frozenset(
    [
        "cua",
        "la",
        "dat",
        "co",
        "duoc",
        "nam",
        "va",
        "trong",
        "tai",
        "theo",
        "ve",
        "voi",
        "cho",
        "da",
        "dang",
        "se",
        "bao",
        "nhieu",
        "may",
        "nao",
        "gi",
        "hien",
        "con",
        "thi",
        "tu",
        "den",
        "nhu",
        "ai",
        "ky",
        "giao",
        "nhan",
    ]
)
_PLACE_MARKERS = (
    "thành phố",
    "thị xã",
    "thị trấn",
    "xã",
    "huyện",
    "tỉnh",
    "phường",
    "quận",
    "tp",
    "tp.",
)
_FOLDED_MARKERS = tuple(fold(m) for m in _PLACE_MARKERS)
_DOC_NUMBER = re.compile(
    r"\b\d+[A-Za-z]?(?:/\d{4})?[/-][A-ZĐ][A-ZĐa-zđ0-9/-]*[A-ZĐ0-9]\b", re.IGNORECASE
)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def _is_capitalised(word: str) -> bool:
    return len(word) > 1 and word[0].isupper() and word[1:].islower() and word.isalpha()


# Capitalised words that name institutions or roles in general, not one place or person.
_GENERIC = frozenset(
    w.lower()
    for w in [
        "Ban",
        "Thường",
        "Vụ",
        "Tỉnh",
        "Ủy",
        "Sở",
        "Chủ",
        "Tịch",
        "Phó",
        "Nhân",
        "Dân",
        "Chính",
        "Phủ",
        "Nhà",
        "Nước",
        "Quốc",
        "Hội",
        "Phòng",
        "Đảng",
        "Trung",
        "Ương",
        "Bộ",
        "Cục",
        "Tổ",
        "Công",
        "Tác",
        "Đoàn",
        "Kiểm",
        "Tra",
        "Đồng",
        "Chí",
        "Thủ",
        "Tướng",
        "Nghị",
        "Quyết",
        "Định",
        "Thông",
        "Báo",
        "Kế",
        "Hoạch",
        "Chỉ",
        "Thị",
        "Luật",
        "Chương",
        "Trình",
        "Mục",
        "Tiêu",
        "Ủy",
        "Ban",
        "Hội",
        "Đồng",
        "Phiên",
        "Họp",
        "Tỷ",
        "Lệ",
        "Năm",
        "Tháng",
        "Ngày",
        "Trong",
        "Theo",
        "Tại",
        "Của",
        "Các",
        "Những",
        "Diện",
        "Tích",
        "Giá",
        "Xã",
        "Huyện",
        "Thành",
        "Phố",
        "Thị",
        "Trấn",
        "Phường",
        "Quận",
        "Điều",
        "Khoản",
        "Điểm",
        "Mặt",
        "Trận",
        "Tổ",
        "Quốc",
        "Việt",
        "Nam",
        "Cộng",
        "Hòa",
    ]
)


@dataclass
class Question:
    text: str
    # signer | issuer | doc_number | issued | date | when | reference | person | agency | place
    # | number
    # | what | fact
    kind: str
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
    wants: str = ""  # "list": every case ("trong trường hợp nào"); "whole": what a rule says
    anchor: str = ""  # folded words just before "bao nhiêu": "phat tu" in "phạt tù từ bao nhiêu"


# Questions whose answer is a whole list or a whole article, matched on folded text.
_WANTS_WHOLE = re.compile(
    r"\b(?:quy dinh (?:nhu |ra )?the nao ve|quy dinh gi ve|quy dinh ra sao ve|mo ta|neu noi dung"
    r"|liet ke)\b"
)
_WANTS_LIST = re.compile(
    r"\b(?:truong hop nao|nhung truong hop|nhung gi|gom nhung|gom gi|bao gom nhung|nhung ai"
    r"|nhung (?:viec|noi dung|quyen|nghia vu|dieu kien|hanh vi|bien phap|loai|yeu cau|nhiem vu)"
    r"|(?:cac|nhung) (?:\w+ ){1,3}nao|bao gom\b.*\bnao)\b"
)


_OPENS_WITH_ARTICLE = re.compile(r"^(?:(?:theo|trong|tại|căn cứ|ở)\s+)?điều\s+(\d+[a-z]?)\b", re.I)


def _wants(folded: str) -> str:
    if _WANTS_WHOLE.search(folded):
        return "whole"
    return "list" if _WANTS_LIST.search(folded) else ""


def _kind(folded: str) -> str:
    for kind, patterns in _KINDS:
        if any(re.search(p, folded) for p in patterns):
            return kind
    return "fact"


def _place_names(text: str, accented: bool) -> list[str]:
    """Names after a place marker: "xã Tam Gia" → "tam gia"; unaccented: the next two syllables."""
    words = text.split()
    folded_words = [fold(w.strip(",.?!;:()")) for w in words]
    names: list[str] = []
    i = 0
    while i < len(words):
        marker_len = 0
        for m in sorted(_FOLDED_MARKERS, key=len, reverse=True):
            n = len(m.split())
            if " ".join(folded_words[i : i + n]) == m:
                marker_len = n
                break
        if not marker_len:
            i += 1
            continue
        j = i + marker_len
        name: list[str] = []
        if words[j - 1][-1:] in ",.?!;:":  # "UBND tỉnh, Chủ tịch": the marker ends the phrase
            i = j
            continue
        while j < len(words) and len(name) < 4:
            raw = words[j].strip(",.?!;:()")
            if accented and (not _is_capitalised(raw) or (not name and raw.lower() in _GENERIC)):
                break
            if not accented and (len(name) == 2 or fold(raw) in _NAME_BOUNDARY):
                break
            name.append(fold(raw))
            if raw != words[j]:  # punctuation ends the name
                break
            j += 1
        if name:
            names.append(" ".join(name))
        i = j
    return names


def capitalised_runs(text: str) -> list[str]:
    """Runs of two or more capitalised syllables that are not generic institution words:
    names of places and people ("Lộc Bình", "Hồ Tiến Thiệu"), folded."""
    words = [w.strip(',.?!;:()"“”') for w in text.split()]
    runs: list[str] = []
    current: list[str] = []
    for w in [*words, ""]:
        if _is_capitalised(w) and w.lower() not in _GENERIC:
            current.append(fold(w))
            continue
        if len(current) >= 2:
            runs.append(" ".join(current))
        current = []
    return runs


def _unit(sylls: list[str], accented: bool) -> str:
    """ "bao nhiêu tiêu chí" → "tieu chi"; a rate or a percentage → "%"."""
    folded = [fold(s) for s in sylls]
    joined = " ".join(folded)
    if re.search(r"\b(?:t[yi] le|phan tram)\b", joined):
        return "%"
    for i, word in enumerate(folded):
        if word == "may" or (word == "nhieu" and i > 0 and folded[i - 1] == "bao"):
            stop = STOPWORDS if accented else _FOLDED_STOPWORDS
            source = sylls if accented else folded
            unit: list[str] = []
            for nxt in source[i + 1 : i + 3]:
                if nxt in stop or nxt[0].isdigit():
                    break
                unit.append(fold(nxt))
            return " ".join(unit)
    return ""


def _content_pairs(sylls: list[str]) -> list[str]:
    return [
        f"{fold(a)}_{fold(b)}"
        for a, b in itertools.pairwise(sylls)
        if a not in STOPWORDS and b not in STOPWORDS and not a.isdigit() and not b.isdigit()
    ]


_NAMED_BY_YEAR = re.compile(
    r"\b(?:bộ luật|luật|nghị định|nghị quyết|thông tư|quyết định|pháp lệnh|hiến pháp)\b"
    r"[^,.?;]{0,60}?\b(?:năm\s+)?((?:19|20)\d{2})\b",
    re.I,
)


def _asked_years(text: str) -> list[str]:
    """Years the answer must be about; "Bộ luật Hình sự năm 2017" names a law, not a period."""
    naming = set(_NAMED_BY_YEAR.findall(text))
    return [y for y in _YEAR.findall(text) if y not in naming]


_NAMED_DOC = re.compile(
    r"\b((?:bộ luật|luật|pháp lệnh|nghị định|thông tư|quyết định|nghị quyết|kế hoạch|chỉ thị)"
    r"(?:\s+[A-ZĐ][\wà-ỹđ]*)(?:\s+[\wà-ỹđ]+){0,3}?)(?=\s+(?:năm|số|\d)|[,?.;]|\s+(?:của|về|thì|quy))",
    re.I,
)
_DEFINITION = re.compile(
    r"^(?:theo [^,]+,\s*|.{0,60}?\bquy định\s+)?"
    r"(?:(?:định nghĩa|khái niệm)(?:\s+(?:của|về))?\s+(?P<a>.{3,60}?)"
    r"|thế nào là\s+(?P<b>.{3,60}?)"
    r"|(?P<c>.{3,60}?)\s+(?:là|được hiểu là)\s+(?:gì|ai|người\s+(?:như\s+)?thế\s+nào))"
    r"\s*[?.]?$",
    re.I,
)


def _named_doc(text: str) -> str:
    """A document named by its title ("Bộ luật Hình sự", "Luật An ninh mạng"), folded."""
    m = _NAMED_DOC.search(text)
    if not m:
        return ""
    words = m.group(1).split()
    type_len = 2 if fold(words[0]) in ("bo", "phap", "nghi", "thong", "quyet", "ke", "chi") else 1
    name = words[type_len:]
    if len(name) < 1 or (not name[0][0].isupper() and text != text.lower()):
        return ""
    return " ".join(fold(w) for w in words)


_DEFINITION_FRAME = frozenset(["quy", "dinh", "nghia", "khai", "niem", "hieu"])
_LIST_FRAME = frozenset(["mo", "ta", "liet", "ke", "neu"])


def _subject(text: str) -> str:
    """What "X là gì?", "Định nghĩa của X?", "Thế nào là X?" ask to define, folded."""
    m = _DEFINITION.match(text.strip())
    if not m:
        return ""
    subject = next(g for g in m.group("a", "b", "c") if g).split(",")[-1]
    return " ".join(fold(w) for w in subject.strip("\"“”'‘’ ").split())


# Words between the topic and "bao nhiêu" that do not name the slot: "phạt tù từ bao nhiêu".
_SLOT_LINKS = frozenset(
    ["từ", "đến", "tới", "tối", "đa", "lên", "là", "khoảng", "thiểu", "dưới", "trên"]
)
_FOLDED_SLOT_LINKS = frozenset(fold(w) for w in _SLOT_LINKS)


def _anchor(sylls: list[str]) -> str:
    """The one or two topic syllables right before the first "bao nhiêu/bao lâu/mấy": the
    answer is the figure that follows them in the text ("phạt tù từ 03 năm")."""
    folded = [fold(s) for s in sylls]
    at = next(
        (
            i
            for i, w in enumerate(folded)
            if w == "may" or (w == "bao" and folded[i + 1 : i + 2] in (["nhieu"], ["lau"]))
        ),
        None,
    )
    if at is None:
        return ""
    i = at - 1
    links = _FOLDED_SLOT_LINKS if sylls == folded else _SLOT_LINKS
    while i >= 0 and sylls[i] in links:
        i -= 1
    words: list[str] = []
    while i >= 0 and len(words) < 2 and sylls[i] not in STOPWORDS and not sylls[i][0].isdigit():
        words.insert(0, folded[i])
        i -= 1
    return " ".join(words)


def analyse(text: str) -> Question:
    accented = has_diacritics(text)
    folded = " ".join(fold(s) for s in text.split())
    entities = _place_names(text, accented)
    if accented:
        entities += [
            r for r in capitalised_runs(text) if not any(r in e or e in r for e in entities)
        ]
    entities += [fold(n) for n in _DOC_NUMBER.findall(text)]
    # A document number is an entity, not words: "310/KH-UBND" adds no "kh", "ubnd" terms.
    sylls = syllables(_DOC_NUMBER.sub(" ", text))
    # "bao lâu", "bao giờ" ask a question; their second syllable is no topic word
    asked = {i + 1 for i, s in enumerate(sylls[:-1]) if fold(s) == "bao"}
    # Figures the question states are conditions to match ("500 cây"); years are gates.
    subject, wants = _subject(text), _wants(folded)
    # "định nghĩa", "mô tả", "liệt kê" say what kind of answer is wanted, not what about
    frame = (_DEFINITION_FRAME if subject else frozenset()) | (
        _LIST_FRAME if wants else frozenset()
    )
    accented_terms = [
        s
        for i, s in enumerate(sylls)
        if s not in STOPWORDS and fold(s) not in frame and not _YEAR.fullmatch(s) and i not in asked
    ]
    terms = [fold(s) for s in accented_terms]
    return Question(
        text=text,
        kind=_kind(folded),
        accented=accented,
        entities=list(dict.fromkeys(entities)),
        years=_asked_years(text),
        terms=terms,
        accented_terms=accented_terms,
        pairs=[p for p in _content_pairs(sylls) if not frame & set(p.split("_"))],
        unit=_unit(sylls, accented),
        named_doc=_named_doc(text),
        subject=subject,
        numbers=[same_number(n) for n in numbers(text)],
        anchor=_anchor(sylls),
        wants=wants,
        article=m.group(1) if (m := _OPENS_WITH_ARTICLE.match(text.strip())) else "",
    )
