"""What a paragraph of a notice is, for task extraction: a list item, a deadline line, a
descriptive section, an action or only a name, a closing line; and paragraphs a page break cut
in two, joined again."""

from __future__ import annotations

import re

from ingest.agencies import canonical, match_form
from ingest.deadlines import Deadline, find_deadline
from ingest.outline import Block
from ingest.task_names import leading_agencies, strip_marker, without_asides
from ingest.task_prose import assignment, heading_agencies, is_closing
from vntext.terms import fold

BULLET = re.compile(r"^\s*(?:[-+•*–]\s|\(\d{1,2}\)\s|[a-zđ]\)\s|\d{1,2}(?:\.\d{1,2}){0,2}[.)]\s)")
DEADLINE_LINE = re.compile(
    r"^\s*(?:[-+]\s*)?(?:thời hạn|thời gian)(?:\s+(?:hoàn thành|thực hiện|báo cáo|nộp))?\s*:?\s*",
    re.I,
)
# Sections that describe (results, shortcomings, goals) rather than assign.
# A section title names them in its first words ("I. KẾT QUẢ ĐẠT ĐƯỢC", "3. Về các kiến nghị
# của huyện"); the same words deep in a sentence-long heading ("2. Để hoàn thành các mục tiêu
# năm 2022, đề nghị UBND huyện …:") do not make it one.
DESCRIPTIVE = re.compile(
    r"^(?:\S+\s+){0,3}?(?:kết quả|tình hình|đánh giá|hạn chế|tồn tại|nguyên nhân|khó khăn"
    r"|mục tiêu|mục đích|yêu cầu$|quan điểm|đối tượng|phạm vi|căn cứ|kinh phí|bối cảnh"
    r"|thực trạng|kiến nghị|đề xuất)"
)


def descriptive(heading: str) -> bool:
    """A section that reports rather than assigns; not one whose title first asks for work
    ("Nhiệm vụ, yêu cầu", "Kết luận và kiến nghị")."""
    title = label(heading)
    m = DESCRIPTIVE.search(title)
    if m is None:
        return False
    return not _ASKS.search(title[: m.end() - len(m.group(0).split()[-1])])


_ASKS = re.compile(r"nhiệm vụ|giải pháp|chỉ đạo|kết luận|phân công|tổ chức thực hiện")


# Sections that say to whom or how a text applies (scope, definitions, principles, criteria):
# the agencies they list are not being given work.
# An administrative procedure's own parts (its steps, file, deciding office) say who handles a
# file, not what a directive assigns.
SCOPE = re.compile(
    r"^(?:phạm vi điều chỉnh|đối tượng|giải thích từ ngữ|nguyên tắc"
    r"|tiêu chí|hình thức khen thưởng|trình tự(?:,\s*cách thức)? thực hiện|cách thức thực hiện"
    r"|thành phần(?:,\s*số lượng)? hồ sơ|cơ quan giải quyết|thời hạn giải quyết)"
)
# A lead-in whose list items are the tasks ("… thực hiện tốt một số nhiệm vụ sau:").
LIST_LEAD = re.compile(
    r"(?:sau|như sau|dưới đây|cụ thể)\s*:\s*(?:\*\*)?$"
    r"|(?:các|một số|những)\s+(?:nhiệm vụ|nội dung|việc|công việc|giải pháp)[^:]{0,60}:\s*$",
    re.I,
)
# Sections of a conclusion notice that say what is to be done next.
TASKY = re.compile(r"nhiệm vụ|giải pháp|thời gian tới|trọng tâm|kết luận|chỉ đạo|đề nghị|yêu cầu")


def tasky(headings: list[str]) -> bool:
    """Whether a paragraph sits in a section that says what is to be done next."""
    return any(TASKY.search(label(h)) for h in headings)


def heading_paths(headings: list[str]) -> list[tuple[str, ...]]:
    """The heading paths above a paragraph, nearest first."""
    return [tuple(headings[:i]) for i in range(len(headings), 0, -1)]


# What is left of a heading that only leads a list ("Giao Sở Nội vụ chủ trì, phối hợp với
# Sở Tài chính:", "Sở X có trách nhiệm thực hiện các nhiệm vụ:") once the agencies are read.
_LEAD_ONLY = re.compile(
    r"(?:(?:theo|căn cứ|trong phạm vi)\s+(?:chức năng|lĩnh vực)[^:]*?"
    r"(?:quy định|được giao|của mình)\s*,?\s*"
    r"|(?:theo|căn cứ)\s+chức năng\s*,\s*nhiệm vụ(?:\s*,\s*quyền hạn)?\s*,?\s*)?"
    r"(?:(?:chủ trì|phối hợp)[^:]*?)?"
    r"(?:thực hiện|có trách nhiệm|triển khai|tập trung)?"
    r"(?:\s*(?:thực hiện|tốt))?(?:\s*(?:các|một số|những))?"
    r"(?:\s*(?:nhiệm vụ|nội dung|việc|công việc))?(?:\s*(?:sau|như sau|cụ thể|sau đây))?"
)


def lead_only(action: str) -> bool:
    """An assignment whose action is only a colon away: the list under it is the work."""
    if not action.rstrip().endswith(":"):
        return False
    rest = match_form(action).strip(" :,.")
    return _LEAD_ONLY.fullmatch(rest) is not None


def points_to_list(action: str) -> bool:
    """An action that only points to the list under it ("… thực hiện các nội dung sau:"), with
    no lead role of its own ("chủ trì, phối hợp với …" makes the lead-in a task)."""
    return lead_only(action) and not re.search(r"chủ trì|phối hợp", match_form(action))


# A form an appendix gives to fill in ("Mẫu số 01: Sử dụng cho …"): what follows is its text.
FORM = re.compile(r"^\s*Mẫu(?: số)?\s*\d+[a-z]?\s*[:.]")
NOT_A_TASK = re.compile(
    r"^\s*(?:chịu trách nhiệm trước|trên đây là|nơi nhận|kính gửi|kính trình|trân trọng"
    r"|(?:quyết định|nghị quyết|kế hoạch|chỉ thị|quy chế) này (?:đã được|có hiệu lực))",
    re.I,
)


def deadline_only(sentence: str, year: int | None) -> Deadline | None:
    """The deadline of work a sentence orders without naming who ("Khẩn trương hoàn thiện …
    để khởi công trước 30/6/2022"): a firm cue and a date; not a goal ("Đến hết năm 2025: …")."""
    body = strip_marker(sentence)
    deadline = find_deadline(body, year)
    if deadline is None or deadline.due is None or not is_action(body):
        return None
    firm = re.match(
        r"(?:truoc|cham nhat|han chot|hoan thanh truoc|xong truoc)", fold(deadline.text)
    )
    goal = re.match(r"\s*(?:đến|phấn đấu|mục tiêu|có|tỷ lệ|tỉ lệ|\d)", match_form(body))
    done = re.search(r"\bđã\b", match_form(body[: deadline.start]))  # "… đã chỉ đạo … trước"
    return deadline if firm and not goal and not done and deadline.start > 0 else None


# A list marker alone on its line ("3." above "Sở Y tế:"), as crawled pages split them.
MARKER_ONLY = re.compile(
    r"^\s*(?:\d{1,2}(?:\.\d{1,2}){0,2}[.)]?|[a-zđ]\)|\(\d{1,2}\)|[IVX]{1,5}\.|Điều \d+\.?)\s*$"
)
_NAMED_LINE = re.compile(r"^[^:.;]{3,80}:\s+\S")  # "Doanh nghiệp, cá nhân: Quan tâm …"


def agency_label(text: str, numbered: bool = False) -> list[str]:
    """The agencies a paragraph only names, as the label of the lines after it ("Sở Y tế:",
    "Báo …, Sở Văn hóa, Thể thao và Du lịch:"); a numbered one needs no colon."""
    body = strip_marker(text).strip()
    if len(body) > 200 or not (body.endswith(":") or (numbered and names_only(body))):
        return []
    if not body.endswith(":") and _PLACE.match(body):
        return []  # "5" / "Phường Ea Kao": a place in a list (a table's cells), not a label
    if ";" in body and assignment(body[: body.rfind(";")]) is not None:
        return []  # "X tiếp tục …; đồng thời … các nhiệm vụ sau:": work of its own, then a list
    names = heading_agencies(body)
    duty = _DUTY_OF.match(without_asides(body)) if numbered and not names else None
    return [canonical(duty.group(1))] if duty else names


# A numbered label naming who, even one no list knows: "1.5." › "Trách nhiệm của đối tượng
# thực hiện kiểm kê:".
_DUTY_OF = re.compile(
    r"(?:[Tt]rách nhiệm|[Nn]hiệm vụ) của\s+([^.;:]{3,80}?)\s*(?:\([^()]*\))?\s*:$"
)
_PLACE = re.compile(r"(?:xã|phường|huyện|thị trấn|thị xã|quận|thôn|bản)\s+\S", re.I)


def named_line(text: str) -> bool:
    """A paragraph that opens with its own label ("Doanh nghiệp, cá nhân: …")."""
    return bool(_NAMED_LINE.match(strip_marker(text)))


def label(text: str) -> str:
    """A heading or paragraph without its marker, in match form ("Điều 2. Đối tượng áp dụng"
    → "đối tượng áp dụng")."""
    return match_form(strip_marker(re.sub(r"^(?:Khoản \d+|Điểm [a-zđ]) – ", "", text)))


_ASKED = re.compile(r"^\s*(?:[Đđ]ề nghị|[Gg]iao)\s+(?=\S)")


def names_only(text: str) -> bool:
    """A line that only names an agency ("Ngân hàng Nhà nước chi nhánh khu vực 14")."""
    text = without_asides(_ASKED.sub("", text, count=1))  # "Đề nghị Viện Kiểm sát …, Tòa án …"
    agencies, end = leading_agencies(text, 0)
    rest = match_form(text[end:]).strip(" .,;:")
    placed = re.match(r"(?:chi nhánh|khu vực|tỉnh|thành phố|huyện|cấp|trực thuộc|thuộc)\b", rest)
    verb = re.match(r"[a-zđà-ỹ]{2,}\s+[a-zđà-ỹ]", rest) and not placed
    return bool(agencies) and len(rest) < 25 and not verb


_POWER = re.compile(r"\s*(?:quyết định|cho ý kiến)\s+(?!số\b|này\b)[a-zđà-ỹ]")


def grants_power(text: str) -> bool:
    """An item that says what an agency may decide ("Quyết định nâng bậc lương …", "Cho ý kiến
    trước khi …"): a power it is given, not a task."""
    return _POWER.match(match_form(strip_marker(text))) is not None


def is_action(text: str) -> bool:
    """Words that can be a task: a sentence, not a caption, a note in brackets or a title."""
    letters = [c for c in text if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    return (
        len(text) >= 20
        and text[:1].isalpha()
        and upper < 0.5 * len(letters)
        and not NOT_A_TASK.match(text)
    )


def is_closing_line(sentence: str, year: int | None) -> bool:
    """A closing line ("… tổ chức thực hiện Chỉ thị này") that sets no deadline."""
    deadline = find_deadline(sentence, year)
    return is_closing(sentence) and not (deadline and (deadline.due or deadline.recurring))


def joined(blocks: list[Block]) -> list[Block]:
    """Paragraphs a page break cut mid-sentence ("… tiếp tục rà" / "soát, cập nhật …"), whole."""
    out: list[Block] = []
    for block in blocks:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.headings == block.headings
            and not prev.text.rstrip().endswith((".", ":", ";", "!", "?", "…"))
            and block.text[:1].islower()
        ):
            out[-1] = Block(f"{prev.text} {block.text}", prev.headings, prev.start, block.end)
            continue
        out.append(block)
    return out
