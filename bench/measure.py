"""Query latency at one size, by stage and by kind of question, real query encoding included.

Each question is asked once through AnswerService.ask, whose own timings split it into
retrieval (question analysis, query encoding, BM25, Chroma, exact lookups) and the answer stage;
evidence scoring (part of the answer stage) is then timed alone on the same candidates, and the
query encoding alone once more, so its share of retrieval is known.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from answering.scoring import EvidenceFinder
from answering.service import AnswerService
from answering.understanding import understand
from bench.questions import KINDS, BenchQuestion
from index.hybrid import dense_text

# The encoder's pages, the lookups, the first postings, the task list (read whole by the first
# question about tasks: seconds at 100k documents, reported by the server's first answer).
WARM_UP = (
    "Quy định về thanh niên như thế nào?",
    "quyen cua thanh nien",
    "Sở Tài chính có nhiệm vụ gì sắp đến hạn?",
)
STAGES = ("encode_ms", "retrieval_ms", "evidence_ms", "answer_stage_ms", "answer_ms")


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], 1) if ordered else 0.0


def summary(values: list[float]) -> dict:
    return {"p50": pct(values, 0.5), "p95": pct(values, 0.95), "p99": pct(values, 0.99)}


def _ms(run: Callable[[], object]) -> tuple[float, object]:
    t = time.perf_counter()
    out = run()
    return (time.perf_counter() - t) * 1000, out


def time_question(service: AnswerService, q: BenchQuestion, gold_doc: str | None) -> dict:
    """One question's stages (ms) and whether its gold article was retrieved and cited."""
    answer = service.ask(q.text)
    timings = answer.timings_ms
    state = service.state()
    search_text, analysed = understand(q.text, None)
    hits = service._retrieve(state, search_text, analysed, None)
    evidence_ms, _ = _ms(lambda: EvidenceFinder(state).find(analysed, hits))
    encode_ms, _ = _ms(lambda: service.embedder.embed([dense_text(search_text)], "query"))
    cited = {c.doc_id for c in answer.citations}
    return {
        "kind": q.kind,
        "encode_ms": encode_ms,
        "retrieval_ms": timings["retrieve"],
        "evidence_ms": evidence_ms,
        "answer_stage_ms": timings["answer"],
        "answer_ms": timings["total"],
        "answered": answer.found,
        "gold_retrieved": gold_doc is not None and any(h.chunk.doc_id == gold_doc for h in hits),
        "gold_cited": gold_doc is not None and gold_doc in cited,
    }


def time_questions(
    service: AnswerService, questions: list[BenchQuestion], gold_docs: list[str | None]
) -> dict:
    """Percentiles of every stage over all questions and per kind, with the share of
    questions answered and whose gold article was retrieved (top 20 + lookups) and cited."""
    for text in WARM_UP:
        service.ask(text)
    rows = [time_question(service, q, g) for q, g in zip(questions, gold_docs, strict=True)]
    out: dict = {stage: summary([r[stage] for r in rows]) for stage in STAGES}
    out["questions"] = len(rows)
    out["by_kind"] = {}
    for kind in KINDS:
        mine = [r for r in rows if r["kind"] == kind]
        if not mine:
            continue
        out["by_kind"][kind] = {
            "questions": len(mine),
            **{stage: summary([r[stage] for r in mine]) for stage in STAGES},
            **{
                share: round(sum(r[share] for r in mine) / len(mine), 3)
                for share in ("answered", "gold_retrieved", "gold_cited")
            },
        }
    return out
