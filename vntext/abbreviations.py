"""Administrative abbreviations, expanded in both directions so "CTMTQG" finds
"chương trình mục tiêu quốc gia" and the other way round."""

from __future__ import annotations

import re

from vntext.terms import fold

ABBREVIATIONS: dict[str, str] = {
    "NTM": "nông thôn mới",
    "CCHC": "cải cách hành chính",
    "TTHC": "thủ tục hành chính",
    "GPMB": "giải phóng mặt bằng",
    "CTMTQG": "chương trình mục tiêu quốc gia",
    "MTQG": "mục tiêu quốc gia",
    "KT-XH": "kinh tế - xã hội",
    "KTXH": "kinh tế - xã hội",
    "ĐVSNCL": "đơn vị sự nghiệp công lập",
    "ĐVSNNCL": "đơn vị sự nghiệp công lập",
    "ĐVHC": "đơn vị hành chính",
    "NSNN": "ngân sách nhà nước",
    "UBND": "ủy ban nhân dân",
    "HĐND": "hội đồng nhân dân",
    "VBQPPL": "văn bản quy phạm pháp luật",
    "DDCI": "chỉ số năng lực cạnh tranh cấp sở, ban, ngành và địa phương",
    "PCI": "chỉ số năng lực cạnh tranh cấp tỉnh",
    "PAPI": "chỉ số hiệu quả quản trị và hành chính công cấp tỉnh",
    "SIPAS": "chỉ số hài lòng về sự phục vụ hành chính",
    "PAR INDEX": "chỉ số cải cách hành chính",
    "MTTQ": "mặt trận tổ quốc",
    "CNQSDĐ": "chứng nhận quyền sử dụng đất",
    "GCNQSDĐ": "giấy chứng nhận quyền sử dụng đất",
    "BCĐ": "ban chỉ đạo",
    "QĐ": "quyết định",
    "NQ": "nghị quyết",
    "KH": "kế hoạch",
    "CT": "chỉ thị",
    "TB": "thông báo",
    "BC": "báo cáo",
    "CV": "công văn",
    "NĐ-CP": "nghị định của chính phủ",
    "TT": "thông tư",
    "TW": "trung ương",
    "BTV": "ban thường vụ",
    "CBCCVC": "cán bộ, công chức, viên chức",
    "CBCC": "cán bộ, công chức",
    "ANTT": "an ninh trật tự",
    "PCCC": "phòng cháy, chữa cháy",
    "PCCCR": "phòng cháy, chữa cháy rừng",
    "ĐTC": "đầu tư công",
    "XDCB": "xây dựng cơ bản",
    "OCOP": "mỗi xã một sản phẩm",
    "CĐS": "chuyển đổi số",
    "BHXH": "bảo hiểm xã hội",
    "BHYT": "bảo hiểm y tế",
    "THCS": "trung học cơ sở",
    "THPT": "trung học phổ thông",
    "TP": "thành phố",
    "PCT": "phó chủ tịch",
}

_ABBR_RE = re.compile(
    r"(?<![\w-])("
    + "|".join(sorted(map(re.escape, ABBREVIATIONS), key=len, reverse=True))
    + r")(?![\w-])",
    re.IGNORECASE,
)
_BY_LOWER = {abbr.lower(): abbr for abbr in ABBREVIATIONS}


def _folded_words(text: str) -> str:
    return " ".join(re.findall(r"\w+", fold(text)))


# Long forms of two words or more, matched on folded text: "nong thon moi" → NTM.
_LONG_TO_ABBR: dict[str, list[str]] = {}
for _abbr, _long in ABBREVIATIONS.items():
    if len(_long.split()) >= 2:
        _LONG_TO_ABBR.setdefault(_folded_words(_long), []).append(_abbr)
_LONG_RE = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, _LONG_TO_ABBR), key=len, reverse=True)) + r")\b"
)


def expand(text: str) -> list[str]:
    """Extra phrases to search alongside `text`: long forms of abbreviations it uses (matched
    case-insensitively, since officials type "ntm" too) and abbreviations of long forms it spells
    out. Returns phrases only, not `text` itself."""
    extra = [ABBREVIATIONS[_BY_LOWER[m.group(1).lower()]] for m in _ABBR_RE.finditer(text)]
    for m in _LONG_RE.finditer(_folded_words(text)):
        extra.extend(_LONG_TO_ABBR[m.group(1)])
    return list(dict.fromkeys(extra))
