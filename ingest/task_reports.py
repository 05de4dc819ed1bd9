"""Sentences of a meeting's conclusion notice that name agencies without giving them work: who
attended ("Tham dự có lãnh đạo các sở: …"), the chairing leader's own words ("Đồng chí Phó Chủ
tịch UBND tỉnh biểu dương …"), a district's requests to the province ("UBND huyện X kiến nghị
UBND tỉnh: …"), and, in a section that reports, sentences no one is asked in.
"""

from __future__ import annotations

import re

from ingest.agencies import match_form
from ingest.task_names import strip_marker

# "Tham dự có …", "Tham gia đoàn có …", "Cùng làm việc với đoàn có …", "Thành phần tham dự gồm":
# the opening of a notice lists who sat at the table.
_ATTENDS = re.compile(
    r"\s*(?:(?:cùng\s+)?(?:tham dự|tham gia|dự họp|dự|làm việc|có mặt)\b[^.;:]{0,60}?"
    r"\b(?:có|gồm)\s+(?:các\s+)?(?:đồng chí|lãnh đạo|đại diện|ông|bà|thành viên|thủ trưởng)"
    r"|thành phần(?:\s+tham dự|\s+dự họp)?\s*(?:gồm|có)?\s*:?)"
)
# The leader who chairs, or the province itself, as the subject: the issuer speaking.
_SPEAKER = re.compile(
    r"\s*(?:đồng chí\s+(?:[^,.;:]{0,40},\s*)?)?(?:(?:phó\s+)?chủ tịch\s+)?"
    r"(?:ubnd|ủy ban nhân dân)\s+tỉnh\b(?!\s*(?:,|và))"
    r"|\s*đoàn (?:công tác|kiểm tra)\b"
)
# An agency asking the province ("… kiến nghị UBND tỉnh", "… đề xuất với Chủ tịch UBND tỉnh").
_ASKS_UP = re.compile(
    r"\s*(?:kiến nghị|đề nghị|đề xuất|xin)\s*:?\s+(?:với\s+)?(?:(?:phó\s+)?chủ tịch\s+"
    r"|thường trực\s+)?(?:ubnd|ủy ban nhân dân|hđnd|hội đồng nhân dân)\s+tỉnh\b"
)
# The words that ask someone to act ("Giao", "Đề nghị", "Yêu cầu", "Riêng/Đối với X:").
_ASKS = re.compile(r"(?:^|(?<=[\s,:;(]))(?:giao|đề nghị|yêu cầu|đối với|riêng)\s")


def attends(sentence: str) -> bool:
    """A sentence that says who attended the meeting: attendance is never an assignment."""
    return _ATTENDS.match(match_form(strip_marker(sentence))) is not None


def speaks(sentence: str) -> bool:
    """A sentence whose subject is the chairing leader or the province ("Chủ tịch UBND tỉnh
    ghi nhận, biểu dương …"): the issuer's own words, not work for the agency in context."""
    return _SPEAKER.match(match_form(strip_marker(sentence))) is not None


def asks_up(form: str, at: int) -> bool:
    """Whether the words at `at` (match form, right after an agency) ask the province for
    something: the agency proposes, it is not being given work."""
    return _ASKS_UP.match(form, at) is not None


def asks(sentence: str) -> bool:
    """A sentence with a word that asks someone to act; in a section that reports results or
    shortcomings, only such a sentence assigns ("Sở X đã chủ động …" only reports)."""
    return _ASKS.search(match_form(sentence)) is not None
