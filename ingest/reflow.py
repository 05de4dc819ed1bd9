"""Rebuild paragraphs from lines: join lines a crawler or a page width broke inside a sentence,
keep outline markers, the "Nơi nhận" list and the signature lines on lines of their own."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.line_kinds import (
    bare,
    continues_with_lower_bullet,
    ends_sentence,
    is_bullet,
    is_closing,
    is_footnote,
    is_outline,
    is_sign,
    is_structural,
    needs_number,
    starts_lower,
)

_PIPES = re.compile(r"^\|+$")
_RULE = re.compile(r"^[-_=~.…]{3,}$")
_LITERAL_STARS = re.compile(r"\(\*+\)")
_STAR_RUN = re.compile(r"\*+")
_KEEP_LOG = re.compile(r"^[-+\s*]*Lưu\b")
_LONG_LINE = 110


@dataclass
class Para:
    """One output paragraph. Prose has one line; a list or a signature keeps its lines."""

    lines: list[str]
    kind: str = "text"  # text | list | sign | footnote
    hard: bool = False  # a table cell border or rule precedes it: never continued across
    span: int = 1  # source lines in the last line: a stray "**" must not swallow a whole page
    notes: list[Para] = field(default_factory=list)

    @property
    def last(self) -> str:
        return self.lines[-1]


@dataclass
class Block:
    lines: list[str]
    hard: bool


def split_blocks(text: str) -> list[Block]:
    """Blank lines separate blocks softly; table cell borders and rules separate them hard."""
    blocks: list[Block] = []
    lines: list[str] = []
    hard = False
    for raw in text.split("\n"):
        line = raw.strip()
        if not line or _PIPES.match(line) or _RULE.match(line):
            if lines:
                blocks.append(Block(lines, hard))
                lines, hard = [], False
            hard = hard or bool(line)
            continue
        lines.append(line)
    if lines:
        blocks.append(Block(lines, hard))
    return blocks


def is_hard_wrapped(blocks: list[Block]) -> bool:
    """Crawled markdown breaks lines at ~80 characters; typed text keeps a paragraph on one line."""
    lines = [line for b in blocks for line in b.lines]
    if len(lines) < 5:
        return False
    return sum(len(line) > _LONG_LINE for line in lines) < 0.3 * len(lines)


def reflow(blocks: list[Block], wrapped: bool) -> list[Para]:
    out: list[Para] = []
    for block in blocks:
        first, rest = block.lines[0], block.lines[1:]
        prev = out[-1] if out else None
        if prev and prev.kind == "list" and not block.hard and is_bullet(first):
            prev.lines.append(first)
        else:
            out.append(Para([first], _kind(first), block.hard))
        for line in rest:
            cur = out[-1]
            action = _decide(cur, line, wrapped)
            if action == "join":
                cur.lines[-1] = f"{cur.last} {line}"
                cur.span += 1
            elif action == "line":
                cur.lines.append(line)
                cur.span = 1
            else:
                out.append(Para([line], _kind(line)))
    return out


def _kind(line: str) -> str:
    if is_closing(line):
        return "list"
    if is_sign(line):
        return "sign"
    if is_footnote(line):
        return "footnote"
    return "text"


def _decide(cur: Para, line: str, wrapped: bool) -> str:
    """How `line` follows: "join" the last line, add a "line", or start a "new" paragraph."""
    if cur.kind == "sign":
        return _in_signature(cur, line)
    if cur.kind == "list":
        return _in_list(cur, line)
    prev = cur.last
    if _emphasis_open(cur) and cur.span < 5 and not ends_sentence(prev) and not is_sign(line):
        return "join"
    if is_closing(line) or is_sign(line):
        return "new"
    if is_outline(prev) and is_outline(line):
        return "new"  # "Điều 3. Tội phá hoại đê điều" / "1. Người nào…": the heading is whole
    if bare(line)[:1].isdigit() and (needs_number(prev) or _label_only(prev, line)):
        return "join"  # "theo Điều\n15." and "Số:\n63/2025/QĐ-UBND" are one phrase
    if is_structural(line) and not continues_with_lower_bullet(prev, line):
        return "new"
    if _emphasis_closed_at_end(cur):
        return "new"
    if starts_lower(line):
        return "join"
    if line.startswith("*") or ends_sentence(prev) or _case_changes(prev, line):
        return "new"
    return "join" if wrapped else "new"


def _label_only(prev: str, line: str) -> bool:
    return prev.rstrip("* ").endswith(":") and not is_outline(line)


def _in_signature(cur: Para, line: str) -> str:
    """Lines of a signature stay lines; a title broken inside ("ỦY BAN NHÂN\nDÂN") is joined."""
    text = bare(line).rstrip("* ")
    if _emphasis_open(cur) and _is_name(bare(cur.last).rstrip("* ")) and len(text.split()) < 3:
        return "join"  # "**Nguyễn Quỳnh\nThiện**"
    if len(text) > 70 or is_structural(line) or _has_lower(cur.last):
        return "new"
    if is_sign(line) or _is_name(text) or not text:
        return "line"
    return "new" if _has_lower(text) else "join"


def _is_name(text: str) -> bool:
    """ "Phạm Hùng Trường": a few capitalised words, nothing else."""
    words = text.split()
    return 2 <= len(words) <= 5 and all(w[0].isupper() and w[1:].islower() for w in words)


def _in_list(cur: Para, line: str) -> str:
    if is_sign(line):
        return "new"
    if is_bullet(line) or is_closing(line):
        return "line"
    if _KEEP_LOG.match(cur.last) or len(line) > 100 or is_outline(line):
        return "new"
    if starts_lower(line) or bare(line).startswith("("):
        return "join"
    return "line"


def _star_runs(text: str) -> int:
    return len(_STAR_RUN.findall(_LITERAL_STARS.sub("", text)))


def _emphasis_open(cur: Para) -> bool:
    return _star_runs(" ".join(cur.lines)) % 2 == 1


def _emphasis_closed_at_end(cur: Para) -> bool:
    """The paragraph is one bold or italic run ("**QUYẾT ĐỊNH**") and it just closed."""
    text = " ".join(cur.lines)
    opened = re.sub(r"^[#\s]+", "", text).startswith("*")
    return opened and text.endswith("*") and _star_runs(text) % 2 == 0


def _has_lower(text: str) -> bool:
    return any(c.islower() for c in text)


def _case_changes(prev: str, line: str) -> bool:
    """A title in capitals ends where sentence case starts, and the other way round."""
    a, b = bare(prev), bare(line)
    a_letters = sum(c.isalpha() for c in a)
    b_caps = not _has_lower(b) and sum(c.isalpha() for c in b) >= 6 and " " in b
    if a_letters >= 2 and not _has_lower(a) and _has_lower(b):
        return True
    return _has_lower(a) and b_caps


def rejoin(paras: list[Para]) -> list[Para]:
    """Join a paragraph a page break cut ("nhân rộng các" + "mô hình trồng trọt ...").

    Footnote paragraphs the page put between the two halves move after the joined paragraph.
    """
    out: list[Para] = []
    i = 0
    while i < len(paras):
        para = paras[i]
        i += 1
        if para.kind != "text":
            out.append(para)
            continue
        while True:
            j = i
            while j < len(paras) and paras[j].kind == "footnote" and not paras[j].hard:
                j += 1
            if j >= len(paras) or not _continues(para, paras[j], footnotes=j > i):
                break
            para.notes.extend(paras[i:j])
            para.lines[-1] = f"{para.last} {paras[j].lines[0]}"
            para.lines.extend(paras[j].lines[1:])
            para.notes.extend(paras[j].notes)
            i = j + 1
        out.append(para)
        out.extend(para.notes)
        para.notes = []
    return out


_LETTERS = "abcdđeghiklmnopqrstuvxy"
_OWN_MARKER = re.compile(r"^(?:([a-zđ])\)|(\d{1,2})\.)\s")


def split_run_on_items(paras: list[Para]) -> list[Para]:
    """ "b) Tài sản ... nhà nước. c) Tài sản ..." -> two items: the crawl lost the line break.

    Only the item that follows the paragraph's own marker is split off, so inline enumerations
    ("gồm: a) ...; b) ...") stay as written.
    """
    out: list[Para] = []
    for para in paras:
        while para.kind == "text" and len(para.lines) == 1:
            nxt = _next_marker(para.last)
            found = nxt and re.search(rf"(?<=[.;:])\s+(?={re.escape(nxt)}\s+[A-ZĐ])", para.last)
            if not found:
                break
            out.append(Para([para.last[: found.start()]], "text", para.hard))
            para = Para([para.last[found.end() :]], "text")
        out.append(para)
    return out


def _next_marker(text: str) -> str | None:
    m = _OWN_MARKER.match(text)
    if not m:
        return None
    if m.group(1):
        i = _LETTERS.find(m.group(1))
        return f"{_LETTERS[i + 1]})" if 0 <= i < len(_LETTERS) - 1 else None
    return f"{int(m.group(2)) + 1}."


# a word that cites a part of a text by number, after a word that points to one: "tại bước",
# "theo khoản"; not "tài khoản", "địa điểm", "dân số", "chi tiết", which end a heading
_CITES_NUMBER = frozenset({"bước", "khoản", "điểm", "điều"})
_POINTS_TO = frozenset({"tại", "theo", "ở", "và", "hoặc", "các", "của"})


def _wants_number(text: str) -> bool:
    """A sentence cut just before the number it cites ("… theo quy định tại bước" / "3. …")."""
    words = text.rstrip(" *").split()
    return len(words) > 8 and words[-1] in _CITES_NUMBER and words[-2] in _POINTS_TO


def _continues(para: Para, nxt: Para, footnotes: bool) -> bool:
    if nxt.hard or nxt.kind != "text" or ends_sentence(para.last):
        return False
    line = nxt.lines[0]
    if bare(line)[:1].isdigit() and _wants_number(para.last):
        return True  # "… theo quy định tại bước" / "3. Trong thời hạn …": "bước 3", no item 3
    if is_structural(line) and not continues_with_lower_bullet(para.last, line):
        return False
    if starts_lower(line) or para.last.rstrip("* ").endswith(","):
        return True
    heading = is_outline(para.last) or not _has_lower(para.last)
    return footnotes and not heading
