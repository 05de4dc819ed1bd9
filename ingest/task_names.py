"""Who a list of agencies names: "Thủ trưởng các sở…; Chủ tịch UBND các xã…", "các Sở: Tài
chính, Xây dựng", "…, Kiểm toán Nhà nước khu vực VI, …", a bare "huyện" in a notice about one
district; and the list markers a sentence opens with."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from ingest.agencies import PREDICATE, Mention, canonical, find_agencies, list_prefix, match_form

# List markers a sentence or heading may open with: "- ", "a) ", "(1) ", "1.2. ", "II. ",
# and the outline's own names for them inside an article ("Khoản 1 – ", "Điểm a – ").
MARKER = re.compile(
    r"^\s*(?:[-+•*–]\s*|\(\d{1,2}\)\s*|\d{1,2}(?:\.\d{1,2}){0,2}[.)]\s*|[a-zđ]\)\s*"
    r"|[IVX]{1,5}[.)]\s*|(?:Khoản \d+|Điểm [a-zđ]) – |Điều \d+[a-z]?\s*[.:]\s*)"
)
# Who in an agency a sentence addresses: "Giám đốc", "tập thể lãnh đạo, cán bộ, công chức của".
_ROLE = re.compile(
    r"(?:tập thể\s+)?(?:giám đốc|thủ trưởng|chủ tịch|lãnh đạo|người đứng đầu|chánh|trưởng"
    r"|thường trực(?=\s+ban)|cán bộ)"
    r"(?:\s*,\s*(?:cán bộ|công chức|viên chức|người lao động)(?:\s+công chức)?)*"
    r"(?:\s*,?\s*(?:công chức|viên chức))?\s+(?:của\s+)?",
    re.I,
)
_SEPARATOR = re.compile(r"\s*(?:,|;|và|cùng)\s*(?:các\s+(?=[A-ZĐ]))?")
_LOCAL: ContextVar[str | None] = ContextVar("local_district", default=None)
_BARE_DISTRICT = re.compile(r"(?:(?:UBND|[ỦU][ỷy] ban nhân dân)\s+)?[Hh]uyện\b(?!\s+[A-ZĐÀ-Ỹ])")
_ONE_DISTRICT = re.compile(r"(?:ubnd|ủy ban nhân dân)\s+huyện")  # "UBND huyện": one, not all
VAGUE = re.compile(
    r"(?:các\s+)?(?:cơ quan|đơn vị|địa phương|sở, ngành)(?:[ ,]+(?:cơ quan|tổ chức|đơn vị"
    r"|địa phương))*(?:\s+(?:có\s+)?liên quan)?"
)


# A name's role after a dash: "Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo".
_ROLE_AFTER_DASH = re.compile(
    r"\s+[-–]\s*(?:là\s+)?(?:[Cc]ơ quan|[Đđ]ơn vị|[Tt]hành viên|[Tt]hường trực|[Pp]hó [Tt]rưởng"
    r"|[Tt]rưởng)\s[^.;:]{0,120}(?=\s*:?\s*$)"
)


def without_asides(text: str) -> str:
    """A name without the words in brackets after it ("Sở Nội vụ (Cơ quan thường trực …):"),
    when the rest only names agencies; brackets that say who a name means stay ("Các chủ rừng
    là tổ chức (các Ban quản lý rừng …)")."""
    bare = _ROLE_AFTER_DASH.sub("", re.sub(r"\s*\([^()]{0,200}\)", "", text))
    if bare == text:
        return text
    mentions, end = leading_agencies(bare, 0)
    return bare if mentions and not bare[end:].strip(" .,;:") else text


def strip_marker(text: str) -> str:
    marker = MARKER.match(text)
    return text[marker.end() :] if marker else text


@contextmanager
def local_district(name: str | None) -> Iterator[None]:
    """While set, a bare "huyện"/"Huyện" in a notice about one district is its committee."""
    token = _LOCAL.set(name)
    try:
        yield
    finally:
        _LOCAL.reset(token)


def leading_agencies(text: str, at: int) -> tuple[list[Mention], int]:
    """Agencies listed from `at` on ("Thủ trưởng các sở…; Chủ tịch UBND các xã…", "các Sở:
    Tài chính, Xây dựng"), and where the list ends; an empty list when no agency starts there."""
    mentions = find_agencies(text)
    found: list[Mention] = []
    pos = list_prefix(match_form(text), at)
    lo = pos  # a mention may open before `pos` on the separator's "các" ("và các Sở, ban, ngành")
    while True:
        role = _ROLE.match(text, pos)
        start = role.end() if role else pos
        mention = next((m for m in mentions if lo <= m.start <= start < m.end), None)
        one = mention is None or _ONE_DISTRICT.fullmatch(match_form(mention.text))
        bare = _BARE_DISTRICT.match(text, start) if one and _LOCAL.get() else None
        if bare:
            mention = Mention(start, bare.end(), bare.group(0), f"UBND huyện {_LOCAL.get()}")
        if mention is not None:
            mention = _qualified(text, mention)
        elif found:
            mention = _listed(text, start)  # "…, Kiểm toán Nhà nước khu vực VI, …"
        if mention is None and found:
            between = _BETWEEN.match(text, start)  # "Các cấp ủy Đảng, chính quyền, HĐND, …"
            if between:
                lo = pos = between.end()
                continue
        if mention is None:
            vague = VAGUE.match(match_form(text), start) if found else None
            end = vague.end() if vague else (found[-1].end if found else at)
            return found, end  # "…, UBND cấp xã và các đơn vị có liên quan": the list's tail
        found.append(mention)
        sep = _SEPARATOR.match(text, mention.end)
        if sep is None:
            return found, mention.end
        lo, pos = mention.end, sep.end()


# Bodies a list names in lower case ("…, UBND các xã và các đoàn thể chính trị - xã hội").
_BODIES = re.compile(r"(?:các\s+)?(?:đoàn thể|tổ chức chính trị - xã hội|hội đoàn thể)\b")
# A lower-case body in the middle of a list, followed by more of it: passed over.
_BETWEEN = re.compile(r"(?:chính quyền|mặt trận)(?:\s+các cấp)?\s*,\s*(?=\S)")
_PLACED = re.compile(r"(?:\s+(?:chi nhánh|khu vực|số|tỉnh|thành phố|[A-ZĐ0-9][\w.]*))+")
_VAGUE_HEAD = re.compile(
    r"(?:các\s+)?(?:cơ quan|đơn vị|địa phương|tổ chức|cá nhân|doanh nghiệp|lực lượng"
    r"|ngành|chủ)\b"
)
_NEXT = re.compile(r"\s*[,;]|\s+và\s")


def _qualified(text: str, mention: Mention) -> Mention:
    """A known name with the words that place it ("Ngân hàng Nhà nước chi nhánh khu vực 5"),
    when a list separator follows them."""
    tail = _PLACED.match(text, mention.end)
    if tail is None or not _NEXT.match(text, tail.end()):
        return mention
    name = text[mention.start : tail.end()]
    return Mention(mention.start, tail.end(), name, canonical(name))


def _listed(text: str, start: int) -> Mention | None:
    """An agency the table does not know, inside a list of agencies: capitalised words up to
    the next separator ("các Ban xây dựng Đảng Tỉnh ủy", "Kiểm toán Nhà nước khu vực VI")."""
    m = re.match(r"(?:các\s+)?(\w)[^,;:()]{2,80}?(?=\s*[,;:]|\s+và\s|\.?\s*$)", text[start:])
    if m is None:
        return None
    if not m.group(1).isupper() and not _BODIES.match(match_form(m.group(0))):
        return None
    before = re.search(r"các\s+$", text[max(0, start - 8) : start])  # "và các Ban …": theirs
    name = m.group(0)
    form = match_form(name)
    if _VAGUE_HEAD.match(form):
        return None  # "các đơn vị có liên quan …": no one in particular
    inside = re.match(r"\s*[,;]", text[start + len(name) :]) is not None
    short = inside and len(name.split()) <= 8  # "…, các Ban xây dựng Đảng Tỉnh ủy, …": a name
    words = [w.start() for w in re.finditer(r"\S+", form)]
    verb = None if short else next((w for w in words if PREDICATE.match(form, w)), None)
    if verb is not None:  # the last of a list runs into what it is to do: the name ends there
        name = name[:verb].rstrip()
        if len(name.split()) < 2:
            return None
        form = match_form(name)
    if len(name.split()) > 12:
        return None
    own = f"các {name}" if before and not name.lower().startswith("các ") else name
    return Mention(start, start + len(name), name, canonical(own))
