"""`chidao eval`: accuracy, citation accuracy, absent-answer accuracy, recall@k and latency over a
question set, broken down by question kind."""

from __future__ import annotations

import json
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path

from answering.service import AnswerService
from core.results import Answer
from vntext.terms import nfc


def _norm(text: str) -> str:
    """Case and line breaks do not change a fact: an expected answer quoted from a law with its
    paragraph breaks matches the same words quoted on one line."""
    return " ".join(nfc(text).lower().split())


@dataclass
class Outcome:
    qid: str
    kind: str
    correct: bool
    cited: bool | None  # None for absent questions
    recalled: bool | None
    latency_ms: float
    answer: str
    expect_found: bool


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)
    k: int = 5

    def _share(self, values: list[bool]) -> float:
        return sum(values) / len(values) if values else 0.0

    @property
    def accuracy(self) -> float:
        return self._share([o.correct for o in self.outcomes])

    def summary(self) -> dict:
        present = [o for o in self.outcomes if o.expect_found]
        absent = [o for o in self.outcomes if not o.expect_found]
        lat = sorted(o.latency_ms for o in self.outcomes) or [0.0]
        kinds = sorted({o.kind for o in self.outcomes})
        return {
            "questions": len(self.outcomes),
            "correct": sum(o.correct for o in self.outcomes),
            "accuracy": round(self.accuracy, 4),
            "citation_accuracy": round(self._share([bool(o.cited) for o in present]), 4),
            "absent_accuracy": round(self._share([o.correct for o in absent]), 4),
            f"recall@{self.k}": round(self._share([bool(o.recalled) for o in present]), 4),
            "latency_p50_ms": round(statistics.median(lat), 1),
            "latency_p95_ms": round(lat[min(len(lat) - 1, int(0.95 * len(lat)))], 1),
            "by_kind": {
                k: round(self._share([o.correct for o in self.outcomes if o.kind == k]), 4)
                for k in kinds
            },
        }


def judge(item: dict, answer: Answer) -> tuple[bool, bool | None]:
    """(correct, cited) under the question set's rules."""
    if not item.get("found", True):
        return (not answer.found), None
    text = _norm(answer.answer)
    has_facts = answer.found and all(
        any(_norm(s) in text for s in group) for group in item.get("expect", [])
    )
    sources = set(item.get("sources", []))
    cited = any(c.source in sources for c in answer.citations)
    return has_facts and cited, cited


def load_questions(path: Path) -> list[dict]:
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def evaluate(service: AnswerService, questions: list[dict], k: int = 5) -> Report:
    report = Report(k=k)
    for item in questions:
        t = time.perf_counter()
        answer = service.ask(item["question"])
        latency = (time.perf_counter() - t) * 1000
        correct, cited = judge(item, answer)
        recalled = None
        if item.get("found", True):
            hits = service.retriever.search(service.state(), item["question"], k)[:k]
            docs = service.state().docs
            recalled = any(docs[h.chunk.doc_id].source in set(item["sources"]) for h in hits)
        report.outcomes.append(
            Outcome(
                item.get("id", ""),
                item.get("kind", "fact"),
                correct,
                cited,
                recalled,
                latency,
                answer.answer,
                item.get("found", True),
            )
        )
    return report
