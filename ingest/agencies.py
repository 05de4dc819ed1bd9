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

from ingest.agency_heads import HEADS, PREDICATE, generic_span
from vntext.terms import fold, nfc, normalize_tone

__all__ = ["PREDICATE", "Mention", "canonical", "find_agencies", "list_prefix", "match_form"]

_UPPER = "".join(chr(c) for c in range(0x41, 0x1EFF) if chr(c).isupper())
_NAME = rf"[{_UPPER}][\w]*(?:\s+[{_UPPER}0-9][\w]*)*"
_UNIT = r"huyện|quận|thị xã|thị trấn|thành phố|xã|phường|đặc khu"
_UBND = r"(?:ubnd|ủy ban nhân dân)"
ROLES = re.compile(
    r"^(?:(?:giám đốc|thủ trưởng|chủ tịch|lãnh đạo|người đứng đầu|chánh|trưởng|đề nghị|giao"
    r"|đối với|trách nhiệm của|các cơ quan(?! chuyên môn)|cơ quan(?! chuyên môn))\s*:?\s+)+",
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
    # its standing body, committees and deputies are agencies at any level, even "… tỉnh"
    rf"|(?:Thường trực|[Cc]ác Ban của|(?:[Cc]ác\s+)?Tổ đại biểu|(?:[Cc]ác\s+)?[Đđ]ại biểu)\s+"
    rf"(?:HĐND|Hội đồng nhân dân)(?:\s+(?:tỉnh|[Tt]hành phố|{_UNIT})(?:\s+{_NAME})?)?"
)
_UNITS = rf"(?:{_UNIT})(?:\s*(?:,|và)\s*(?:các\s+)?(?:{_UNIT}))*"
_UBND_GROUP = re.compile(
    rf"{_UBND}\s+(?:các\s+)?(?:cấp\s+(?:huyện|xã)(?:\s*,\s*phường)?|{_UNITS})"
    rf"|(?<!\w)các\s+{_UNITS}(?!\s+[{_UPPER.lower()}]*\w*\s*[{_UPPER}])"
)
# "các Sở: Tài chính, Xây dựng, Kế hoạch và Đầu tư": one list, several departments.
_SO_LIST = re.compile(r"(?<!\w)(?:các\s+)?sở\s*:\s*|(?<!\w)các\s+sở\s+(?!,)")
_SO_GROUP = re.compile(
    r"(?:các\s+)?(?:sở|cơ quan)\s*,\s*(?:(?:thủ trưởng\s+)?(?:các\s+)?(?:cơ quan|ban)\s*,\s*)*ngành"
    r"(?:\s*,\s*(?:địa phương|đoàn thể|đơn vị)(?=[\s,]))*(?:\s+(?:cấp tỉnh|tỉnh|thành phố"
    r"|của thành phố|có liên quan|liên quan|(?:trực\s+)?thuộc\s+(?:ubnd|ủy ban nhân dân)\s+(?:tỉnh"
    r"|thành phố)))*|các cơ quan chuyên môn (?:trực )?thuộc (?:ubnd|ủy ban nhân dân)"
    r" (?:tỉnh|thành phố)|các cơ quan chuyên môn(?:\s*,\s*cơ quan hành chính khác)?"
    r"(?:\s+(?:trực\s+)?thuộc\s+(?:ubnd|ủy ban nhân dân)\s+(?:tỉnh|thành phố))?"
    r"(?!\s+(?:trực )?thuộc)"
)
# Public service units of the province ("các đơn vị sự nghiệp công lập trực thuộc UBND tỉnh").
_PUBLIC_UNITS = re.compile(
    r"(?:các\s+)?đơn vị sự nghiệp(?:\s+công lập)?(?:\s+(?:trực\s+)?thuộc\s+(?:ubnd|ủy ban"
    r"(?:\s+nhân)?(?:\s+dân)?)\s+(?:tỉnh|thành phố))?(?!\s+(?:trực )?thuộc)"
)
# "Ban Chỉ huy … cấp tỉnh, cấp xã": the same body at each level it names.
_LEVEL = re.compile(r"\s+cấp\s+(?:tỉnh|huyện|xã)$")
_NEXT_LEVEL = re.compile(r"\s*(?:,|và)\s*(cấp\s+(?:tỉnh|huyện|xã))(?!\w)")
# The cities that are provinces.
_CITY_PROVINCES = ("Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế")
# A name placed in its province ("Thuế tỉnh Đắk Lắk", "Hội Liên hiệp Phụ nữ Thành phố").
_PLACED = re.compile(rf"^(.*?\s(?:tỉnh|[Tt]hành phố))((?:\s+[{_UPPER}][\w]*)*)$")
_PLACE_NAME = re.compile(rf"^(.*?\w)((?:\s+[{_UPPER}][\w]*){{1,3}})$")  # "Thuế Đồng Nai"


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
    if named and named.group(1).lower() == "thành phố" and named.group(2) in _CITY_PROVINCES:
        return canon[key("UBND tỉnh")]  # a city that is a province: its committee is the top one
    if named:
        return f"UBND {named.group(1).lower()} {named.group(2)}"
    form = match_form(bare)
    if _SO_GROUP.match(form) or _SO_GROUP.match(match_form(text)):
        return "Các sở, ban, ngành"
    if _PUBLIC_UNITS.fullmatch(match_form(text)):
        return "Các đơn vị sự nghiệp công lập thuộc UBND tỉnh"
    if _UBND_GROUP.fullmatch(form) or _UBND_GROUP.match(form):
        units = set(re.findall(_UNIT, form))
        district = units & {"huyện", "quận", "thị xã"}
        return "UBND các huyện, thành phố" if district else "UBND các xã, phường"
    placed = _PLACED.match(bare) or _PLACE_NAME.match(bare)
    # "… tỉnh Đắk Lắk" is "… tỉnh", "… Thành phố" of a city province too; the nation is none
    if placed and placed.group(2).strip() != "Việt Nam":
        home = key(placed.group(1))
        for base in (home, re.sub(r"thanh pho$", "tinh", home), f"{home} tinh"):
            if base in canon:
                return canon[base]
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
    spans += [m.span() for m in _PUBLIC_UNITS.finditer(form)]
    spans += _department_list(form)
    for m in HEADS.finditer(text):
        span = generic_span(text, form, m.start(), m.end())
        if span and form[max(0, span[0] - 4) : span[0]] == "các ":
            span = (span[0] - 4, span[1])  # "các Ban Xây dựng Đảng": all of them, one name
        spans += [_before_next(form, span, spans)] if span else []
    chosen: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):
        if all(end <= s or start >= e for s, e in chosen):
            chosen.append((start, end))
    found = [Mention(s, e, text[s:e], _canonical_at(text, s, e)) for s, e in sorted(chosen)]
    return tuple(sorted([*found, *_other_levels(text, form, found)], key=lambda m: m.start))


def _before_next(form: str, span: tuple[int, int], known: list[tuple[int, int]]) -> tuple[int, int]:
    """A generic name ends where a list goes on to a known one ("Hội … và Tỉnh đoàn")."""
    start, end = span
    for s, _ in sorted(known):
        if start < s < end and re.search(r"(?:,|\svà)\s*$", form[start:s]):
            return start, start + len(re.sub(r"\s*(?:,|\svà)\s*$", "", form[start:s]))
    return span


def _other_levels(text: str, form: str, found: list[Mention]) -> list[Mention]:
    """ "Ban Chỉ huy Phòng thủ dân sự cấp tỉnh, cấp xã": the body at the other level too."""
    out = []
    taken = [(m.start, m.end) for m in found]
    for m in found:
        level = _LEVEL.search(form[m.start : m.end])
        other = _NEXT_LEVEL.match(form, m.end) if level else None
        if level is None or other is None:
            continue
        if any(s < other.end(1) and other.start(1) < e for s, e in taken):
            continue
        name = text[m.start : m.start + level.start()] + " " + text[other.start(1) : other.end(1)]
        out.append(
            Mention(
                other.start(1), other.end(1), text[other.start(1) : other.end(1)], canonical(name)
            )
        )
    return out


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


def matches(query: str, canonical_name: str) -> bool:
    """Whether what a user typed ("sở tnmt", "Sở TN&MT", "xay dung") names this agency."""
    if not query.strip() or not canonical_name:
        return False
    if canonical(query) == canonical_name:
        return True
    wanted = key(query)
    names = (canonical_name, abbreviation(canonical_name))
    return any(wanted and wanted in key(n) for n in names if n)
