"""The other documents a notice cites: "Báo cáo số 711/BC-UBND ngày 19/9/2022 của UBND huyện Lộc
Bình về tình hình …", "Quyết định 143/QĐ-UBND ngày 18/01/2022", "Chỉ thị số 10-CT/TW", "Luật Đấu
thầu số 22/2023/QH15", "Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025".

Read sentence by sentence from the chunks, so each reference keeps the sentence and the chunk
that cite it: a question about a cited document is answered from there, never from the notice's
own number and date.
"""

from __future__ import annotations

import re

from core.document import Document, Reference
from index.references import number_key
from vntext.sentences import split_sentences
from vntext.terms import fold

_TYPE_WORDS = (
    "Thông tư liên tịch|Nghị quyết liên tịch|Văn bản hợp nhất|Thông báo kết luận|Bộ luật|Luật"
    "|Pháp lệnh|Nghị định|Nghị quyết|Quyết định|Chỉ thị|Thông tư|Thông báo|Kết luận|Kế hoạch"
    "|Báo cáo|Công văn|Văn bản|Tờ trình|Chương trình|Hướng dẫn|Công điện|Giấy mời|Quy định"
    "|Quy chế|Đề án|Hiến pháp|Lệnh"
)
_NUMBER = (
    r"\d{1,5}(?:/\d{4})?/[A-ZĐ][A-Za-zĐđ0-9]*(?:[-–][A-ZĐ][A-Za-zĐđ0-9]*)*"
    r"|\d{1,4}-[A-ZĐ]{1,5}/[A-ZĐ]{1,6}\d*"
)
_CITED = re.compile(
    rf"(?:(?P<type>(?i:{_TYPE_WORDS}))\s+(?:(?i:số)\s*:?\s*)?|\b(?i:số)\s+)?"
    rf"(?<![\w/])(?P<number>{_NUMBER})(?![\w/])"
)
_LAW = re.compile(r"\b(?P<type>Bộ luật|Luật)\s+(?P<name>[A-ZĐ][^\s,;.()]*(?:\s+[^\s,;.()]+){0,9})")
_LAW_STOP = re.compile(
    r"\s(?:ngày|năm|số|và|được|đã|tại|theo|có|thì|để|của|về|trên|cho|với|này|hiện|sửa|quy"
    r"|hướng|gồm|các|đối|nhằm|khi|đến|từ|trong|do|phải|là)\b.*$"
)
_DATE = re.compile(
    r"^\s*,?\s*(?:ban hành\s+|được ban hành\s+)?(?:"
    r"ngày\s+(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})"
    r"|ngày\s+(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>\d{4})"
    r"|năm\s+(?P<y3>\d{4}))"
)
_ISSUER_START = re.compile(r"^\s*,?\s*của\s+")
_ABOUT = re.compile(
    r"^\s*,?\s*(?P<about>(?:về việc|về|quy định|hướng dẫn|ban hành|phê duyệt|công bố|sửa đổi"
    r"|thành lập|kết luận|giao|triển khai|thực hiện)[\s,].+)"
)
# "Ngày 16/9/2022, Tổ Công tác … đã ban hành Thông báo số 66/TB-TCT": date and issuer first.
_ISSUED_BEFORE = re.compile(
    r"(?:^|[.;:]\s+)[Nn]gày\s+(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4}),?\s+"
    r"(?P<who>[A-ZĐ][^,;]{2,80}?)\s+(?:đã\s+)?(?:ban hành|ký|gửi)\s*$"
)
_ABOUT_END = re.compile(
    r"[;]|\.(?:\s|$)|\s\((?!.*\))|,\s+(?:yêu cầu|đề nghị|đồng thời|trong đó|đến nay|tuy nhiên"
    r"|nhưng|song|do đó|vì vậy|theo đó|đã|sẽ|đồng chí)\s"
)
# A ministry's or department's name goes on in lower case: "Bộ Kế hoạch và Đầu tư".
_AGENCY_HEADS = frozenset(("Bộ", "Sở", "Cục", "Tổng", "Viện", "Học", "Trung", "Văn", "Ủy", "Uỷ"))
_AGENCY_WORDS = frozenset(
    (  # noqa: SIM905
        "hoạch tư nghiệp nông thôn triển nguyên trường dục tạo tế dựng thông tải động binh học "
        "nghệ hóa hoá thao lịch pháp tin truyền thương an môi tài giáo xây vận lao khoa thể du "
        "ngoại nội cục thuế kho bạc"
    ).split()
)
# Lower-case words inside an issuer's name: "Ủy ban nhân dân tỉnh", "Bộ trưởng Bộ Tài chính".
_ISSUER_WORDS = frozenset(
    (  # noqa: SIM905 - a list of 60 one-syllable words reads better as text
        "tỉnh huyện xã phường quận thị trấn thành phố nhân dân ban thường trực vụ chính phủ tịch "
        "trưởng văn phòng công tác đồng hội tướng nhà nước quốc hành thư ủy uỷ tổ chức sở bộ cục "
        "tổng đảng đoàn thể liên đặc khu chỉ đạo kiểm tra giám đốc chủ nhiệm viện sát tòa án ương"
    ).split()
)
_SYMBOL_TYPES = {
    "QĐ": "Quyết định",
    "NQ": "Nghị quyết",
    "BC": "Báo cáo",
    "KH": "Kế hoạch",
    "TB": "Thông báo",
    "CT": "Chỉ thị",
    "NĐ": "Nghị định",
    "TT": "Thông tư",
    "TTLT": "Thông tư liên tịch",
    "CV": "Công văn",
    "TTr": "Tờ trình",
    "CTr": "Chương trình",
    "HD": "Hướng dẫn",
    "KL": "Kết luận",
    "GM": "Giấy mời",
    "CĐ": "Công điện",
    "VBHN": "Văn bản hợp nhất",
}
_SYMBOL_ISSUERS = {"TTg": "Thủ tướng Chính phủ", "CP": "Chính phủ"}
_SUPERSCRIPTS = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
ABOUT_CHARS = 200


def extract_references(doc: Document) -> list[Reference]:
    """Every document cited in the notice's chunks, once per citing sentence."""
    own = number_key(doc.metadata.number) if doc.metadata.number else ""
    seen: set[tuple[str, str]] = set()
    out: list[Reference] = []
    for chunk in doc.chunks:
        for sentence in split_sentences(chunk.text):
            for ref in references_in(sentence):
                key = (number_key(ref.number) or fold(ref.name), sentence)
                if key in seen or (own and number_key(ref.number) == own):
                    continue
                seen.add(key)
                ref.chunk_id, ref.doc_id = chunk.chunk_id, doc.doc_id
                out.append(ref)
    return out


def references_in(sentence: str) -> list[Reference]:
    text = _SUPERSCRIPTS.sub("", sentence)
    refs: list[Reference] = []
    taken: list[tuple[int, int]] = []
    for m in _CITED.finditer(text):
        ref = _numbered(m, text)
        if ref is not None:
            refs.append(ref)
            taken.append((m.start(), m.end()))
    for m in _LAW.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        name = _LAW_STOP.sub("", m.group("name")).strip()
        after = text[m.start("name") + len(name) :]
        numbered = re.match(rf"^\s*(?:số\s+)?({_NUMBER})", after)
        if numbered:  # "Luật Đấu thầu số 22/2023/QH15": the name is what it is about
            for ref in refs:
                if ref.number == numbered.group(1) and not ref.about:
                    ref.about = name
            continue
        if not name:
            continue
        refs.append(_describe(Reference(m.group("type"), "", sentence=sentence.strip()), after))
        refs[-1].about = name
    return refs


def _numbered(m: re.Match[str], text: str) -> Reference | None:
    number = m.group("number")
    word = m.group("type") or ""
    after_so = re.search(r"(?i:số)\s*:?\s*$", text[: m.start("number")])
    if not (word or after_so or "-" in number or re.search(r"/QH\d+$", number)):
        return None  # "10/19" is a ratio, not a document
    doc_type = (word[:1].upper() + word[1:].lower()) if word else _type_of(number)
    ref = Reference(doc_type, number, sentence=text.strip())
    ref = _describe(ref, text[m.end() :])
    before = _ISSUED_BEFORE.search(text[: m.start()])
    if before and not ref.date:
        ref.date, ref.date_text = (
            _iso(before),
            f"ngày {before.group('d')}/{before.group('m')}/{before.group('y')}",
        )
        ref.issuer = ref.issuer or before.group("who").strip()
    if not ref.issuer:
        ref.issuer = next((v for k, v in _SYMBOL_ISSUERS.items() if number.endswith(f"-{k}")), "")
    return ref


def _describe(ref: Reference, after: str) -> Reference:
    """Date, issuer and subject from the words after the number (or the law's name)."""
    date = _DATE.match(after)
    if date:
        ref.date, ref.date_text = _iso(date), date.group(0).strip(" ,")
        after = after[date.end() :]
    issuer = _ISSUER_START.match(after)
    if issuer:
        ref.issuer, used = _issuer(after[issuer.end() :])
        after = after[issuer.end() + used :]
    about = _ABOUT.match(after)
    if about:
        ref.about = _short(_ABOUT_END.split(about.group("about"), maxsplit=1)[0])
    return ref


def _issuer(text: str) -> tuple[str, int]:
    """The issuing body's name at the start of `text`, and how many characters it took."""
    words: list[str] = []
    used = 0
    for m in re.finditer(r"\S+", text):
        word = m.group(0)
        bare = word.rstrip(",;.:)")
        cont = word == bare
        next_upper = text[m.end() + 1 : m.end() + 2].isupper()
        agency = bool(words) and words[0] in _AGENCY_HEADS
        lower_ok = bare.lower() in _ISSUER_WORDS or (agency and bare in _AGENCY_WORDS)
        if bare in ("của", "và") and next_upper and (bare == "của" or agency):
            lower_ok = True
        if not bare or not (bare[0].isupper() or lower_ok) or len(words) >= 12:
            break
        words.append(bare)
        used = m.start() + len(bare)
        if not cont:
            break
    while words and words[-1] == "của":
        words.pop()
    return " ".join(words), used


def _iso(m: re.Match[str]) -> str:
    groups = m.groupdict()
    if groups.get("y3"):
        return groups["y3"]
    d, mo, y = (
        (groups["d"], groups["m"], groups["y"])
        if groups.get("y")
        else (groups["d2"], groups["m2"], groups["y2"])
    )
    day, month = int(d), int(mo)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return y
    return f"{y}-{month:02d}-{day:02d}"


def _type_of(number: str) -> str:
    """ "711/BC-UBND" → Báo cáo; "10-CT/TW" → Chỉ thị; "22/2023/QH15" → Luật; "12/UBND-KT"
    (the issuer's office first) → Công văn."""
    if re.search(r"/QH\d+$", number):
        return "Luật"
    party = re.match(r"^\d+-([A-ZĐ]+)/", number)
    symbol = party.group(1) if party else number.rsplit("/", 1)[-1].split("-")[0]
    if symbol in _SYMBOL_TYPES:
        return _SYMBOL_TYPES[symbol]
    return "Công văn" if "-" in number.rsplit("/", 1)[-1] else ""


def _short(text: str) -> str:
    text = text.strip(" ,")
    if len(text) <= ABOUT_CHARS:
        return text
    return text[:ABOUT_CHARS].rsplit(" ", 1)[0] + "…"
