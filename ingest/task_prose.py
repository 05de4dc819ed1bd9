"""Who a sentence assigns work to: "Giao Sở X chủ trì …", "Sở X tập trung hoàn thiện …",
"Đề nghị UBND huyện Y …", "Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các xã …", and the
agencies it should work with ("phối hợp với Sở Z, các cơ quan liên quan").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.agencies import Mention, canonical, find_agencies, match_form
from ingest.task_clauses import clause_starts, subject_commas
from ingest.task_names import (
    MARKER,
    VAGUE,
    leading_agencies,
    strip_marker,
    without_asides,
)
from ingest.task_reports import asks_up, attends

# "Riêng UBND huyện X: …" under a heading for all districts: the item names its own agency.
_OPENING = re.compile(
    r"(?:giao(?:\s+cho)?|đề nghị|yêu cầu|(?:riêng\s+)?đối với|riêng|trách nhiệm của)\s*:?\s*"
)
# "Giao", "Đề nghị", "Yêu cầu" anywhere: "…; giao Sở X chủ trì", "UBND tỉnh yêu cầu Sở X …".
_CUE = re.compile(r"(?:^|(?<=[\s,:;(]))(?:giao(?:\s+cho)?|đề nghị|yêu cầu|chỉ đạo)\s*:?\s+")
# "Đề nghị" after a paper that proposes ("văn bản, tờ trình đề nghị UBND tỉnh …"): addressed up.
_PROPOSES = re.compile(r"(?:văn bản|tờ trình|hồ sơ|trình)\s*,?\s*$")
# What follows an agency when the sentence reports or describes rather than assigns.
_REPORTS = re.compile(
    r"\s*(?:đã|đang|được(?!\s+giao\s+(?:nhiệm vụ\s+)?(?:chủ trì|thực hiện|triển khai|tổ chức"
    r"|xây dựng|hoàn thiện|rà soát|tham mưu|lập|theo dõi))"
    r"|bị|là(?![^.;]*,\s*(?:có|chịu) trách nhiệm)|cũng|vẫn|chưa|nhận|đạt|gồm"
    r"|bao gồm|tham dự|soạn thảo|trình\)"
    r"|có\s+(?!trách nhiệm)|thống nhất|nhất trí|cơ bản|do|của|về|tại|với|năm|trên địa bàn|thuộc"
    r"|\(sau đây|ban hành|quyết định"
    r"|[;.]|-\s)(?!\w)"
)
# The committee that issues a directive is not one of its assignees when it is the subject
# ("UBND tỉnh ban hành Kế hoạch …"); it can be asked ("Đề nghị UBND tỉnh xem xét …").
ISSUER = "UBND tỉnh"
_HELPS = re.compile(r"(?:chủ trì\s*,?\s*)?phối hợp(?:\s+chặt chẽ)?(?:\s+với)?\s+")
_CO = re.compile(r"phối hợp(?:\s+chặt chẽ)?(?:\s+với)?\s+")
_CO_END = re.compile(
    r"\s(?:để|nhằm|trong|tổ chức|triển khai|thực hiện|xây dựng|rà soát|tham mưu)\s"
)
# Closing lines every directive ends with: not a task of their own unless they set a deadline.
# "… chịu trách nhiệm thi hành Quyết định này" never is; "triển khai thực hiện Chỉ thị này" is
# one when a list item gives it to an agency.
EXECUTES = re.compile(
    r"thi hành (?:quyết định|chỉ thị|kế hoạch|thông báo|nghị quyết|văn bản) này"
    r"|căn cứ (?:quyết định|chỉ thị|nghị quyết)(?: này)? (?:để )?thi hành"
)
CLOSING = re.compile(
    r"(?:tổ chức thực hiện|triển khai thực hiện|quán triệt|triển khai|thực hiện)"
    r"[^.;]*(?:quyết định|chỉ thị|kế hoạch|thông báo|nghị quyết|văn bản) này"
    r"|^\s*trong quá trình (?:thực hiện|triển khai)|^\s*(?:nếu|trường hợp|khi)\s"
    r"|thông báo (?:để|cho|đến) [^.;]*biết"
)

# What is left of a closing exhortation once its agencies are read ("Yêu cầu các sở, ngành …
# thực hiện nghiêm túc./.", "Đề nghị các cơ quan khẩn trương triển khai, thực hiện./.").
_EXHORTS = re.compile(
    r"(?:khẩn trương\s+)?(?:(?:tổ chức\s+)?(?:triển khai|thực hiện)\s*,?\s*)+"
    r"(?:nghiêm túc|nghiêm|tốt|có hiệu quả)?"
)
# A closing line that urges no one in particular ("Đề nghị các cơ quan, đơn vị …").
_URGES_ALL = re.compile(r"\s*(?:đề nghị|yêu cầu)\s+(?:các\s+)?(?:cơ quan|đơn vị|địa phương)[\s,]*")


def exhorts(action: str) -> bool:
    """An action that only urges the work on: no task of its own."""
    return _EXHORTS.fullmatch(match_form(action).strip(" ./;,")) is not None


def urges_all(text: str) -> bool:
    """ "Đề nghị các cơ quan, đơn vị khẩn trương triển khai, thực hiện./.": a closing line."""
    form = match_form(text)
    urge = _URGES_ALL.match(form)
    vague = VAGUE.match(form, urge.end()) if urge else None
    return urge is not None and exhorts(form[vague.end() if vague else urge.end() :])


@dataclass
class Assignment:
    """The agencies a sentence makes responsible, those it asks to help, and where the action
    itself starts in the sentence."""

    agencies: list[Mention]
    co: list[str] = field(default_factory=list)
    action: int = 0
    clauses: list[int] = field(default_factory=list)  # where each agency's own clause starts

    def groups(self) -> list[tuple[int, int, list[str]]]:
        """(start, end, agencies) of each clause with its own subject ("Sở A …; Sở B …"):
        each clause sets its own deadline."""
        starts = sorted(set(self.clauses)) or [0]
        bounds = [*starts[1:], 10**9]
        pairs = list(zip(self.agencies, self.clauses, strict=True))
        return [
            (start, end, [m.canonical for m, c in pairs if c == start])
            for start, end in zip(starts, bounds, strict=True)
        ]


def assignment(sentence: str) -> Assignment | None:
    """The assignment a sentence makes, or None when it names nobody to act: agencies after
    "Giao/Đề nghị/Yêu cầu", or agencies that open the sentence (or one of its ";" clauses)
    followed by what they are to do."""
    if attends(sentence):
        return None
    form = match_form(sentence)
    marker = MARKER.match(sentence)
    at = marker.end() if marker else 0
    opening = _OPENING.match(form, at)
    found: list[Mention] = []
    clauses: list[int] = []
    action = 0
    if opening:
        agencies, end = leading_agencies(sentence, opening.end())
        reports = _REPORTS.match(form, end + len(form[end:]) - len(form[end:].lstrip(" :")))
        if agencies and len(form) - end > 8 and not reports:
            found, clauses, action = list(agencies), [at] * len(agencies), end
    opened = bool(found)
    helps = _HELPS.match(form, at)  # "Phối hợp với Chánh Văn phòng …; Chủ tịch UBND …": co
    co_end = leading_agencies(sentence, helps.end())[1] if helps else at
    starts = clause_starts(sentence, form, at)
    own = set(subject_commas(sentence, form, at)) - set(starts)  # "…, Sở B thẩm định …"
    for start in sorted({*starts, *own}):
        if start in own and not (found and start > action):
            continue  # a second subject takes up work only after the first one's
        asked = start in own or _CUE.match(form, start)
        if at < start < co_end or (opened and (start <= action or not asked)):
            continue  # the opening's own clause is read; a later "…; giao Sở Y …" may add
        agencies, end = leading_agencies(sentence, start)
        if agencies and asks_up(form, end):
            continue  # "UBND huyện X kiến nghị UBND tỉnh: …": it asks, it is not asked
        agencies = [m for m in agencies if m.canonical != ISSUER]
        cue = _CUE.match(form, end)
        if cue and cue.group(0).startswith("chỉ đạo") and (agencies or end == start):
            cue = None  # "UBND huyện chỉ đạo các xã …", "Chỉ đạo các xã …": the subject directs
        cued, cued_end = leading_agencies(sentence, cue.end()) if cue else ([], end)
        if cued:
            agencies, end = cued, cued_end
        elif _REPORTS.match(form, end):
            continue
        if agencies and len(form) - end > 8:
            found += agencies
            clauses += [start] * len(agencies)
            action = action or end
    if found:
        return Assignment(found, co_agencies(sentence, action), action, clauses)
    for cue in _CUE.finditer(form, at):
        if cue.group(0).startswith("chỉ đạo"):
            continue  # "Tăng cường chỉ đạo các xã …": whoever directs is the one tasked
        if _PROPOSES.search(form, 0, cue.start()) or _asked_by(sentence, form, cue.start()):
            continue  # "… có văn bản đề nghị UBND tỉnh xét tặng": a proposal to, not a task
        agencies, end = leading_agencies(sentence, cue.end())
        if agencies and len(form) - end > 8:
            return Assignment(agencies, co_agencies(sentence, end), end)
    return None


def _asked_by(sentence: str, form: str, at: int) -> bool:
    """ "UBND huyện X đề nghị UBND tỉnh …": the agency right before the cue asks the province."""
    before = find_agencies(sentence[:at])
    return asks_up(form, at) and bool(before) and before[-1].end >= len(sentence[:at].rstrip())


def co_agencies(text: str, at: int = 0) -> list[str]:
    """Agencies asked to work with the responsible one: named after "phối hợp (với)"."""
    form = match_form(text)
    m = _CO.search(form, at)
    if m is None:
        return []
    stop = _CO_END.search(form, m.end())
    span_end = stop.start() if stop else len(text)
    span = text[m.end() : span_end]
    mentions = find_agencies(span)
    vague = VAGUE.match(match_form(span))
    if not (vague and vague.group(0).strip()) and (not mentions or mentions[0].start > 12):
        return []  # "phối hợp rà soát …, báo cáo UBND tỉnh": whom it reports to, not a helper
    out = [mention.canonical for mention in mentions]
    out += [v.group(0) for v in VAGUE.finditer(match_form(span)) if v.group(0).strip()]
    return list(dict.fromkeys(o for o in out if o))


def is_closing(sentence: str) -> bool:
    form = match_form(sentence)
    return bool(CLOSING.search(form) or EXECUTES.search(form))


def executes(sentence: str) -> bool:
    """ "… chịu trách nhiệm thi hành Quyết định này": who carries the decision out, no task."""
    return bool(EXECUTES.search(match_form(sentence)))


def action_text(sentence: str, at: int, limit: int = 240) -> str:
    """The action, in the notice's words: what follows the agencies, cut at a word."""
    text = sentence[at:].strip(" ,;:-–")
    text = text[:1].upper() + text[1:]
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > 0 else limit].rstrip(" ,;:") + "…"


# "Giám đốc Sở, Thủ trưởng cơ quan, ban, ngành": the roles go, the agencies stay.
_ROLES_INSIDE = re.compile(
    r"(?<=, )(?:giám đốc|thủ trưởng|chủ tịch)\s+|^(?:Giám đốc|Thủ trưởng)\s+(?=Sở,)", re.I
)


def nearest_heading_agencies(headings: list[str]) -> list[str]:
    """Agencies the nearest heading that names agencies puts in charge ("2. Sở Tài chính",
    "Khoản 1 – Trách nhiệm của Sở X", "6. Đề nghị: Hiệp hội …, Hội Nông dân tỉnh")."""
    for heading in reversed(headings):
        agencies = heading_agencies(heading)
        if agencies:
            return agencies
    return []


def heading_agencies(heading: str) -> list[str]:
    """The agencies a heading names as the ones in charge; the heading's own words when they
    name one agency more precisely than its canonical name ("Các chủ rừng là tổ chức (…)")."""
    body = _ROLES_INSIDE.sub("", without_asides(strip_marker(heading)))
    form = match_form(body)
    prefix = re.match(
        r"(?:đề nghị|giao|đối với|trách nhiệm của|nhiệm vụ của|nội dung(?: do)?)\s*:?\s*", form
    )  # "Điều 6. Nội dung Công an tỉnh có trách nhiệm chủ trì"
    at = prefix.end() if prefix else 0
    mentions, end = leading_agencies(body, at)
    after = len(form) - len(form[end:].lstrip())
    cue = _CUE.match(form, after) if all(m.canonical == ISSUER for m in mentions) else None
    if cue:  # "Chủ tịch UBND tỉnh yêu cầu Giám đốc các sở, …:": those asked are in charge
        mentions, end = leading_agencies(body, cue.end())
    if not mentions:
        return []
    rest = form[end:].strip(" :.;")
    if re.match(r"(?:đã|đang|được|là|có\s+(?!trách)|chưa)\b", rest):
        return [] if not rest.startswith("là tổ chức") else [body.strip(" :")]
    whole = rest and not _is_predicate(rest) and not body.endswith("…")  # not a cut label
    if len(mentions) == 1 and whole and len(body) < 160:
        return [body.strip(" :")]  # the heading's whole words name the agency
    if len(mentions) == 1 and names_agency(body):
        return [canonical(body)]  # "Ngân hàng Nhà nước chi nhánh khu vực 14"
    return list(dict.fromkeys(m.canonical for m in mentions))


def _is_predicate(rest: str) -> bool:
    return bool(re.match(r"[a-zđà-ỹ]", rest)) and not rest.startswith(("(", "là tổ chức"))


_QUALIFIER = re.compile(r"(?:chi nhánh|khu vực|tỉnh|thành phố|cấp|trực thuộc|thuộc)\b")


def names_agency(heading: str) -> bool:
    """A heading that only names who is in charge, however qualified ("3. Ngân hàng Nhà nước
    chi nhánh khu vực 14"): it heads tasks, it is not one."""
    body = without_asides(strip_marker(heading).strip(" :.")).strip(" :.")
    mentions, end = leading_agencies(body, 0)
    rest = match_form(body)[end:].strip(" :.;,")
    return bool(mentions) and (not rest or (_QUALIFIER.match(rest) is not None and len(rest) < 40))
