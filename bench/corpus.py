"""Scale corpora from real text: Legal Code articles (1k, 10k, 62k) and, beyond that, documents
composed deterministically from their real sentences, as long as real articles are.

An article's text is one line, so "paragraphs" would be whole articles: composing from four of
them made every document past 62k four times as long as a real one (100k documents then held
as much text as 210k real articles)."""

from __future__ import annotations

import gzip
import json
import random
import re
from collections.abc import Iterator
from pathlib import Path

_SENTENCE_END = re.compile(r"(?<=[.;])\s+")
PHAPDIEN = (
    Path(__file__).resolve().parents[2] / "shared" / "datasets" / "phapdien" / "articles.jsonl.gz"
)


def articles(path: Path = PHAPDIEN) -> Iterator[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)


def write_corpus(folder: Path, size: int, path: Path = PHAPDIEN) -> list[dict]:
    """`size` documents as .txt files (title on top); returns their records. Past the 62,323 real
    articles, documents are composed from real sentences with a fixed seed."""
    folder.mkdir(parents=True, exist_ok=True)
    records: list[dict] = []
    for i, art in enumerate(articles(path)):
        if i >= size:
            break
        records.append(art)
    rng = random.Random(20261122)
    real = len(records)
    sentences = (
        []
        if size <= real
        else [s for r in records for s in _SENTENCE_END.split(r["text"]) if len(s) > 40]
    )
    while len(records) < size:
        target = len(records[rng.randrange(real)]["text"])  # a real article's length
        parts: list[str] = []
        length = 0
        while length < target or not parts:
            parts.append(rng.choice(sentences))
            length += len(parts[-1]) + 1
        shorter = length - len(parts[-1]) - 1
        if len(parts) > 1 and target - shorter < length - target:  # nearer without the last
            parts.pop()
        title = f"Điều tổng hợp {len(records)}. {parts[0][:60]}"
        records.append({"title": title, "text": " ".join(parts)})
    for i, rec in enumerate(records):
        name = folder / f"{i:06d}.txt"
        if not name.exists():
            name.write_text(f"{rec['title']}\n\n{rec['text']}\n", encoding="utf-8")
    return records


def questions(records: list[dict], n: int = 50) -> list[str]:
    """Deterministic questions in officials' words, made from the articles' own titles."""
    rng = random.Random(7)
    picks = rng.sample(records, min(n, len(records)))
    out = []
    for rec in picks:
        title = rec["title"].split(". ", 1)[-1]
        out.append(f"Quy định về {title.lower()} như thế nào?")
    return out
