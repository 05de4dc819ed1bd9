"""Task extraction against a set written from the documents alone (tests/data/tasks_gold.jsonl).

Matching rule: a predicted task matches a gold task of the same document when the canonical
agency is the same (both None counts), the due date is the same (both None counts), and at
least half of the gold quote's folded syllables are in the predicted quote. Each gold task
matches at most one prediction. Precision counts only predictions inside the annotated scope
of a document (`scope_from` … `scope_to` in tests/data/tasks_docs.json; the whole text when
unset).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from core.results import Task
from ingest.agencies import canonical
from ingest.loaders import load_text
from ingest.metadata import extract_metadata
from ingest.tasks import extract_tasks
from vntext.terms import folded_syllables

MIN_OVERLAP = 0.5


@dataclass
class DocScore:
    source: str
    split: str
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    misses: list[dict] = field(default_factory=list)  # gold tasks no prediction matched
    extras: list[Task] = field(default_factory=list)  # predictions that matched no gold task


@dataclass
class Report:
    docs: list[DocScore]

    def totals(self, split: str | None = None) -> dict[str, float]:
        docs = [d for d in self.docs if split in (None, d.split)]
        gold = sum(d.gold for d in docs)
        predicted = sum(d.predicted for d in docs)
        matched = sum(d.matched for d in docs)
        return {
            "documents": len(docs),
            "gold": gold,
            "predicted": predicted,
            "matched": matched,
            "precision": matched / predicted if predicted else 0.0,
            "recall": matched / gold if gold else 0.0,
        }


def overlap(gold_quote: str, predicted_quote: str) -> float:
    """The share of the gold quote's folded syllables that the predicted quote holds."""
    gold = set(folded_syllables(gold_quote))
    return len(gold & set(folded_syllables(predicted_quote))) / len(gold) if gold else 0.0


def _same_agency(gold: dict, task: Task) -> bool:
    names = {canonical(n) for n in (gold.get("agency"), gold.get("agency_canonical")) if n}
    return task.agency in names if names else task.agency is None


def match(gold: list[dict], predicted: list[Task]) -> list[tuple[int, int]]:
    """(gold index, predicted index) pairs, best overlap first, one to one."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if g.get("due") != p.due or not _same_agency(g, p):
                continue
            score = overlap(g["quote"], p.quote)
            if score >= MIN_OVERLAP:
                pairs.append((score, gi, pi))
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, gi, pi in sorted(pairs, reverse=True):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return out


def in_scope(text: str, doc: dict, tasks: list[Task]) -> list[Task]:
    """The predictions inside the part of the document the annotator covered."""
    start, end = 0, len(text)
    if doc.get("scope_from"):
        m = re.search(r"\s+".join(map(re.escape, doc["scope_from"].split())), text)
        start = m.start() if m else 0
    if doc.get("scope_to"):
        m = re.search(r"\s+".join(map(re.escape, doc["scope_to"].split())), text[start:])
        end = start + m.start() if m else end
    return [t for t in tasks if start <= t.start < end]


def find_document(source: str, folders: list[Path]) -> Path | None:
    return next((f / source for f in folders if (f / source).exists()), None)


def predict(path: Path) -> tuple[str, list[Task]]:
    """The document's text as ingest reads it, and the tasks extracted from it."""
    text = load_text(path)
    metadata = extract_metadata(text, path.name)
    return text, extract_tasks(text, metadata.date, source=path.name, districts=metadata.districts)


def evaluate(gold_file: Path, docs_file: Path, folders: list[Path]) -> Report:
    docs = json.loads(docs_file.read_text(encoding="utf-8"))
    gold: dict[str, list[dict]] = defaultdict(list)
    for line in gold_file.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            gold[row["source"]].append(row)
    scores = []
    for source, doc in docs.items():
        path = find_document(source, folders)
        if path is None:
            raise FileNotFoundError(f"{source} not found in {', '.join(map(str, folders))}")
        text, tasks = predict(path)
        tasks = in_scope(text, doc, tasks)
        pairs = match(gold[source], tasks)
        matched_g = {g for g, _ in pairs}
        matched_p = {p for _, p in pairs}
        scores.append(
            DocScore(
                source,
                doc.get("split", ""),
                len(gold[source]),
                len(tasks),
                len(pairs),
                [g for i, g in enumerate(gold[source]) if i not in matched_g],
                [t for i, t in enumerate(tasks) if i not in matched_p],
            )
        )
    return Report(scores)
