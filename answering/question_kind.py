"""What kind of answer a question asks for (a number, a date, a person…) and whether it wants a
whole list or article. Patterns match the folded (unaccented, lower-case) question."""

from __future__ import annotations

import re
from enum import StrEnum


class Kind(StrEnum):
    SIGNER = "signer"
    ISSUER = "issuer"
    DOC_NUMBER = "doc_number"
    ISSUED = "issued"
    DATE = "date"
    WHEN = "when"
    PERIOD = "period"  # how often: "định kỳ bao lâu một lần" ("hằng quý", "06 tháng/lần")
    REFERENCE = "reference"
    DOCUMENT = "document"  # which document: "làm hết hiệu lực nghị quyết nào"
    PERSON = "person"
    AGENCY = "agency"
    PLACE = "place"
    NUMBER = "number"
    WHAT = "what"
    FACT = "fact"


class Wants(StrEnum):
    FACT = ""  # one fact
    LIST = "list"  # every case: "trong trường hợp nào"
    WHOLE = "whole"  # what a rule says: "quy định thế nào về"


_DOC_KINDS = r"(?:quyet dinh|ke hoach|thong bao|chi thi|nghi quyet|van ban)"
# kinds a provincial notice cites but does not itself take: "theo quy định của Nghị định nào"
_CITED_KINDS = r"(?:nghi dinh|thong tu|bo luat|luat|phap lenh|cong van|bao cao|to trinh)"
# (kind, folded patterns). First match wins, so the more specific kinds come first.
_KINDS: list[tuple[Kind, tuple[str, ...]]] = [
    (
        Kind.SIGNER,
        (
            r"\bai ky\b",
            r"\bnguoi ky\b",
            r"\bky (?:ban hanh|thong bao|quyet dinh|van ban|ke hoach|chi thi)",
        ),
    ),
    (
        Kind.ISSUER,
        (
            r"\b(?:co quan|don vi|cap) nao ban hanh\b",
            r"\bai ban hanh\b",
            # "Kế hoạch này do cơ quan nào?"; not "… do cơ quan nào chủ trì?", a task's lead
            r"\bdo (?:co quan|don vi) nao\b(?! *\w)",
        ),
    ),
    (
        Kind.DOC_NUMBER,
        (
            r"\bso hieu\b",
            rf"\b{_DOC_KINDS} so (?:bao nhieu|may)\b",
            rf"\bso (?:cua )?{_DOC_KINDS} (?:la gi|la bao nhieu)\b",
        ),
    ),
    (
        Kind.DOCUMENT,
        (
            # "quyết định năm 2024 nào": the year it was issued may come before "nào"
            rf"\b(?:{_DOC_KINDS}|{_CITED_KINDS})(?: nam \d{{4}})? nao\b",
            r"\b(?:bao cao|cong van|nghi dinh|thong tu|luat|quyet dinh) so (?:bao nhieu|may)\b",
        ),
    ),
    (
        Kind.ISSUED,
        (
            r"\bban hanh (?:ngay|vao ngay|khi) (?:nao|bao gio|may)\b",
            r"\bngay ban hanh\b",
            r"\bky (?:ngay|vao ngay) nao\b",
            r"\bngay ky\b",
        ),
    ),
    (
        Kind.DATE,
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
    (Kind.WHEN, (r"\bkhi nao\b", r"\bbao gio\b", r"\bluc nao\b")),
    # how often, answered in words ("định kỳ hằng quý", "mỗi tháng một lần") or by a figure
    (
        Kind.PERIOD,
        (
            r"\b(?:bao lau|may (?:ngay|tuan|thang|quy|nam)) (?:mot|1) lan\b",
            r"\bdinh k[yi] (?:bao lau|nhu the nao|the nao|ra sao)\b",
            r"\btan suat\b",
        ),
    ),
    (
        Kind.REFERENCE,  # which article or clause: "quy định tại điều mấy"
        (
            r"\b(?:tai|o|theo) (?:cac |mot trong cac )?(?:dieu|khoan|diem) (?:may|nao|bao nhieu)\b",
            r"\b(?:dieu|khoan) (?:may|so may)\b",
        ),
    ),
    # on what basis: "được thực hiện trên cơ sở nào", "căn cứ vào đâu" ask for a principle or a
    # ground, not for a body ("sở" is also a department: "Sở nào chủ trì?")
    (Kind.WHAT, (r"\b(?:tren|dua tren|dua vao|theo|tu) co so nao\b", r"\bcan cu (?:vao )?dau\b")),
    (Kind.PERSON, (r"\bai\b", r"\bnguoi nao\b", r"\bdong chi nao\b")),
    (
        Kind.AGENCY,
        (
            r"\b(?:co quan|don vi|so|ban|nganh|to chuc|bo|cap|bo phan|luc luong) nao\b",
            r"\b(?:chu tri|phu trach|tham muu)\b.*\bnao\b",
        ),
    ),
    (
        Kind.PLACE,
        (
            r"\b(?:huyen|xa|tinh|thanh pho|thi xa|phuong|quan|dia phuong) nao\b",
            r"\bo dau\b",
        ),
    ),
    (
        Kind.NUMBER,
        (
            r"\bbao nhieu\b",
            r"\bbao lau\b",
            r"\bmay\b",
            r"\bt[yi] le\b",
            r"\bthu may\b",
            r"\bxep hang\b",
            r"\bmuc\b(?! dich| tieu)(?!.*\bla gi\b).*\bla\b",  # "mức … là", not "mục đích … là gì"
        ),
    ),
    (Kind.WHEN, (r"\bthoi han\b", r"\bthoi diem\b")),
    (Kind.WHAT, (r"\b(?:van de|noi dung|viec) gi\b", r"\bve gi\b", r"\bla gi\b", r"\bgi\b")),
]
# Documents other than the one answered from: "…, được dẫn trong Kế hoạch 172/KH-UBND, …".
_CITES_OTHER = re.compile(
    r"\b(?:duoc dan|dan trong|duoc neu|neu trong|lam can cu|vien dan|duoc nhac)\b"
)

# Kinds asked of a notice itself, and what they ask of a document the notice cites.
ABOUT_CITED = {
    Kind.ISSUED: Kind.DATE,
    Kind.SIGNER: Kind.PERSON,
    Kind.ISSUER: Kind.AGENCY,
    Kind.DOC_NUMBER: Kind.DOCUMENT,
}


def cites_other(folded: str, doc_numbers: int) -> bool:
    """Does the question ask about a document the notice cites, not the notice itself?"""
    return doc_numbers >= 2 or bool(_CITES_OTHER.search(folded))


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


def wants_of(folded: str) -> Wants:
    if _WANTS_WHOLE.search(folded):
        return Wants.WHOLE
    return Wants.LIST if _WANTS_LIST.search(folded) else Wants.FACT


def kind_of(folded: str) -> Kind:
    for kind, patterns in _KINDS:
        if any(re.search(p, folded) for p in patterns):
            return kind
    return Kind.FACT
