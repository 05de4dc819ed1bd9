"""A heading's whole words, for the agencies it names: the outline cuts a long heading short
("1. Giao người đứng đầu các cơ quan chuyên môn, cơ…"), and a crawl may break one across two
paragraphs ("3. Đề nghị Ủy ban MTTQ Việt Nam tỉnh, Hội Liên hiệp" / "Phụ nữ tỉnh và …")."""

from __future__ import annotations

import re

from ingest.outline import Block, heading_rank
from ingest.task_names import MARKER, strip_marker
from ingest.task_prose import heading_agencies

_ENDS = (".", ":", ";", "!", "?", "…")
_BARE = re.compile(r"(?:Điều \d+[a-z]?|\d{1,2}|[IVX]{1,5})\s*[.:]?")


class HeadingWords:
    """The whole words of the headings met so far, and the paragraphs that only carry on one."""

    def __init__(self, text: str):
        self.text = text
        self.tails: dict[str, str] = {}  # heading → the paragraph its words run into
        self.opened: set[tuple[str, ...]] = set()  # headings whose first paragraph was read
        self.first = False  # the paragraph last read is the first under its heading

    def tail(self, block: Block) -> bool:
        """Whether the paragraph only finishes its heading's words (and is kept with it): the
        first under a heading that stops mid-name, short, unmarked, itself unfinished."""
        path = tuple(block.headings)
        first = self.first = bool(path) and path not in self.opened
        self.opened.add(path)
        text = block.text.strip()
        if not first or heading_rank(text) is not None or MARKER.match(text):
            return False
        heading = path[-1]
        if heading.endswith(_ENDS) or text.endswith(_ENDS) or len(text) > 150:
            return False
        if not text[:1].isupper() or not heading_agencies(heading):
            return False
        self.tails[heading] = text
        return True

    def title(self, block: Block) -> list[str]:
        """The agencies a bare article's title names ("Điều 14." › "Trách nhiệm của Sở Y tế"):
        the paragraphs after it are theirs."""
        text = block.text.strip()
        bare = bool(block.headings) and _BARE.fullmatch(block.headings[-1]) is not None
        if not (self.first and bare) or len(text) > 150 or text.endswith((".", ";")):
            return []
        return heading_agencies(text)

    def whole(self, heading: str, before: int) -> str:
        """The heading's words as the notice wrote them."""
        words = heading
        if heading.endswith("…"):
            body = strip_marker(heading).removesuffix("…")
            at = self.text.rfind(body[:40], 0, before)
            end = self.text.find("\n\n", at)
            words = self.text[at : end if end > at else before].strip() if at >= 0 else heading
        tail = self.tails.get(heading)
        return f"{words} {tail}" if tail else words
