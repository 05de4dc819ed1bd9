"""A sentence cut into segments where a clause, a parenthesis or an aside begins, and the runs
of segments a direct answer is chosen from."""

from __future__ import annotations

import re

MAX_SEGMENTS = 8
_CUT = re.compile(r"(?<=[,;:])\s+|\s+(?=\()|(?<=\))\s+|\s+(?=[–-]\s)|\s+…\s+")
_MARKER = re.compile(r"^(?:[-–•+*]\s*|\(?\d{1,2}(?:\.\d{1,2})*[.)]\s+|\(?[a-zđ]\)\s+|[⁰-⁹¹²³]+\s*)")


def clean(text: str) -> str:
    """A piece without its list marker, closing mark, enclosing brackets and trailing stops."""
    text = _MARKER.sub("", text.strip()).strip().rstrip(",;:–- ").strip()
    if text.endswith("./."):  # the closing mark of a legal text
        text = text[:-2]
    if text.startswith("(") and text.endswith((")", ").")) and text.count("(") == 1:
        text = text.rstrip(".")[1:-1].strip()
    return text[:1].upper() + text[1:]


# a figure repeated in digits, "sáu (06) giờ": part of the figure, not an aside,
# or in words after its digits, "06 (sáu) giờ"
_NUMBER_WORDS = (
    r"một|mốt|hai|ba|bốn|tư|năm|lăm|sáu|bảy|tám|chín|mười|mươi|linh|lẻ|trăm|nghìn|ngàn|triệu|tỷ"
)
_IN_DIGITS = re.compile(rf"\((?:\d[\d.,]*|(?:{_NUMBER_WORDS})(?: (?:{_NUMBER_WORDS}))*)\)", re.I)


def segments(sentence: str) -> list[str]:
    """The sentence cut where a clause, a parenthesis or an aside begins; a figure written
    twice, in words and in digits ("sáu (06) giờ", "06 (sáu) giờ"), stays in one piece."""
    out: list[str] = []
    glue = False
    for part in (s for s in _CUT.split(sentence.strip()) if s.strip()):
        digits = bool(_IN_DIGITS.fullmatch(part.rstrip(",;:")))
        if out and (glue or digits):
            out[-1] = f"{out[-1]} {part}"
        else:
            out.append(part)
        glue = digits and part == part.rstrip(",;:")
    return out


ITEM_WORDS = 4  # a comma-ended segment this short is an item of an enumeration


def windows(
    parts: list[str], lead: str, must: int | None, joined: bool, since: int | None = None
) -> list[str]:
    """Every run of up to MAX_SEGMENTS consecutive segments (holding segment `must` when
    given, and every segment from `since` on to it), alone and after the subject (a lead
    joined to the sentence goes before any run; the sentence's own opening only before a run
    that does not start with it). No run starts inside an enumeration of short items ("do
    thiên tai, hỏa hoạn, địch họa, …": a run from "hỏa hoạn" drops the cases before it),
    unless no other run holds segment `must`."""
    item = [p.rstrip().endswith(",") and len(p.split()) <= ITEM_WORDS for p in parts]
    inside = [
        bool(i) and (item[i - 1] or (item[i] and i + 1 < len(parts) and item[i + 1]))
        for i in range(len(parts))
    ]
    return _runs(parts, lead, must, joined, since, inside) or _runs(
        parts, lead, must, joined, since, [False] * len(parts)
    )


def _runs(
    parts: list[str],
    lead: str,
    must: int | None,
    joined: bool,
    since: int | None,
    inside: list[bool],
) -> list[str]:
    """The runs of `windows` that start at no segment marked `inside`."""
    out: list[str] = []
    first = must if since is None or must is None else min(since, must)
    for i in range(len(parts)):
        if inside[i]:
            continue
        for j in range(i, min(len(parts), i + MAX_SEGMENTS)):
            if must is not None and first is not None and not i <= first <= must <= j:
                continue
            run = " ".join(parts[i : j + 1])
            out.append(run)
            if lead and (joined or i > 0):
                out.append(f"{lead} … {run}")
    return out


def outside_brackets(parts: list[str]) -> list[bool]:
    """Whether each segment stands outside any bracket: an aside is not the answer when the
    sentence itself states a fact of the asked kind."""
    out, depth = [], 0
    for part in parts:
        out.append(depth == 0 and not part.lstrip().startswith("("))
        depth = max(0, depth + part.count("(") - part.count(")"))
    return out


def clauses(parts: list[str]) -> list[int]:
    """The clause (a stretch ended by ";") each segment belongs to; a lead-in ending in ":"
    stays with the case that follows it."""
    ids, current = [], 0
    for part in parts:
        ids.append(current)
        if part.rstrip().endswith(";"):
            current += 1
    return ids
