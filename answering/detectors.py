"""Fact detectors: does a piece of text hold the kind of fact a question asks for — a number it
does not already state, a date, an article reference, a person, a place, an agency — with the
unit it counts and in the slot it names?"""

from __future__ import annotations

import re
from functools import lru_cache

from answering.question import Question
from answering.question_kind import Kind
from answering.question_names import DOC_NUMBER, capitalised_runs
from vntext.quantities import numbers, quantity_text, same_number
from vntext.terms import FOLDED_STOPWORDS, fold, folded_syllables

_DAY = re.compile(r"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|\bngày\s+\d{1,2}\s+tháng\s+\d{1,2}", re.I)
_DATE = re.compile(
    r"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|\bngày\s+\d{1,2}\s+tháng\s+\d{1,2}"
    r"|\b(?:tháng|quý)\s+\d{1,2}(?:/\d{4})?",
    re.I,
)
# a document cited with its date ("Công văn số 2553/BGDĐT-GDTX ngày 18 tháng 4 năm 2013"): the
# day that document was issued, not when what the sentence says happens
_CITED_DATE = re.compile(
    DOC_NUMBER.pattern
    + r"\s+(?:ngày\s+)?(?:\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?)",
    re.I,
)
_REFERENCE = re.compile(r"\b(?:Điều|điều|khoản|điểm)\s+\d+|\bcác điều sau đây")
_TITLED = re.compile(r"\b(?:đồng chí|ông|bà)\s+[A-ZĐ]")
# At a sentence's start "Ban hành", "Báo cáo", "Trường hợp", "Hội nghị" are no agency.
AGENCY = re.compile(
    r"\b(?:Sở|Ban(?! hành)|Ủy ban|UBND|HĐND|Công an|Bộ|Cục|Chi cục|Trung tâm|Văn phòng|Thanh tra"
    r"|Kho bạc|Bảo hiểm|Ngân hàng|Đài|Báo(?! cáo)|Liên đoàn|Hội(?! nghị)|Đoàn|Mặt trận|Quỹ"
    r"|Trường(?! hợp)|Bộ Chỉ huy|Cảng vụ|Tổng cục|Viện|Tòa án|Viện kiểm sát|Lực lượng)\b"
)
# An agency that acts ("Sở Y tế chủ trì", "(Sở Tài nguyên và Môi trường trình)", "giao Sở Tài
# chính") rather than one that owns or is merely named ("Kế hoạch của Ban Thường vụ").
_ACTS_AFTER = re.compile(
    r"^[^,;:()]{0,60}?\b(?:chủ trì|trình|tham mưu|thực hiện|phối hợp|có trách nhiệm|chịu trách"
    r"|hướng dẫn|tổ chức|triển khai|quản lý|theo dõi|rà soát|xây dựng|đề xuất|báo cáo)\b"
)
_ACTS_BEFORE = re.compile(r"\b(?:giao|đề nghị|yêu cầu|do|giao cho|phân cấp cho)\s*$", re.I)
_OWNED = re.compile(r"\bcủa\s*$")


def agency_role(text: str) -> float:
    """+1 when an agency in the text acts, -1 when every agency is only an owner ("của X")."""
    best = None
    for m in AGENCY.finditer(text):
        before, after = text[max(0, m.start() - 25) : m.start()], text[m.end() :]
        if _OWNED.search(before):
            role = -1.0
        elif _ACTS_BEFORE.search(before) or _ACTS_AFTER.match(after):
            return 1.0
        else:
            role = 0.0
        best = role if best is None else max(best, role)
    return best or 0.0


_PLACE = re.compile(r"\b(?:huyện|xã|tỉnh|thành phố|thị xã|thị trấn|phường|quận)\s+[A-ZĐ]", re.I)
# Words that make a figure a target rather than a result ("phấn đấu đạt 100%").
# "đảm bảo" sets a goal only before its figure ("đảm bảo 100% hồ sơ"); "đảm bảo kinh phí chi
# tiền lương … theo mức lương cơ sở 2.340.000 đồng" states what a norm covers.
_TARGET = re.compile(
    r"\b(?:phan dau|muc tieu|chi tieu|yeu cau|toi thieu|du kien|it nhat)\b"
    r"|\b(?:dam bao|bao dam)(?: \w+){0,2} \d"
)


def is_target(text: str) -> bool:
    """A figure set as a goal ("phấn đấu đạt 100%"), not one reported."""
    return bool(_TARGET.search(" ".join(folded_syllables(text))))


# Money asked ("mức tiền thưởng bao nhiêu", "bao nhiêu tiền", "lệ phí là bao nhiêu"): a count
# ("một lần") is no answer; an amount, a share or a multiple of the base salary is.
_MONEY = re.compile(
    r"\d[\d.,]*\s*(?:%|đồng|đ\b|VNĐ|USD|triệu|tỷ|tỉ|nghìn|ngàn)|\blần\s+(?:mức\s+)?lương"
    r"|\((?:triệu |nghìn |ngàn |tỷ )?(?:đồng|đ|VNĐ)\b|\bđơn vị(?: tính)?:\s*(?:triệu |nghìn )?đồng",
    re.I,
)


_MONEY_ASKED = re.compile(
    r"\b(?:tiền|phí)\b[^?]{0,160}?\bbao nhiêu\b|\bbao nhiêu (?:tiền|đồng)\b"
    r"|\b(?:tien|le phi|hoc phi|kinh phi|chi phi|muc phi)\b[^?]{0,160}?\bbao nhieu\b"
    r"|\bbao nhieu (?:tien|dong)\b",
    re.I,
)
_MONEY_UNITS = frozenset(
    ["", "%", "tien", "dong", "trieu", "trieu dong", "nghin", "nghin dong", "ti", "ti dong"]
)


@lru_cache(maxsize=1024)
def _asks_money(question: str, unit: str) -> bool:
    return unit in _MONEY_UNITS and bool(_MONEY_ASKED.search(question))


def asks_money(q: Question) -> bool:
    """Does the question ask for an amount of money ("mức tiền thưởng … bao nhiêu", "mức phí
    … là bao nhiêu", "bao nhiêu đồng")? With accents "tiền" is money and "tiến độ", "ưu tiên"
    are not; without them only the unambiguous pairs count. A question that counts something
    else ("học phí … bao nhiêu học sinh") asks no money."""
    return _asks_money(q.text, q.unit)


_RATE_NAMED = re.compile(r"\bt[yi] le\s+(?:(?:cua|so)\s+)?([^\W\d]+(?:\s+[^\W\d]+)?)")


@lru_cache(maxsize=1024)
def rate_measure(question: str) -> tuple[str, ...]:
    """What a rate the question asks is the share of ("tỷ lệ hộ nghèo … là bao nhiêu" →
    ("ho", "ngheo")), folded, its stopwords left out: a percentage of something else ("tỷ lệ hồ
    sơ trễ hạn là 3,5%") is not the answer."""
    m = _RATE_NAMED.search(" ".join(folded_syllables(question)))
    if not m:
        return ()
    return tuple(w for w in m.group(1).split() if w not in FOLDED_STOPWORDS)


def new_numbers(text: str, q: Question) -> list[str]:
    """Quantities the question does not already state: the answer is not the condition."""
    stated = set(q.numbers)
    return [n for n in numbers(text) if same_number(n) not in stated]


# "hết hiệu lực thi hành kể từ …" is when something else ends, not when this takes effect.
_NOT_ENDED = r"(?<!het )(?<!het hieu luc )(?<!dut )(?<!dut hieu luc )"
_CLAUSE_END = re.compile(r"[;…]")


@lru_cache(maxsize=1024)
def _anchor_pattern(anchor: str) -> re.Pattern[str]:
    return re.compile(
        rf"{_NOT_ENDED}\b{re.escape(anchor)}\b(?:\s+\S+){{0,6}}?\s+"
        r"(?:\d|ngay (?:ky|ban hanh|thong qua)|(?:ke )?tu (?:ngay|thoi diem|khi)"
        # "Thời điểm chuyển quyền sở hữu … là thời điểm bên mua nhận được …": a moment named
        r"|la (?:thoi diem|ngay|khi)"
        r"|tu chung than|tu hinh)"
    )


def has_anchor(text: str, q: Question) -> bool:
    """The asked-for slot filled: "phạt tù từ 03 năm" for "phạt tù từ bao nhiêu năm", within
    one clause (a list item's date does not fill its lead-in's slot)."""
    if not q.anchor:
        return False
    pattern = _anchor_pattern(q.anchor)
    return any(pattern.search(" ".join(folded_syllables(c))) for c in _CLAUSE_END.split(text))


_FIGURE_WORDS = r"(?:\d[\d.,/]*|mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin|muoi|tram|nghin)"
# a figure in words repeated in digits, as legal texts write it: "sáu (06) giờ"
_IN_DIGITS = r"(?:\s*\(\d[\d.,]*\))?"
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
    return bool(re.search(rf"\b{_FIGURE_WORDS}{_IN_DIGITS}\s+(?:\w+\s+)?{unit}\b", folded))


# a law by its name ("Bộ luật hình sự", "Luật Đất đai"), not "Bộ luật này"
_LAW_NAME = re.compile(r"\b(?:Bộ luật|Luật|Pháp lệnh) (?!này\b|khác\b|có\b)[^\W\d]")
# Kinds where an answer without such a fact is no answer.
STRICT_KINDS = (Kind.NUMBER, Kind.DATE, Kind.REFERENCE, Kind.DOCUMENT)
_WHEN = re.compile(r"\b(?:thời điểm|thời hạn|kể từ|trước|sau khi|trong thời gian|khi)\b", re.I)


# "Quyết định số 295/QĐ-UBND … là về việc gì?", "… ban hành nội dung gì?": what a document the
# question names is about, which a citing sentence says after its number: "tại Quyết định
# 295/QĐ-UBND ngày 18/02/2022 về việc tạm ứng …".
_ABOUT_ASKED = re.compile(r"\b(?:ve (?:viec |noi dung )?gi|noi dung (?:la )?gi)\b")
_ABOUT_SAID = re.compile(r"^[^.;]{0,90}?\b(?:ve viec|ve|ban hanh|phe duyet|quy dinh|huong dan)\b")


@lru_cache(maxsize=1024)
def _named_asked_about(question: str) -> frozenset[str]:
    """The (folded) numbers of the documents a question asks what they are about: read once
    per question, not once per candidate sentence."""
    if not _ABOUT_ASKED.search(" ".join(folded_syllables(question))):
        return frozenset()
    return frozenset(fold(n) for n in DOC_NUMBER.findall(question))


def describes_named(text: str, q: Question) -> bool | None:
    """For a question asking what a document it names is about: does the text name that
    document and say what it is about? None for other questions."""
    asked = _named_asked_about(q.text) if q.kind == Kind.WHAT else frozenset()
    if not asked:
        return None
    folded = " ".join(fold(w) for w in text.split())
    for number in asked:
        at = folded.find(number)
        if at >= 0 and _ABOUT_SAID.search(folded[at + len(number) :]):
            return True
    return False


# a question about when a document was issued, signed or passed: a cited date may answer it
_ISSUE = re.compile(r"\b(?:ban hanh|thong qua|(?<!dinh )k[yi])\b")


@lru_cache(maxsize=1024)
def _asks_issue(question: str) -> bool:
    return bool(_ISSUE.search(" ".join(folded_syllables(question))))


_DURATION_ASKED = re.compile(r"\bbao (?:lâu|lau)\b(?!\s+(?:một|mot|1)\s+lần)", re.I)
_DURATION = re.compile(
    r"(?:\d|\b(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|mươi|lăm|nửa))\s*"
    r"(?:\([^()]{1,20}\)\s*)?(?:năm|tháng|ngày|giờ|tuần|phút|quý)\b",
    re.I,
)
_ORDINAL_ASKED = re.compile(r"\bthứ (?:mấy|bao nhiêu)\b", re.I)
_ORDINAL = re.compile(r"\bthứ (?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười|\d+)\b", re.I)


def has_kind(text: str, q: Question) -> bool:
    """Does the text hold the kind of fact the question asks for?"""
    match q.kind:
        case "what":
            return describes_named(text, q) is not False
        case "when":
            text = _CITED_DATE.sub(" ", text)
            return bool(_DATE.search(text) or _WHEN.search(text))
        case "number":
            if _ORDINAL_ASKED.search(q.text) and _ORDINAL.search(text):
                return True  # "hàng thừa kế thứ mấy?" — "Hàng thừa kế thứ hai gồm …"
            if _DURATION_ASKED.search(q.text) and not _DURATION.search(text):
                return False  # "kéo dài bao lâu" is not answered by "một phần hai thời gian"
            return bool(new_numbers(text, q)) and (not asks_money(q) or bool(_MONEY.search(text)))
        case "date":
            text = text if _asks_issue(q.text) else _CITED_DATE.sub(" ", text)
            return bool((_DAY if q.day_asked else _DATE).search(text))
        case "document":  # a document the question does not already name, or a law by name
            return bool(_LAW_NAME.search(text)) or any(
                fold(n) not in q.entities for n in DOC_NUMBER.findall(text)
            )
        case "reference":
            return bool(_REFERENCE.search(text))
        case "person":
            return bool(_TITLED.search(text)) or any(
                len(r.split()) >= 3 for r in capitalised_runs(text)
            )
        case "place":
            return bool(_PLACE.search(text))
        case "agency":
            return bool(AGENCY.search(text))
    return True


def defines(sentence: str, subject: str) -> bool:
    """Does the sentence define the (folded) subject?"""
    return is_definition(" ".join(fold(w) for w in sentence.split()), subject)


@lru_cache(maxsize=50_000)
def is_definition(sentence_f: str, subject: str) -> bool:
    """ "Hình phạt là biện pháp…" defines "hình phạt" (both folded)."""
    body = re.sub(r"^[\W\d]*(?:[a-z]\)\s*)?", "", sentence_f)
    return body.startswith(f"{subject} la ")
