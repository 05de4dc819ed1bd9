"""Where a sentence's subjects may stand: its start, after an opening phrase ("Trên cơ sở …,",
"Để …,"), after ";" or ":", at each of an item's sentences, and after a comma where a second
agency takes up its own work ("Giao Sở A hướng dẫn …, Sở B thẩm định …").
"""

from __future__ import annotations

import re

from ingest.agencies import PREDICATE, find_agencies
from ingest.task_names import VAGUE, leading_agencies

_INTRO = re.compile(r"(?:trên cơ sở|căn cứ|để|theo|nhằm|đối với|về)\b[^,;:]{0,120},\s*")
# A condition before its main clause: whoever it names is not the subject.
_CONDITION = re.compile(r"(?:trường hợp|nếu|khi)\s[^;:]{0,250}?\sthì\s+")
_CLAUSE = re.compile(r"[;:]\s+")
_NEXT_SENTENCE = re.compile(r"(?<=\w)[.!?]\s+(?=[A-ZĐÂÊÔƠƯ])")
_FIRST_COMMA = re.compile(r"[^,;:]{3,120}?,\s*")
_COMMA = re.compile(r",\s+")
# Words PREDICATE knows that place or qualify an agency rather than give it work.
_NOT_WORK = frozenset(
    {"là", "được", "đã", "đang", "sẽ", "có", "gồm", "bao gồm", "trên", "tại", "trong", "để"}
    | {"về", "với", "cho", "khi", "nếu", "thì", "theo", "bằng"}
)


def clause_starts(sentence: str, form: str, at: int) -> list[int]:
    """Where a subject may stand: the start (after "Trên cơ sở …," or "Để …,") and after ";"."""
    condition = _CONDITION.match(form, at)
    if condition:  # "Trường hợp hồ sơ nộp tại Trung tâm … thì Chi nhánh … trả kết quả"
        return [condition.end()]
    starts = [at]
    intro = _INTRO.match(form, at)
    if intro:
        starts.append(intro.end())
    starts += [m.end() for m in _CLAUSE.finditer(form, at)]
    starts += [m.end() for m in _NEXT_SENTENCE.finditer(sentence, at)]  # an item's sentences
    comma = _FIRST_COMMA.match(form, at)  # "Định kỳ (…), UBND cấp xã báo cáo …"
    if comma and not find_agencies(form[at : comma.end()]):
        starts.append(comma.end())
    if intro:  # "Để nâng cao hiệu lực, hiệu quả …, các Sở, ngành, UBND cấp xã … theo dõi …"
        first = next(iter(find_agencies(sentence[at : at + 300])), None)
        if first and re.search(r",\s*$", form[at : at + first.start]):
            starts.append(at + first.start)
    return starts


def subject_commas(sentence: str, form: str, at: int) -> list[int]:
    """Commas after which an agency takes up work of its own ("…, Sở Tài chính thẩm định …"):
    not one that goes on a list of agencies ("phối hợp với Sở A, Sở B thực hiện")."""
    out = []
    for comma in _COMMA.finditer(form, at):
        agencies, end = leading_agencies(sentence, comma.end())
        if not agencies or agencies[0].start != comma.end() or not _works(form, end):
            continue
        before = find_agencies(sentence[: comma.start()])
        if (before and before[-1].end >= comma.start()) or _vague_tail(form[: comma.start()]):
            continue  # "…, Sở A, Sở B thực hiện": one list, one clause
        out.append(comma.end())
    return out


def _works(form: str, end: int) -> bool:
    """Whether what follows an agency is work it is given ("thẩm định …", "hướng dẫn …")."""
    at = end + len(form[end:]) - len(form[end:].lstrip())
    verb = PREDICATE.match(form, at)
    return verb is not None and verb.group(0) not in _NOT_WORK


def _vague_tail(form: str) -> bool:
    """ "… phối hợp với các cơ quan liên quan": a list that ends on agencies no one names."""
    tail = re.search(r"(?:các\s+)?(?:cơ quan|đơn vị|địa phương)[^,;:]{0,30}$", form)
    return tail is not None and VAGUE.match(form, tail.start()) is not None
