"""Scale corpora from real text: Legal Code articles (1k, 10k, 62k) and, beyond that, documents
composed deterministically from their real sentences, as long as real articles are.

The gold articles of a fixed sample of ALQAC questions come first, so every corpus size can be
asked real questions (bench.questions); the other articles follow in file order.

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

from bench.alqac import mapped_questions

_SENTENCE_END = re.compile(r"(?<=[.;])\s+")
PHAPDIEN = (
    Path(__file__).resolve().parents[2] / "shared" / "datasets" / "phapdien" / "articles.jsonl.gz"
)
ALQAC_SAMPLE = 45  # 30 asked as written, 15 unaccented


def articles(path: Path = PHAPDIEN) -> Iterator[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)


def real_records(path: Path = PHAPDIEN) -> list[dict]:
    """Every Legal Code article, the sampled ALQAC gold articles first (`rec["alqac"]` holds
    their questions)."""
    real = list(articles(path))
    picked = random.Random(2022).sample(mapped_questions(real), ALQAC_SAMPLE)
    front: dict[int, list[dict]] = {}
    for question, i in picked:
        front.setdefault(i, []).append(question)
    for i, questions in front.items():
        real[i]["alqac"] = questions
    return [real[i] for i in front] + [r for i, r in enumerate(real) if i not in front]


def records_for(size: int, path: Path = PHAPDIEN) -> list[dict]:
    """`size` records: real articles, then documents composed from their sentences."""
    records = real_records(path)[:size]
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
    return records


def file_of(folder: Path, i: int) -> Path:
    return folder / f"{i:06d}.txt"


def write_corpus(folder: Path, size: int, path: Path = PHAPDIEN) -> list[dict]:
    """`size` documents as .txt files (title on top); returns their records. Files already
    there are kept, so a kept corpus is written once."""
    folder.mkdir(parents=True, exist_ok=True)
    records = records_for(size, path)
    for i, rec in enumerate(records):
        name = file_of(folder, i)
        if not name.exists():
            name.write_text(f"{rec['title']}\n\n{rec['text']}\n", encoding="utf-8")
    return records
