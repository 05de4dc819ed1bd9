"""Scale corpora from real text: Legal Code articles (1k, 10k, 62k) and, beyond that, documents
composed deterministically from their real paragraphs."""

from __future__ import annotations

import gzip
import json
import random
from collections.abc import Iterator
from pathlib import Path

PHAPDIEN = (
    Path(__file__).resolve().parents[2] / "shared" / "datasets" / "phapdien" / "articles.jsonl.gz"
)


def articles(path: Path = PHAPDIEN) -> Iterator[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)


def write_corpus(folder: Path, size: int, path: Path = PHAPDIEN) -> list[dict]:
    """`size` documents as .txt files (title on top); returns their records. Past the 62,323 real
    articles, documents are composed from real paragraphs with a fixed seed."""
    folder.mkdir(parents=True, exist_ok=True)
    records: list[dict] = []
    for i, art in enumerate(articles(path)):
        if i >= size:
            break
        records.append(art)
    rng = random.Random(20261122)
    paragraphs = [p for r in records for p in r["text"].split("\n") if len(p) > 60]
    while len(records) < size:
        pick = rng.sample(paragraphs, 4)
        records.append(
            {"title": f"Điều tổng hợp {len(records)}. {pick[0][:60]}", "text": "\n".join(pick)}
        )
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
