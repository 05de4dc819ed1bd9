"""Read a notice's metadata from its own text: type, number, place and date, issuing body,
title (trích yếu), signer and position, districts and communes it names.

Works on the output of `ingest.loaders.load_text`: the administrative header as separate lines,
a portal's "Key: value" table on top when the crawl had one, the signature block line by line.
"""

from __future__ import annotations

import re
from collections import Counter

from core.document import DocMetadata

_TYPES = {
    "THÔNG BÁO": "Thông báo",
    "QUYẾT ĐỊNH": "Quyết định",
    "KẾ HOẠCH": "Kế hoạch",
    "BÁO CÁO": "Báo cáo",
    "CHỈ THỊ": "Chỉ thị",
    "NGHỊ QUYẾT": "Nghị quyết",
    "CÔNG VĂN": "Công văn",
    "TỜ TRÌNH": "Tờ trình",
    "CHƯƠNG TRÌNH": "Chương trình",
    "BỘ LUẬT": "Luật",
    "LUẬT": "Luật",
    "NGHỊ ĐỊNH": "Nghị định",
    "THÔNG TƯ": "Thông tư",
    "VĂN BẢN HỢP NHẤT": "Văn bản hợp nhất",
    "HƯỚNG DẪN": "Hướng dẫn",
    "QUY ĐỊNH": "Quy định",
    "ĐỀ ÁN": "Đề án",
    "PHƯƠNG ÁN": "Phương án",
    "LỆNH": "Lệnh",
}
_SYMBOL_TYPES = {
    "TB": "Thông báo",
    "QĐ": "Quyết định",
    "KH": "Kế hoạch",
    "BC": "Báo cáo",
    "CT": "Chỉ thị",
    "NQ": "Nghị quyết",
    "CV": "Công văn",
    "TTr": "Tờ trình",
    "CTr": "Chương trình",
    "NĐ": "Nghị định",
    "TT": "Thông tư",
    "VBHN": "Văn bản hợp nhất",
    "QH13": "Luật",
    "QH14": "Luật",
    "QH15": "Luật",
    "HD": "Hướng dẫn",
}
_NUMBER = re.compile(r"^\s*Số\s*:?\s*([0-9]*)\s*(/[^\s,;]*)?\s*$", re.I | re.M)
_LAW_NUMBER = re.compile(r"\((?:Luật|Văn bản hợp nhất)\s+số\s+(\d+/[\w/-]+)\)")
_PLACE_DATE = re.compile(
    r"^\s*([A-ZĐÀ-Ỹ][^,\n]{1,40}),\s*ngày\s*(\d{0,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})", re.M
)
_SITE = re.compile(r"^(Số hiệu|Loại văn bản|Nơi ban hành|Người ký|Ngày ban hành)\s*:\s*(.+)$", re.M)
_DMY = re.compile(r"\b(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})\b")
_DM = re.compile(r"\b(?:[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa)\s+(?:ngày\s+)?(\d{1,2})/(\d{1,2})\b(?!/)")
_YEAR = re.compile(r"\bnăm\s+((?:19|20)\d{2})\b")
_ISSUERS = (
    ("ỦY BAN NHÂN DÂN", "UBND"),
    ("UỶ BAN NHÂN DÂN", "UBND"),
    ("HỘI ĐỒNG NHÂN DÂN", "HĐND"),
    ("VĂN PHÒNG", "Văn phòng"),
    ("SỞ ", "Sở "),
    ("BAN CHỈ ĐẠO", "Ban Chỉ đạo"),
    ("TỔ CÔNG TÁC", "Tổ Công tác"),
    ("CHÍNH PHỦ", "Chính phủ"),
    ("QUỐC HỘI", "Quốc hội"),
    ("BỘ ", "Bộ "),
    ("THỦ TƯỚNG", "Thủ tướng Chính phủ"),
)
_PROVINCE_LINE = re.compile(r"^(TỈNH|THÀNH PHỐ)\s+([A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ\s-]+)$")
_SIGN_ROLE = re.compile(
    r"^(?:TM\.|TL\.|KT\.|Q\.|T/M|K/T)|^(?:PHÓ\s+)?(?:CHỦ TỊCH|CHÁNH VĂN PHÒNG|GIÁM ĐỐC|TỔ TRƯỞNG"
    r"|TRƯỞNG BAN|BỘ TRƯỞNG|THỨ TRƯỞNG|THỦ TƯỚNG|CHỦ NHIỆM|TỔNG GIÁM ĐỐC|CỤC TRƯỞNG|TRƯỞNG PHÒNG)"
)
_PLACE_NAME = r"((?:[A-ZĐ][a-zà-ỹđ]*)(?:[ \t]+[A-ZĐ][a-zà-ỹđ]*){0,3})(?![\wà-ỹđ])"
_DISTRICT = re.compile(rf"\b(?:huyện|thị xã|quận|thành phố|Huyện|Thị xã|Quận)\s+{_PLACE_NAME}")
_COMMUNE = re.compile(rf"\b(?:xã|thị trấn|phường|Xã|Thị trấn|Phường)\s+{_PLACE_NAME}")
_PROVINCE = re.compile(rf"\b(?:tỉnh|Tỉnh|thành phố|Thành phố)\s+{_PLACE_NAME}")
_BODY_START = re.compile(
    r"^(?:Căn cứ|Thực hiện|Ngày \d|Sau khi|Xét|Theo đề nghị|Triển khai|Trong|Nhằm|Để|Năm|Vừa qua)"
)
_CITED_DOC = re.compile(r"\d+/[A-ZĐ][\w-]*\s*(?:,\s*)?ngày\s*$")
_CLOSING_ISSUER = re.compile(r"^(.{3,90}?)\s+thông báo\s+(?:để|đến|cho)", re.M)


def _title_case(text: str) -> str:
    return " ".join(w[:1] + w[1:].lower() for w in text.split())


def _sentence_case(text: str) -> str:
    """ "PHÓ CHÁNH VĂN PHÒNG UBND TỈNH" → "Phó Chánh văn phòng UBND tỉnh"."""
    words = text.split()
    out = []
    for i, w in enumerate(words):
        if w in ("UBND", "HĐND", "MTTQ"):
            out.append(w)
        elif i == 0 or (i == 1 and words[0] in ("PHÓ", "TỔNG")):
            out.append(w[:1] + w[1:].lower())
        else:
            out.append(w.lower())
    return " ".join(out)


def _lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.splitlines() if ln.strip()]


def _is_name(line: str) -> bool:
    words = line.replace(".", " ").split()
    return (
        2 <= len(words) <= 5
        and all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words)
        and not any(
            w in ("Nơi", "Lưu", "Chủ", "Ban", "Sở", "Phó", "Văn", "Tỉnh") for w in words[:1]
        )
    )


def _signature(lines: list[str]) -> tuple[str, str]:
    """(signer, position) from the last signature block: role lines, then a personal name."""
    for i in range(len(lines) - 1, -1, -1):
        if not _is_name(lines[i]):
            continue
        roles: list[str] = []
        j = i - 1
        while j >= 0 and i - j <= 6 and (_SIGN_ROLE.match(lines[j]) or lines[j].isupper()):
            roles.insert(0, lines[j])
            j -= 1
        if roles and any(_SIGN_ROLE.match(r) for r in roles):
            titles = [r for r in roles if not re.match(r"^(?:TM|TL|KT|Q|T/M|K/T)\.?\s", r)]
            position = ", ".join(_sentence_case(r) for r in titles)
            return lines[i], position
    return "", ""


def _header_issuer(lines: list[str]) -> tuple[str, str]:
    """("UBND tỉnh Đồng Nai", "Đồng Nai") from the top-left header lines."""
    for i, line in enumerate(lines[:15]):
        up = line.upper()
        if not line.isupper():  # the header block is written in capitals
            continue
        for caps, short in _ISSUERS:
            if up.startswith(caps) and "CỘNG HÒA" not in up:
                councils = ("ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN")
                issuer = short if caps.strip() in councils else _title_case(line)
                nxt = lines[i + 1] if i + 1 < len(lines) else ""
                m = _PROVINCE_LINE.match(nxt.upper()) if nxt.isupper() else None
                if m:
                    province = _title_case(m.group(2))
                    level = "tỉnh" if m.group(1) == "TỈNH" else "thành phố"
                    return f"{issuer} {level} {province}", province
                return issuer, ""
    return "", ""


def _type_and_title(lines: list[str], start: int) -> tuple[str, str]:
    for i, line in enumerate(lines[start : start + 40], start):
        key = line.upper().strip(" *#")
        if key in _TYPES:
            title: list[str] = []
            for nxt in lines[i + 1 : i + 6]:
                # "Triển khai chuyển đổi số năm 2026" under "KẾ HOẠCH" is the title; a body
                # that opens the same way is a sentence ("Thực hiện …, UBND tỉnh ban hành …:")
                body = _BODY_START.match(nxt) and (title or nxt.endswith((".", ":", ";", ",")))
                if body or len(" ".join(title)) > 400:
                    break
                if nxt.isupper() and any(nxt.startswith(c) for c, _ in _ISSUERS[:3]) and title:
                    break
                title.append(nxt)
                if not nxt.isupper():
                    break
            return _TYPES[key], " ".join(title)
        for caps, doc_type in (("BỘ LUẬT", "Luật"), ("LUẬT", "Luật")):
            if key.startswith(caps + " ") and i == start:
                return doc_type, line
    return "", ""


def _province(text: str, place: str) -> str:
    counts = Counter(m.group(1) for m in _PROVINCE.finditer(text))
    if place:
        for name, _ in counts.most_common():
            if place in name or name in place:
                return name
    return counts.most_common(1)[0][0] if counts else place


def _date(text: str, lines: list[str], site: dict[str, str]) -> tuple[str, str]:
    m = _PLACE_DATE.search("\n".join(lines[:40]))
    if m:
        day, month, year = m.group(2), int(m.group(3)), m.group(4)
        date = f"{year}-{month:02d}" + (f"-{int(day):02d}" if day else "")
        return date, m.group(1).strip()
    if "Ngày ban hành" in site and (d := _DMY.search(site["Ngày ban hành"])):
        return f"{d.group(3)}-{int(d.group(2)):02d}-{int(d.group(1)):02d}", ""
    opening = " ".join(lines[:12])
    years = Counter(_YEAR.findall(text))
    # A news lead: "Chiều 15/11, …" with the year the text talks about.
    if (d := _DM.search(" ".join(lines[:3]))) and years:
        year = years.most_common(1)[0][0]
        return f"{year}-{int(d.group(2)):02d}-{int(d.group(1)):02d}", ""
    for d in _DMY.finditer(opening):
        if _CITED_DOC.search(opening[max(0, d.start() - 30) : d.start()]):
            continue  # "Chương trình số 15/CTr-UBND ngày 12/3/2024": another notice's date
        return f"{d.group(3)}-{int(d.group(2)):02d}-{int(d.group(1)):02d}", ""
    return (years.most_common(1)[0][0], "") if years else ("", "")


def _places(pattern: re.Pattern[str], text: str, exclude: str = "") -> list[str]:
    found = []
    for m in pattern.finditer(text):
        name = m.group(1).strip()
        if name and name != exclude and name not in found and len(name.split()) <= 4:
            found.append(name)
    return found[:50]


def extract_metadata(text: str, source: str = "") -> DocMetadata:
    lines = _lines(text)
    site = {m.group(1): m.group(2).strip() for m in _SITE.finditer("\n".join(lines[:12]))}
    meta = DocMetadata()
    issuer, province = _header_issuer(lines)
    meta.doc_type, meta.title = _type_and_title(lines, 0)

    number = _NUMBER.search("\n".join(lines[:40]))
    if number and number.group(2):
        meta.number = f"{number.group(1)}{number.group(2)}" if number.group(1) else ""
        meta.symbol = number.group(2).lstrip("/").split("/")[-1] if "/" in number.group(2) else ""
        meta.symbol = (
            number.group(2).strip("/").split("/", 1)[-1]
            if number.group(1)
            else number.group(2).strip("/")
        )
    elif "Số hiệu" in site:
        meta.number = site["Số hiệu"]
        meta.symbol = meta.number.split("/", 1)[-1]
    elif law := _LAW_NUMBER.search(" ".join(lines[:3])):
        meta.number = law.group(1)
        meta.symbol = law.group(1).split("/", 1)[-1]
    if not meta.doc_type:
        head = meta.symbol.split("-")[0] if meta.symbol else ""
        meta.doc_type = site.get("Loại văn bản") or _SYMBOL_TYPES.get(head, "")
    if not meta.doc_type and not meta.number:
        meta.doc_type = "Tin bài"
    if not meta.title:
        meta.title = lines[0] if lines else source

    meta.date, meta.place = _date(text, lines, site)
    signer, position = _signature(lines)
    meta.signer = signer or site.get("Người ký", "")
    meta.signer_position = position
    if not issuer:
        closing = _CLOSING_ISSUER.findall("\n".join(lines[-40:]))
        issuer = closing[-1].strip() if closing else ""
        if not issuer and meta.symbol.endswith("UBND"):
            issuer = "UBND"
    meta.province = province or _province(text, meta.place or site.get("Nơi ban hành", ""))
    if meta.province and (issuer in ("UBND", "HĐND") or issuer.endswith((" tỉnh", " Tỉnh"))):
        issuer = f"{issuer.removesuffix(' tỉnh').removesuffix(' Tỉnh')} tỉnh {meta.province}"
    meta.issuer = issuer
    meta.districts = _places(_DISTRICT, text, exclude=meta.province)
    meta.communes = _places(_COMMUNE, text)
    return meta
