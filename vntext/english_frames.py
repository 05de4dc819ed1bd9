"""The English around the glossary words: question frames ("how many X has Y met" → "Y met
«bao nhiêu» X", Vietnamese words in «»), dates, contractions and document numbers. English
puts the question word first; Vietnamese leaves it where the answer goes."""

from __future__ import annotations

import re
from functools import partial
from typing import Any

from vntext.terms import nfc

AUX = r"(?:is|are|was|were|do|does|did|has|have|had|will|would|shall|should|can|could|must|may)"
_DOCS = (
    r"(?:decision|resolution|plan|notice|notification|directive|report|official letter|dispatch"
    r"|document|circular|decree|conclusion|program|programme)"
)
_AGENCY = (
    r"(?:agenc(?:y|ies)|departments?|units?|bod(?:y|ies)|organi[sz]ations?|authorit(?:y|ies)"
    r"|offices?|sectors?|forces?)"
)
_NAMES = r"(?:(?-i:[A-Z])[\w'-]* ){0,3}"  # "the Dong Thap plan": a document named by its place
_BOUND = r"(?: (?P<bound>minimum|maximum|total|average))?"  # "what minimum share of …"
_BY = r"(?:(?:to|by|within|in|for|of) )?"  # "(shortened) to how many days", "within how …"
_BOUNDS = {"minimum": "tối thiểu ", "maximum": "tối đa ", "total": "tổng ", "average": "bình quân "}
_LEADS = r"(?:responsible for|in charge of|tasked with|assigned to|to|charged with)"
_TAKES_LEAD = r"(?:will |shall |must |should )?(?:take the lead in|leads?|presides? over)"
# Verbs whose "when" asks for a date: "when was it signed" → "ký ngày nào".
_DATING = re.compile(r"\b(?:sign|issu|promulgat|adopt|approv|effect|force|held|dated)", re.I)
# (pattern over the question clause, template). {np} and {rest} are English still; «…» is
# Vietnamese; «^» marks where the question proper starts; «WHAT» becomes "là bao nhiêu",
# "là khi nào" or "là gì" by the kind of noun asked about.
# fmt: off
_FRAMES = [
    (rf"(?:what|which) (?:is|was) the (?:number|no) of (?:the )?(?P<name>{_NAMES})(?P<doc>{_DOCS})"
     r"(?P<rest>.*)", "{doc} «số mấy» {name}{rest}"),
    (rf"(?:what|which) (?:is|was) the (?P<doc>{_DOCS}) (?:number|no)\b(?P<rest>.*)",
     "{doc} «số mấy» {rest}"),
    (rf"(?:what|which) (?:number|no) {AUX} (?:the )?(?P<doc>{_DOCS})(?P<rest>.*)",
     "{doc} «số mấy» {rest}"),
    (rf"{_BY}how (?:many|much)(?: (?P<np>.+?))? (?:{AUX} )?(?:remain|remains|remained|left)\b"
     r"(?P<rest>.*)", "{rest} «còn bao nhiêu» {np}"),
    # "how far from X does Y reach": a distance from X, not a count of X
    (rf"how far (?P<np>from .+?) {AUX} (?P<rest>.+)", "{rest} {np} «bao nhiêu»"),
    (rf"{_BY}how (?P<how>many|much|far)(?: (?P<np>.+?))? {AUX}(?: there)? (?P<rest>.+)",
     "{rest} «{is_}{how}» {np}"),
    (rf"{_BY}how (?P<how>many|much|far)(?: (?P<np>.+))?", "«{how}» {np}"),
    (r"how long (?:does|do|did|will) it take (?:to |for )?(?P<rest>.+)",
     "«thời gian» {rest} «là bao lâu»"),
    (r"how long (?:does|do|did|will) (?P<rest>.+?) take\b(?P<tail>.*)",
     "«thời gian» {rest}{tail} «là bao lâu»"),
    (rf"within how long {AUX} (?P<rest>.+)", "{rest} «trong thời hạn bao lâu»"),
    (rf"{_BY}how long {AUX} (?P<rest>.+)", "{rest} «bao lâu»"),
    # a period is stated in words ("định kỳ hằng năm", "hằng quý") more often than as a figure
    # ("06 tháng/lần"), which "bao lâu một lần" alone would want: name the usual ones
    (rf"how often {AUX} (?P<rest>.+)", "{rest} «định kỳ hằng tháng, hằng quý hay hằng năm»"),
    # "is it true that X …": a yes/no question about the statement X
    (r"(?:is|was) it (?:true|correct|right|the case|so) that (?P<rest>.+)",
     "«có phải» {rest} «không»"),
    (rf"(?:to )?whom {AUX} (?P<rest>.+)", "{rest} «cho ai»"),
    (rf"{_BY}what{_BOUND} (?:percentage|percent)(?: of (?P<np>.+?))? {AUX} (?P<rest>.+)",
     "{rest} «{bound}bao nhiêu phần trăm» {np}"),
    (rf"{_BY}what{_BOUND} (?:percentage|percent)(?: of (?P<np>.+))?",
     "«{bound}bao nhiêu phần trăm» {np}"),
    # a share may be "2/3" or "50%": asked as a count of what it is a share of
    (rf"{_BY}what{_BOUND} (?:proportion|share|fraction)(?: of (?P<np>.+?))? {AUX} (?P<rest>.+)",
     "{rest} «{bound}bao nhiêu» {np}"),
    (rf"{_BY}what{_BOUND} (?:proportion|share|fraction)(?: of (?P<np>.+))?",
     "«{bound}bao nhiêu» {np}"),
    (rf"(?:from|since|as of) (?:what|which) (?:date|day)(?: {AUX})? (?P<rest>.+)",
     "{rest}{since_back}"),
    # a period's end is written "đến hết ngày 28/02/2027"
    (rf"(?:until|till|up to) (?:what|which) (?:date|day)(?: {AUX})? (?P<rest>.+)",
     "{rest} «đến hết ngày nào»"),
    (rf"(?:until|till) when {AUX} (?P<rest>.+)", "{rest} «đến hết ngày nào»"),
    # a deadline: "by what date must X submit …" → "… trước ngày nào"
    (rf"by (?:what|which) (?:date|day)(?: {AUX})? (?P<rest>.+)", "{rest} «trước ngày nào»"),
    (rf"(?:on )?(?:what|which) (?:date|day)(?: {AUX})? (?P<rest>.+)", "{rest} «ngày nào»"),
    # a time of day: "by what time (at the latest) must shops open" → "… mở cửa «mấy giờ»"
    (rf"(?P<by>by |before |at |from |until )?(?:what|which) time(?: of (?:the )?day)?"
     rf"(?P<late> at the latest| at the earliest)? {AUX} (?P<rest>.+)", "{rest} «{clock}mấy giờ»"),
    (rf"(?:since |by |until )?when {AUX} (?P<rest>.+)", "{rest} «{when}»"),
    (rf"(?:who|(?:which|what) {_AGENCY}) {AUX}(?: be)? {_LEADS} (?P<rest>.+)",
     "«cơ quan nào chủ trì» {rest}"),
    (rf"who {_TAKES_LEAD} (?P<rest>.+)", "«cơ quan nào chủ trì» {rest}"),
    (r"who (?:has )?(?:signed|signs|will sign) (?P<rest>.+)", "«ai ký» {rest}"),
    (rf"who {AUX} the signer of (?P<rest>.+)", "«ai ký» {rest}"),
    (rf"who {AUX} (?P<rest>.+?) signed(?: by)?", "«ai ký» {rest}"),
    (rf"(?:which|what) {_AGENCY}(?P<rest>.*)", "«cơ quan nào» {rest}"),
    (r"what (?:is|was|are|were) (?P<rest>.+) about", "{rest} «về việc gì»"),
    # "what is the effective / signing / issue date of X": X and its verb, then the date
    (r"what (?:is|was) the (?:effective date|date of effect|entry into force date)"
     r" of (?P<rest>.+)", "{rest} «có hiệu lực từ ngày nào»"),
    (r"what (?:is|was) the (?:signing date|date of signing|signature date) of (?P<rest>.+)",
     "{rest} «ký ngày nào»"),
    (r"what (?:is|was) the (?:issue date|date of issue|issuance date|promulgation date)"
     r" of (?P<rest>.+)", "{rest} «ban hành ngày nào»"),
    (rf"(?:what|which) (?:rate|ratio)(?: of (?P<np>.+?))? {AUX} (?P<rest>.+)",
     "«tỷ lệ» {np} {rest} «là bao nhiêu»"),
    (r"what (?:must|should|shall|will|does|do|did) (?P<rest>.+?) do\b(?P<tail>.*)",
     "{rest} «phải làm gì»{tail}"),
    (rf"(?P<wh>which|what) (?P<np>(?!{AUX}\b)[^,]+?) (?:do|does|did) (?P<rest>.+)",
     "{rest} {wh} {np}"),
    # the passive with its agent: "which decision is replaced by X" → "X thay thế quyết định nào"
    (rf"(?P<wh>which|what) (?P<np>(?!{AUX}\b)[^,]+?) {AUX}(?: being| been)?"
     r" (?P<verb>\w+(?:ed|en)|set|led|held|issued) by (?P<rest>.+)", "{rest} {verb} {wh} {np}"),
    (r"what (?:is|are|was|were) (?P<rest>.+)", "«^» {rest} «WHAT»"),
    (rf"what {AUX} (?P<rest>.+)", "{rest} «gì»"),
    (rf"where {AUX} (?P<rest>.+?) (?:rank|ranked|place|placed|stand)\b(?P<tail>.*)",
     "{rest} «đứng thứ mấy»{tail}"),
    (rf"where {AUX} (?P<rest>.+?) (?:located|situated)", "{rest} «có địa chỉ ở đâu»"),
    (rf"where {AUX} (?P<rest>.+)", "{rest} «ở đâu»"),
    (rf"why {AUX} (?P<rest>.+)", "«vì sao» {rest}"),
    (rf"how {AUX} (?P<rest>.+)", "{rest} «như thế nào»"),
    (r"who (?:is|are|was|were) (?P<rest>.+)", "«^» {rest} «là ai»"),
    # a power the documents give to a body: "who decides / approves …" asks which one
    (r"who (?P<rest>(?:decide|approve|apprais|inspect|grant|licens|supervis|allocat|recogni)"
     r"\w*\b.*)", "«cơ quan nào» {rest}"),
    (r"who (?P<rest>.+)", "«ai» {rest}"),
    (rf"{AUX} (?P<rest>.+)", "«có» {rest} «không»"),
]
# fmt: on
_SOURCE = re.compile(
    r",\s*(?:according to|under|as (?:stated|reported|set out) in|in accordance with|per|"
    r"based on)\b[^,]*$",
    re.I,
)
_EFFECT_END = re.compile(
    r"\b(?:take|takes|took|taking) effect$|\bcome into (?:force|effect)$|\beffective$", re.I
)
_COMPILED = [(re.compile(p, re.I | re.S), t) for p, t in _FRAMES]
_WH = re.compile(
    r"\b(?:(?:on|in|at|by|for|to|from|since|until|as of|within)\s+)?"
    r"(?:how|what|which|when|whom|who|where|why)\b",
    re.I,
)
_YES_NO = re.compile(rf"(?:^|,\s*)(?={AUX}\b)", re.I)


def reorder(text: str) -> str:
    """Rewrite the question clause (from its question word on; a clause before it, such as
    "In 2022," or "Under Resolution X,", stays as it is) by the first frame that fits."""
    m = _WH.search(text) or _YES_NO.search(text)
    if not m:
        return text
    prefix, main = text[: m.start()], text[m.start() :].lstrip(", ")
    source = _SOURCE.search(main)  # ", according to the 2024 notice": kept after the question
    suffix = main[source.start() :] if source else ""
    main = main[: source.start()] if source else main
    for pattern, template in _COMPILED:
        found = pattern.fullmatch(main)
        if found:
            groups = {k: v or "" for k, v in found.groupdict().items()}
            groups["is_"] = "" if groups.get("np") else "là "
            groups["bound"] = _BOUNDS.get(groups.get("bound", "").lower(), "")
            # "how much is the fee": "bao nhiêu đồng" once the fee is known to be money
            groups["how"] = "HOWMUCH" if groups.get("how", "").lower() == "much" else "bao nhiêu"
            late = {" at the latest": "chậm nhất ", " at the earliest": "sớm nhất "}
            clock = late.get((groups.get("late") or "").lower(), "")
            groups["clock"] = (
                "trước "
                if groups.get("by", "").strip().lower() in ("by", "before") and not clock
                else clock
            )
            groups["when"] = "ngày nào" if _DATING.search(groups.get("rest", "")) else "khi nào"
            # "… take effect from what date" keeps the verb before the date ("có hiệu lực từ
            # ngày nào"); other questions put the date first, before any "according to …" that
            # opens them, where it reads as Vietnamese and no word before it is taken for the
            # figure's topic.
            back = bool(_EFFECT_END.search(groups.get("rest", "")))
            groups["since_front"] = "" if back else "«từ ngày nào» "
            groups["since_back"] = " «từ ngày nào»" if back else ""
            front = groups["since_front"] if "{since_back}" in template else ""
            return f"{front}{prefix} {template.format(**groups)}{suffix}"
    return text


_MONTHS = "january february march april may june july august september october november december"
_MONTH = {m: i for i, m in enumerate(_MONTHS.split(), 1)}
_MONTH |= {m[:3]: i for m, i in list(_MONTH.items())} | {"sept": 9}
_M = r"(?P<m>" + "|".join(sorted(_MONTH, key=len, reverse=True)) + r")\.?"
_D, _Y = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?", r"(?P<y>\d{4})"
_DATES = [
    (re.compile(rf"\b{_M}\s+{_D},?\s+{_Y}\b", re.I), "{d}/{m}/{y}"),
    (re.compile(rf"\b{_D}\s+(?:of\s+)?{_M},?\s+{_Y}\b", re.I), "{d}/{m}/{y}"),
    (re.compile(rf"\b(?:in\s+)?{_M},?\s+{_Y}\b", re.I), "«tháng {m} năm {y}»"),
    (re.compile(rf"\bin\s+{_M}(?!\w)", re.I), "«tháng {m}»"),
]
_BOUND_WORDS = {"minimum": "«tối thiểu» ", "maximum": "«tối đa» ", "total": "«tổng» "}
_CONTRACTIONS: list[tuple[re.Pattern[str], Any]] = [
    (re.compile(r"\b(what|who|where|when|how|that|it)'s\b", re.I), r"\1 is"),
    (re.compile(r"\bcan't\b", re.I), "can not"),
    (re.compile(r"\bwon't\b", re.I), "will not"),
    (re.compile(r"n't\b", re.I), " not"),
    (re.compile(r"\bno\.?\s*(?=\d)", re.I), "số "),  # "Decision No. 15" → "Decision số 15"
    (re.compile(r"\b(?:what|which) (?:kinds?|types?|sorts?) of\b", re.I), "which"),
    # "who heads / chairs the steering committee" asks who its head is ("Trưởng Ban Chỉ đạo
    # là ai"); chairing a meeting stays "chủ trì"
    (
        re.compile(
            r"\bwho (?:heads|headed|chairs|chaired|leads|led) (?=(?:the |a )?(?:[\w'-]+ ){0,4}?"
            r"(?:committee|council|group|team|board|delegation|commission|task force)\b)",
            re.I,
        ),
        "who is the head of ",
    ),
    # "who is authorised to approve X": who has the power ("có thẩm quyền"), not a delegation
    (
        re.compile(r"\b(?:is|are|was|were) (?:authori[sz]ed|empowered|competent) to\b", re.I),
        "«có thẩm quyền»",
    ),
    # "what is the (minimum) number of X …" asks "how many X …"
    (
        re.compile(
            r"\b(?:what|which) (?:is|was|are|were) the (?:(?P<b>minimum|maximum|total) )?"
            r"(?:number|count) of\b(?! (?:the )?" + _NAMES + _DOCS + r"\b)",
            re.I,
        ),
        lambda m: _BOUND_WORDS.get((m["b"] or "").lower(), "") + "how many",
    ),
]


_COUNTS = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
]
_FIRST_MONTHS = re.compile(
    rf"\b(?:the )?first (?P<n>\d{{1,2}}|{'|'.join(_COUNTS)}) months(?: of(?: the year)?)?", re.I
)


def _months_so_far(m: re.Match[str]) -> str:
    """ "the first nine months of" → "9 tháng đầu năm": the year, if named, follows."""
    n = m["n"].lower()
    return f"«{_COUNTS.index(n) + 1 if n in _COUNTS else n} tháng đầu năm»"


# "level IV and V dykes": a grade written in Roman numerals is a "cấp" ("đê cấp IV, cấp V")
# "for 5 years or more" → "từ 5 năm trở lên"
_OR_MORE = re.compile(
    r"\b(?:for )?(?P<n>\d+) (?P<unit>years?|months?|days?) or (?:more|longer|above)\b", re.I
)
_UNITS = {"year": "năm", "month": "tháng", "day": "ngày"}


def _or_more(m: re.Match[str]) -> str:
    return f"«từ {m['n']} {_UNITS[m['unit'].lower().rstrip('s')]} trở lên»"


_GRADES = re.compile(r"\b(?:levels?|grades?) (?P<a>[IVX]+)\b(?:(?:,| and| or) (?P<b>[IVX]+)\b)?")


def _grades(m: re.Match[str]) -> str:
    return f"«cấp {m['a']}" + (f", cấp {m['b']}»" if m["b"] else "»")


def normalise(text: str) -> str:
    """Plain apostrophes, no contractions, dates as Vietnamese writes them ("16/9/2022"),
    "the first 9 months" as "9 tháng đầu năm"."""
    text = nfc(text).replace("’", "'").replace("‘", "'").strip().rstrip("?.! ")
    for contraction, expansion in _CONTRACTIONS:
        text = contraction.sub(expansion, text)
    text = _FIRST_MONTHS.sub(_months_so_far, text)
    text = _GRADES.sub(_grades, text)
    text = _OR_MORE.sub(_or_more, text)
    for date, template in _DATES:
        text = date.sub(partial(_spell_date, template=template), text)
    return text


def _spell_date(m: re.Match[str], template: str) -> str:
    return template.format(**(m.groupdict() | {"m": _MONTH[m["m"].lower()]}))


_CODES = {"QD": "QĐ", "ND": "NĐ", "HDND": "HĐND", "BCD": "BCĐ", "TTG": "TTg"}


def spell_figure(token: str) -> str:
    """A figure as Vietnamese documents write it: "2820/QD-UBND" → "2820/QĐ-UBND",
    "3.5%" → "3,5%", "2,236" → "2.236"."""
    if re.search(r"[^\W\d_]", token.removeprefix("số ")):
        sep = "/" if "/" in token else "-"
        head, _, code = token.partition(sep)
        code = re.sub(r"[^\W\d_]+", lambda m: _CODES.get(m[0].upper(), m[0].upper()), code)
        return f"{head}{sep}{code}"
    if re.fullmatch(r"\d+\.\d{1,2}%", token):
        return token.replace(".", ",")
    return token.replace(",", ".") if re.fullmatch(r"\d{1,3}(?:,\d{3})+", token) else token
