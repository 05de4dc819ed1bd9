"""`chidao eval`: accuracy, citation accuracy, absent-answer accuracy, recall@k and latency over a
question set, broken down by question kind."""

from __future__ import annotations

import json
import re
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path

from answering.question import analyse
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
    split: str = ""


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
            "answer_chars": {k: self._lengths(k) for k in kinds},
            "by_split": {
                name: f"{sum(o.correct for o in part)}/{len(part)}"
                for name in sorted({o.split for o in self.outcomes if o.split})
                if (part := [o for o in self.outcomes if o.split == name])
            },
        }

    def _lengths(self, kind: str) -> dict[str, int]:
        """Median and p90 length of the answers found, for one kind of question."""
        sizes = sorted(
            len(o.answer) for o in self.outcomes if o.kind == kind and o.expect_found
        ) or [0]
        return {"median": int(statistics.median(sizes)), "p90": sizes[int(0.9 * (len(sizes) - 1))]}


MAX_FACT_CHARS = 300  # a fact question gets one direct sentence; longer counts as wrong
YES_NO = frozenset(["có", "không", "chưa", "đúng", "sai", "rồi"])


def _contains(text: str, expected: str) -> bool:
    """`expected` in `text`, a figure only whole: "200" is not in "2005" nor in "200.000"."""
    exp = _norm(expected)
    if not exp:
        return False
    head = r"(?<![\d.,/])" if exp[0].isdigit() else ""
    tail = r"(?![\d]|[.,/]\d)" if exp[-1].isdigit() else ""
    return re.search(head + re.escape(exp) + tail, text) is not None


def _first_word(text: str) -> str:
    words = re.findall(r"\w+", nfc(text).lower())
    return words[0] if words else ""


def is_yes_no(item: dict) -> bool:
    groups = item.get("expect", [])
    return len(groups) == 1 and all(_norm(a) in YES_NO for a in groups[0])


def may_be_long(question: str) -> bool:
    """Lists, whole articles and definitions may run past the fact cap."""
    q = analyse(question)
    return bool(q.wants) or bool(q.subject)


def judge(
    item: dict, answer: Answer, max_chars: int | None = MAX_FACT_CHARS
) -> tuple[bool, bool | None]:
    """(correct, cited) under the strict rules: every expected group in the answer (figures
    whole), yes/no gold compared with the answer's first word, a fact answer at most 300
    characters, and the gold document cited. `max_chars=None` drops the length rule only: the
    rule the ALQAC numbers were judged by before answers became one direct sentence."""
    if not item.get("found", True):
        return (not answer.found), None
    text = _norm(answer.answer)
    if is_yes_no(item):
        has_facts = answer.found and _first_word(answer.answer) in {
            _norm(a) for a in item["expect"][0]
        }
    else:
        has_facts = answer.found and all(
            any(_contains(text, s) for s in group) for group in item.get("expect", [])
        )
    if (
        max_chars is not None
        and len(answer.answer) > max_chars
        and not may_be_long(item["question"])
    ):
        has_facts = False
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
                item.get("split", ""),
            )
        )
    return report
