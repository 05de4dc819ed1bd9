"""Agencies named in directives: find them in a sentence and give each one canonical name.

"Sở TN&MT", "Sở Tài nguyên và Môi trường" and "Giám đốc Sở Tài nguyên và Môi trường" are one
agency; so are "UBND các huyện, thành phố" and "Ủy ban nhân dân cấp huyện". The names and their
abbreviations are data (ingest/data/agencies.tsv); the shapes every province shares (a named
district's committee, "các sở, ban, ngành", "Ban Quản lý …", "Trung tâm …") are patterns here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files

from vntext.terms import fold, nfc, normalize_tone

_UPPER = "".join(chr(c) for c in range(0x41, 0x1EFF) if chr(c).isupper())
_NAME = rf"[{_UPPER}][\w]*(?:\s+[{_UPPER}0-9][\w]*)*"
_UNIT = r"huyện|quận|thị xã|thị trấn|thành phố|xã|phường|đặc khu"
_UBND = r"(?:ubnd|ủy ban nhân dân)"
ROLES = re.compile(
    r"^(?:(?:giám đốc|thủ trưởng|chủ tịch|lãnh đạo|người đứng đầu|chánh|trưởng|đề nghị|giao"
    r"|đối với|trách nhiệm của|các cơ quan|cơ quan)\s*:?\s+)+",
)
# A named district or commune: "UBND huyện Bình Gia" (case matters: the name is capitalised).
_NAMED = re.compile(rf"(?:UBND|[ỦUủu][ỷy] ban nhân dân)\s+({_UNIT})\s+({_NAME})")
# A district or commune named without its committee: "Đối với huyện Bình Gia", "giao xã X".
_BARE_NAMED = re.compile(
    rf"(?<!\w)([Hh]uyện|[Xx]ã|[Tt]hị xã|[Tt]hị trấn|[Pp]hường|[Qq]uận|[Đđ]ặc khu)\s+({_NAME})"
)
# A people's council ("HĐND huyện", "Thường trực Hội đồng nhân dân tỉnh").
_COUNCIL = re.compile(
    rf"(?:Thường trực\s+)?(?:HĐND|Hội đồng nhân dân)(?:\s+(?:{_UNIT})(?:\s+{_NAME})?|(?=\s*,))"
)
_UNITS = rf"(?:{_UNIT})(?:\s*(?:,|và)\s*(?:các\s+)?(?:{_UNIT}))*"
_UBND_GROUP = re.compile(
    rf"{_UBND}\s+(?:các\s+)?(?:cấp\s+(?:huyện|xã)(?:\s*,\s*phường)?|{_UNITS})"
    rf"|(?<!\w)các\s+{_UNITS}(?!\s+[{_UPPER.lower()}]*\w*\s*[{_UPPER}])"
)
# "các Sở: Tài chính, Xây dựng, Kế hoạch và Đầu tư": one list, several departments.
_SO_LIST = re.compile(r"(?<!\w)(?:các\s+)?sở\s*:\s*|(?<!\w)các\s+sở\s+(?!,)")
_SO_GROUP = re.compile(
    r"(?:các\s+)?(?:sở|cơ quan)\s*,\s*(?:(?:cơ quan|ban)\s*,\s*)*ngành"
    r"(?:\s*,\s*(?:địa phương|đoàn thể))*(?:\s+(?:cấp tỉnh|tỉnh|thành phố|của thành phố"
    r"|có liên quan|liên quan))*|các cơ quan chuyên môn (?:trực )?thuộc (?:ubnd|ủy ban nhân dân)"
    r" (?:tỉnh|thành phố)"
)
# Heads of agency names the table cannot list (every province has its own centres and boards).
_HEADS = re.compile(
    r"(?:Ban Quản lý|Ban quản lý|BCĐ|Trung tâm|Viện|Hội|Hiệp hội|Báo|Đài|Bệnh viện|Chi cục|Cục"
    r"|Ban Chỉ đạo|Ban Chỉ huy|Ban|Các chủ rừng|Chủ rừng|[Cc]ác chủ đầu tư|Chủ đầu tư|Công an"
    r"|Thanh tra|Văn phòng|Bộ Chỉ huy|Kho bạc|Liên minh|Liên đoàn|Ủy ban Mặt trận|Ủy ban MTTQ"
    r"|Quỹ|Mặt trận Tổ quốc|Công ty|Tổng công ty|Tổng Công ty|Cổng Thông tin điện tử)"
    r"(?=[\s,;:.])"
)
# Words that start what an agency is asked to do (lower case): a generic name ends before them.
PREDICATE = re.compile(
    r"(?:chủ trì|phối hợp|có trách nhiệm|chịu trách nhiệm|thực hiện|tổ chức|tham mưu|chỉ đạo"
    r"|triển khai|theo dõi|hướng dẫn|tiếp tục|tăng cường|khẩn trương|chủ động|rà soát|căn cứ"
    r"|nghiên cứu|đẩy mạnh|bố trí|báo cáo|thường xuyên|đôn đốc|kiểm tra|cung cấp|kịp thời"
    r"|xây dựng|hoàn thiện|tập trung|đề xuất|trình|là|được|đã|đang|sẽ|cần|phải|nghiêm túc"
    r"|quán triệt|tuyên truyền|vận động|định hướng|giám sát|phát hiện|xử lý|thẩm định|hỗ trợ"
    r"|trên|tại|trong|để|về|với|cho|khi|nếu|thì|niêm yết|duy trì|tiếp nhận|theo|nắm|rà|thông báo"
    r"|gồm|bao gồm|có"
    r"|phản ánh|tham gia|phổ biến|chấp hành)(?!\w)"
)
# Lower-case words that may follow a head ("Ban Chỉ đạo huyện", "Ban quản lý …").
_LOWER_FIRST = ("các", "quản", "và", "huyện", "tỉnh", "thành", "xã", "phường")
_STEERS = ("thực hiện", "phòng", "xây dựng", "công tác", "chuyển đổi", "cải cách", "quân sự")
# Heads that are a whole name on their own ("Các chủ rừng là tổ chức …").
_WHOLE_HEADS = ("Các chủ rừng", "Chủ rừng", "Các chủ đầu tư", "các chủ đầu tư", "Chủ đầu tư")


@dataclass(frozen=True)
class Mention:
    """An agency named in a text: where it is, how it is written, its canonical name."""

    start: int
    end: int
    text: str
    canonical: str


@lru_cache(maxsize=8192)
def match_form(text: str) -> str:
    """Lower case, one tone placement, accents kept; the same length as the text, so spans
    found in it are spans of the text."""
    return re.sub(r"\w+", lambda m: normalize_tone(m.group().lower()), nfc(text))


def key(text: str) -> str:
    """What spellings of one name share: no case, accents, tone placement, '&'/'và' or
    punctuation."""
    folded = fold(match_form(text)).replace("&", " va ")
    return " ".join(re.sub(r"[^\w]+", " ", folded).split())


@cache
def _table() -> tuple[dict[str, str], dict[str, str], list[str]]:
    """(key of every spelling → canonical, canonical → abbreviation, spellings longest first)."""
    text = (files("ingest") / "data" / "agencies.tsv").read_text(encoding="utf-8")
    canon: dict[str, str] = {}
    abbreviation: dict[str, str] = {}
    spellings: list[str] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, abbr, *rest = [*line.split("\t"), ""]
        names = [name, abbr, *(rest[0].split("|") if rest[0] else [])]
        abbreviation[name] = abbr
        for spelling in (n.strip() for n in names if n.strip()):
            canon.setdefault(key(spelling), name)
            spellings.append(spelling)
    return canon, abbreviation, sorted(set(spellings), key=len, reverse=True)


def _flexible(spelling: str) -> str:
    """A regex for a spelling in match form: any spaces, '&' or 'và', optional commas/dashes."""
    out = []
    for token in re.findall(r"\w+|&|[,\-–]", match_form(spelling)):
        if token == "&" or token == "và":
            out.append(r"\s*(?:&|và|,)?\s*")
        elif token in ",-–":
            out.append(r"\s*[,\-–]?\s*")
        else:
            out.append(re.escape(token) + r"\s*")
    return "".join(out).removesuffix(r"\s*")


@cache
def _known() -> re.Pattern[str]:
    alternatives = "|".join(_flexible(s) for s in _table()[2])
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def list_prefix(form: str, at: int) -> int:
    """Past "các Sở:" when a department list starts at `at` (in match form), else `at`."""
    m = _SO_LIST.match(form, at)
    return m.end() if m and _departments().match(form, m.end()) else at


def abbreviation(canonical_name: str) -> str:
    return _table()[1].get(canonical_name, "")


def canonical(name: str) -> str:
    """The one name of an agency, however it is written; a name we do not know keeps its own
    words, tidied ("Ủy ban nhân dân" → "UBND", roles and trailing punctuation dropped)."""
    text = " ".join(nfc(name).split()).strip(" ,;:.-–")
    text = re.sub(r"^[ỦUủu][ỷy] ban nhân dân\b", "UBND", text)
    text = re.sub(r"\bHội đồng nhân dân\b", "HĐND", text)
    text = re.sub(r"\s+[ỦUủu][ỷy] ban nhân dân\b", " UBND", text)
    role = ROLES.match(match_form(text))
    bare = text[role.end() :] if role else text
    bare = bare.strip(" ,;:") or text
    canon = _table()[0]
    k = key(bare)
    if k in canon:
        return canon[k]
    named = _NAMED.fullmatch(bare) or _BARE_NAMED.fullmatch(bare)
    if named:
        return f"UBND {named.group(1).lower()} {named.group(2)}"
    form = match_form(bare)
    if _SO_GROUP.match(form):
        return "Các sở, ban, ngành"
    if _UBND_GROUP.fullmatch(form) or _UBND_GROUP.match(form):
        units = set(re.findall(_UNIT, form))
        district = units & {"huyện", "quận", "thị xã"}
        return "UBND các huyện, thành phố" if district else "UBND các xã, phường"
    place = re.sub(r"\s+(?:tinh|thanh pho)(?:\s+[a-z ]+)?$", "", k)
    if place != k and place in canon and canon[place].startswith("Sở "):
        return canon[place]
    return bare[:1].upper() + bare[1:]


def find_agencies(text: str) -> list[Mention]:
    """Every agency the text names, in order; where names overlap the longest wins."""
    return list(_find_agencies(text))


@lru_cache(maxsize=4096)
def _find_agencies(text: str) -> tuple[Mention, ...]:
    form = match_form(text)
    spans: list[tuple[int, int]] = []
    for pattern in (_known(), _UBND_GROUP, _SO_GROUP):
        spans += [m.span() for m in pattern.finditer(form)]
    spans += [m.span() for m in _NAMED.finditer(text)]
    spans += [m.span() for m in _BARE_NAMED.finditer(text)]
    spans += [m.span() for m in _COUNCIL.finditer(text)]
    spans += _department_list(form)
    for m in _HEADS.finditer(text):
        span = _generic(text, m.start(), m.end())
        if span and form[max(0, span[0] - 4) : span[0]] == "các ":
            span = (span[0] - 4, span[1])  # "các Ban Xây dựng Đảng": all of them, one name
        spans += [span] if span else []
    chosen: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):
        if all(end <= s or start >= e for s, e in chosen):
            chosen.append((start, end))
    return tuple(Mention(s, e, text[s:e], _canonical_at(text, s, e)) for s, e in sorted(chosen))


def _canonical_at(text: str, start: int, end: int) -> str:
    """A department in a list ("Tài chính" after "các Sở:") is "Sở Tài chính"."""
    name = text[start:end]
    if re.search(r"(?i)sở\s*:?\s*$|sở\s+$", text[max(0, start - 6) : start]) or re.search(
        r"[,;]\s*$|\svà\s*$", text[max(0, start - 4) : start]
    ):
        dept = "Sở " + name
        if key(dept) in _table()[0]:
            return _table()[0][key(dept)]
    return canonical(name)


@cache
def _departments() -> re.Pattern[str]:
    """Department names without "Sở" ("tài chính", "kh&đt"), for lists after "các Sở:"."""
    names = [n[3:] for n in _table()[2] if n.startswith("Sở ")]
    return re.compile("|".join(_flexible(n) for n in sorted(names, key=len, reverse=True)))


def _department_list(form: str) -> list[tuple[int, int]]:
    """Spans of each department of "các Sở: Tài chính, Xây dựng và Y tế" (whole names only)."""
    spans = []
    for m in _SO_LIST.finditer(form):
        pos = m.end()
        while (dept := _departments().match(form, pos)) and dept.end() > pos:
            if re.match(r"\w", form[dept.end() : dept.end() + 1]):
                break
            spans.append((dept.start(), dept.end()))
            sep = re.compile(r"\s*(?:,|;|và)\s*").match(form, dept.end())
            if sep is None:
                break
            pos = sep.end()
    return spans


def _generic(text: str, start: int, head_end: int) -> tuple[int, int] | None:
    """The span of a name that opens with a head word ("Trung tâm Chuyển đổi số Thành phố"):
    capitalised words and their lower-case companions, up to punctuation or a verb."""
    end, words, form = head_end, 0, match_form(text)
    for m in re.finditer(r"\s+([^\s,;:.()]+)", text[head_end:]):
        if m.start() != end - head_end:
            break
        word = m.group(1)
        steering = words == 0 and text[start:head_end] in ("Ban Chỉ đạo", "BCĐ", "Ban Chỉ huy")
        if steering and form.startswith(_STEERS, head_end + m.start(1)):
            end, words = head_end + m.end(), 1  # "Ban Chỉ đạo thực hiện các Chương trình …"
            continue
        if words == 0 and not word[:1].isupper() and word not in _LOWER_FIRST:
            break
        if words and form.startswith(("và các ", "và ủy ban", "và ubnd"), head_end + m.start(1)):
            break  # "Ủy ban MTTQ … tỉnh và các tổ chức chính trị - xã hội": a second agency
        verb = PREDICATE.match(form, head_end + m.start(1)) if words else None
        if verb and form[end - 6 : end] == "chương":
            verb = None  # "Ban Chỉ đạo các Chương trình …": a noun
        if verb and (word[:1].islower() or " " in verb.group(0)):  # not "Cần Thơ"; "Chỉ đạo"
            break
        end, words = head_end + m.end(), words + 1
        if words >= 12:
            break
    whole = text[start:head_end] in _WHOLE_HEADS
    return (start, end) if words or whole else None


def matches(query: str, canonical_name: str) -> bool:
    """Whether what a user typed ("sở tnmt", "Sở TN&MT", "xay dung") names this agency."""
    if not query.strip() or not canonical_name:
        return False
    if canonical(query) == canonical_name:
        return True
    wanted = key(query)
    names = (canonical_name, abbreviation(canonical_name))
    return any(wanted and wanted in key(n) for n in names if n)
