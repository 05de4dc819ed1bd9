"""Word lists kept as data files (vntext/data/*.txt, one entry a line, '#' comments), so they can
be read, deduplicated and extended without touching code."""

from __future__ import annotations

import unicodedata
from functools import cache
from importlib.resources import files


@cache
def words(name: str) -> frozenset[str]:
    """The entries of vntext/data/<name>.txt, NFC-normalised."""
    return frozenset(entries(name))


@cache
def entries(name: str) -> tuple[str, ...]:
    """The entries in file order (for lists where order matters, such as longest-first)."""
    text = (files("vntext") / "data" / f"{name}.txt").read_text(encoding="utf-8")
    lines = (unicodedata.normalize("NFC", line.strip()) for line in text.splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))
