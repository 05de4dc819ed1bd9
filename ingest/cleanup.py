"""Format-independent clean-up: every loader's text goes through `clean_text`.

Out comes NFC text with one paragraph per block, blocks separated by one blank line. A paragraph
is one line, except the portal's metadata, the "Nơi nhận" list and signature blocks, which keep a
line per entry because metadata extraction reads the signer and the recipients from them, and
tables, one line per row (ingest/tables.py).
"""

from __future__ import annotations

import re
import unicodedata

from ingest.boilerplate import strip_site_furniture
from ingest.reflow import (
    Para,
    is_hard_wrapped,
    reflow,
    rejoin,
    split_blocks,
    split_run_on_items,
)
from ingest.table_text import extract_tables, fill_tables
from vntext.sentences import SUPERSCRIPTS

_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200b\u200c\u200d\u2060\u00ad\ufffe\uffff"), None)
_SPACES = dict.fromkeys(map(ord, "\t\u00a0\u2007\u202f\u2009\u3000"), " ")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_EMPTY_EMPHASIS = re.compile(r"\*\*[ \t]*\*\*|(?<!\*)\*[ \t]+\*(?!\*)")
# "[5]" note marks of the legal portal become the superscripts the outline attaches notes by.
_BRACKET_MARK = re.compile(r"(?<=[^\s\[])\[(\d{1,3})\]")
_BRACKET_NOTE = re.compile(r"^\[(\d{1,3})\]\s*", re.M)
_TO_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPTS)
_LITERAL_STARS = re.compile(r"\(\*+\)")
_BULLET_GLUED = re.compile(r"^([-+•–])(?=[^\s\d\-–+])")
_NUMBER_LINE = re.compile(r"^Số\s+(\d[\w.]*/[\w.\-ĐđƠơ]+)$")


def normalize_chars(raw: str) -> str:
    """NFC (composes cp1258's combining tone marks), "\\n" line ends, no invisible characters."""
    text = unicodedata.normalize("NFC", raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    text = _CONTROL.sub("", text.translate(_INVISIBLE).translate(_SPACES))
    return "\n".join(line.rstrip() for line in text.split("\n"))


def clean_text(raw: str) -> str:
    meta, body = strip_site_furniture(normalize_chars(raw))
    body, tables = extract_tables(body)  # tables wait as placeholders until paragraphs are built
    body = _EMPTY_EMPHASIS.sub(_empty_emphasis, body)
    body = _BRACKET_NOTE.sub(lambda m: m.group(1).translate(_TO_SUPERSCRIPT) + " ", body)
    body = _BRACKET_MARK.sub(lambda m: m.group(1).translate(_TO_SUPERSCRIPT), body)
    blocks = split_blocks(body)
    paras = split_run_on_items(rejoin(reflow(blocks, is_hard_wrapped(blocks))))
    parts = ["\n".join(meta)] if meta else []
    parts.extend(fill_tables([_render(p) for p in paras], tables))
    return "\n\n".join(p for p in parts if p)


def _empty_emphasis(m: re.Match[str]) -> str:
    """ "** **" between words is a space; "H****òa" is one word."""
    return " " if m.group(0).strip("*") else ""


def _render(para: Para) -> str:
    lines = [_render_line(line) for line in para.lines]
    return "\n".join(line for line in lines if line)


def _render_line(line: str) -> str:
    line = re.sub(r"^#+\s*", "", line)
    kept = _LITERAL_STARS.findall(line)
    line = _LITERAL_STARS.sub("\x00", line).replace("*", "")
    for stars in kept:
        line = line.replace("\x00", stars, 1)
    line = re.sub(r"[ ]{2,}", " ", line).strip()
    line = re.sub(r"\(\s+", "(", re.sub(r"\s+\)", ")", line))
    line = _BULLET_GLUED.sub(r"\1 ", line)
    return _NUMBER_LINE.sub(r"Số: \1", line)
